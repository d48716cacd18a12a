import { startTap, type TapServer } from '../../src/tap/tap-server.js';

/** A tap on a free loopback port; its log and warning lines both go to `lines`. */
export function testTap(upstream: string, stateDir: string, lines: string[] = []): Promise<TapServer> {
  const say = (line: string) => void lines.push(line);
  return startTap({ port: 0, host: '127.0.0.1', upstream, stateDir, log: say, warn: say });
}
