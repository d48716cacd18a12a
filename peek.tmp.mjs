import pty from '@lydell/node-pty';
const env = { ...process.env, TERM: 'xterm-256color', STREAMBOOK_OFFLINE_PACE: 'realistic' };
delete env.CI;
const p = pty.spawn(process.execPath, ['/work/wt/writer/dist/cli.js', '--offline', '--scenario', 'long:400'], { cols: 120, rows: 40, env, cwd: '/tmp/writer' });
let buf = '';
p.onData((d) => { buf += d; });
setTimeout(() => { p.write('hello\r'); }, 2000);
setTimeout(() => { buf = ''; }, 5000);
setTimeout(() => {
  const frames = buf.split('\x1b[?2026h').slice(1, 4);
  for (const f of frames) console.log(f.length, JSON.stringify(f));
  p.kill(); process.exit(0); }, 5200);
