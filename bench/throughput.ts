import { startOfflineServer } from '../src/offline/server.js';
import type { BenchChildren, ChildResult, TuiResult } from './children.js';
import { median, round } from './report.js';

/**
 * CPU to consume one zero-delay stream of `size.deltas` deltas: the bare SDK, print mode
 * (without and with its session file) and the notebook, and the floors under them (the SDK
 * with the wire tap and guard alone; the notebook without its view). Ratios move by a third
 * from run to run here, so each is the median of `size.ratioRuns` runs, each run all of them
 * in turn, its ratio taken within the run.
 */
export async function throughput(
  size: { deltas: number; ratioRuns: number },
  { tui, child }: Pick<BenchChildren, 'tui' | 'child'>,
  log: (line: string) => void,
): Promise<Record<string, number>> {
  log(`throughput: ${size.deltas} deltas, ${size.ratioRuns} run(s) each`);
  const server = await startOfflineServer({ pace: 'none', scenario: `long:${size.deltas}` });
  try {
    const args = ['--url', server.url, '--max-tokens', String(size.deltas + 1000)];
    const trios: Array<
      Record<'sdk' | 'print' | 'printSaved' | 'floor' | 'headless' | 'headlessSaved', ChildResult> & {
        tui: TuiResult;
      }
    > = [];
    for (let i = 0; i < size.ratioRuns; i++) {
      trios.push({
        sdk: await child<ChildResult>('child-sdk.js', args),
        print: await child<ChildResult>('child-print.js', args),
        printSaved: await child<ChildResult>('child-print.js', [...args, '--save', 'on']),
        tui: await tui(args),
        floor: whole(await child<ChildResult>('child-wire-floor.js', args), size.deltas),
        headless: whole(await child<ChildResult>('child-headless.js', args), size.deltas),
        headlessSaved: whole(
          await child<ChildResult>('child-headless.js', [...args, '--save', 'on']),
          size.deltas,
        ),
      });
    }
    const tuiRuns = trios.map((r) => r.tui);
    return {
      sdk_cpu_ms: round(median(trios.map((r) => r.sdk.cpuMs))),
      print_cpu_ms: round(median(trios.map((r) => r.print.cpuMs))),
      tui_cpu_ms: round(median(tuiRuns.map((r) => r.cpuMs))),
      print_ratio: round(median(trios.map((r) => r.print.cpuMs / r.sdk.cpuMs)), 2),
      // As `streambook -p` runs by default: the turn saved to its session file too.
      print_saved_cpu_ms: round(median(trios.map((r) => r.printSaved.cpuMs))),
      print_saved_ratio: round(median(trios.map((r) => r.printSaved.cpuMs / r.sdk.cpuMs)), 2),
      tui_ratio: round(median(trios.map((r) => r.tui.cpuMs / r.sdk.cpuMs)), 2),
      // The floors under those: the SDK with only the guard and the wire tap every turn has, and
      // the notebook without its view, without and with its session file.
      wire_floor_ratio: round(median(trios.map((r) => r.floor.cpuMs / r.sdk.cpuMs)), 2),
      headless_ratio: round(median(trios.map((r) => r.headless.cpuMs / r.sdk.cpuMs)), 2),
      headless_saved_ratio: round(median(trios.map((r) => r.headlessSaved.cpuMs / r.sdk.cpuMs)), 2),
      sdk_last_delta_ms: round(median(trios.map((r) => r.sdk.lastDeltaWallMs))),
      tui_last_delta_ms: round(median(tuiRuns.map((r) => r.lastDeltaWallMs))),
      tui_last_delta_over_sdk_ms: round(
        median(trios.map((r) => r.tui.lastDeltaWallMs - r.sdk.lastDeltaWallMs)),
      ),
      deltas: size.deltas,
      renders_per_frame: round(Math.max(...tuiRuns.map((r) => r.commits / Math.max(1, r.frames))), 2),
      notifications_per_delta: round(
        Math.max(...tuiRuns.map((r) => r.notifications / Math.max(1, r.deltas))),
        4,
      ),
    };
  } finally {
    await server.close();
  }
}

/** A floor is only one if the child took in the whole stream: a turn that failed early costs less. */
function whole(result: ChildResult & { deltas?: number; status?: string }, deltas: number): ChildResult {
  const took = result.status === undefined ? result.deltas === deltas : result.status === 'complete';
  if (!took) throw new Error(`a throughput child did not take the whole stream: ${JSON.stringify(result)}`);
  return result;
}
