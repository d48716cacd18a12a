import { writeFileSync } from 'node:fs';

/** Children report to the runner through a file: the TUI child's stdout is its terminal. */
export function report(result: unknown): void {
  const path = process.env.BENCH_RESULT;
  if (!path) throw new Error('BENCH_RESULT is not set');
  writeFileSync(path, JSON.stringify(result));
}

/** CPU time (user + system) this process has used, in ms. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback);
}
