import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/** How the command ended: its exit code as a shell gives it, and a line to show if it never ran. */
export interface CommandResult {
  code: number;
  /** Set when the command could not be started. */
  problem?: string;
}

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs `command` with the terminal as its own (stdio inherited) and `env`, until it exits.
 * Signals sent to the tap go on to the command, which decides when to stop; the tap stays up
 * meanwhile, so requests the command makes while stopping still get through. The exit code
 * follows the shell's conventions: the command's own, 128 + the signal that killed it, 127
 * when it is not found and 126 when it can't be run.
 */
export function runCommand(command: readonly string[], env: NodeJS.ProcessEnv): Promise<CommandResult> {
  const [file, ...args] = command as [string, ...string[]];
  return new Promise((resolve) => {
    const child = spawn(file, args, { stdio: 'inherit', env });
    const forward = (signal: NodeJS.Signals) => {
      // A terminal's Ctrl+C reaches the whole foreground group, the command included: sent
      // again, the command would get it twice.
      if (signal === 'SIGINT' && process.stdin.isTTY) return;
      child.kill(signal);
    };
    for (const signal of FORWARDED) process.on(signal, forward);
    const done = (result: CommandResult) => {
      for (const signal of FORWARDED) process.off(signal, forward);
      resolve(result);
    };
    child.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT')
        done({ code: 127, problem: `${file}: command not found; check its name or PATH` });
      else if (error.code === 'EACCES')
        done({ code: 126, problem: `${file}: permission denied; is it executable?` });
      else done({ code: 1, problem: `${file} could not be run: ${error.message}` });
    });
    child.once('exit', (code, signal) => {
      done({ code: code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0) });
    });
  });
}
