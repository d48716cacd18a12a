import { spawn, spawnSync } from 'node:child_process';

export interface SystemClipboard {
  /** The command's name, as the toast shows it. */
  name: string;
  command: string;
  args: string[];
}

const CANDIDATES: Array<SystemClipboard & { when: (env: NodeJS.ProcessEnv) => boolean }> = [
  { name: 'pbcopy', command: 'pbcopy', args: [], when: () => process.platform === 'darwin' },
  { name: 'wl-copy', command: 'wl-copy', args: [], when: (env) => Boolean(env.WAYLAND_DISPLAY) },
  { name: 'xclip', command: 'xclip', args: ['-selection', 'clipboard'], when: (env) => Boolean(env.DISPLAY) },
  { name: 'xsel', command: 'xsel', args: ['--clipboard', '--input'], when: (env) => Boolean(env.DISPLAY) },
  { name: 'clip.exe', command: 'clip.exe', args: [], when: () => process.platform === 'win32' || isWsl() },
];

/** The first clipboard command that applies here and is installed, if any. */
export function findSystemClipboard(env: NodeJS.ProcessEnv = process.env): SystemClipboard | null {
  for (const candidate of CANDIDATES) {
    if (!candidate.when(env) || !onPath(candidate.command)) continue;
    const { when: _when, ...found } = candidate;
    return found;
  }
  return null;
}

/** Pipes text into the command; resolves to whether it exited 0 within two seconds. */
export function runSystemClipboard(clipboard: SystemClipboard, text: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(clipboard.command, clipboard.args, { stdio: ['pipe', 'ignore', 'ignore'] });
    const timer = setTimeout(() => {
      child.kill();
      resolve(false);
    }, 2000);
    child.on('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
    // xclip and wl-copy stay alive to serve the selection; exit 0 of the parent is enough.
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
    child.stdin.end(text);
  });
}

function onPath(command: string): boolean {
  const probe = process.platform === 'win32' ? 'where' : 'which';
  return spawnSync(probe, [command], { stdio: 'ignore' }).status === 0;
}

function isWsl(): boolean {
  return (
    process.platform === 'linux' && /microsoft/i.test(process.env.WSL_DISTRO_NAME ?? process.env.WSLENV ?? '')
  );
}
