/** The p-th percentile (nearest rank) of some samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

type Results = Record<string, Record<string, number>>;

const TARGETS: Record<string, (r: Results) => [string, boolean]> = {
  'throughput.print_ratio': (r) => ['≤ 1.2', (r.throughput?.print_ratio ?? Infinity) <= 1.2],
  'throughput.tui_ratio': (r) => ['≤ 2', (r.throughput?.tui_ratio ?? Infinity) <= 2],
  'throughput.tui_last_delta_over_sdk_ms': (r) => [
    '≤ 1500',
    (r.throughput?.tui_last_delta_over_sdk_ms ?? Infinity) <= 1500,
  ],
  'history.ratio': (r) => ['≤ 1.2', (r.history?.ratio ?? Infinity) <= 1.2],
  'history.frame_ms_0': (r) => ['≤ 3', (r.history?.frame_ms_0 ?? Infinity) <= 3],
  'latency_ms.p99': (r) => [
    `≤ ${Math.round((r.latency_ms?.frame_interval_ms ?? 16) + 5)} (frame + 5)`,
    (r.latency_ms?.p99 ?? Infinity) <= (r.latency_ms?.frame_interval_ms ?? 16) + 5,
  ],
  'input_echo_ms.p99': (r) => [
    `≤ ${Math.round(2 * (r.latency_ms?.frame_interval_ms ?? 16))} (2 frames)`,
    (r.input_echo_ms?.p99 ?? Infinity) <= 2 * (r.latency_ms?.frame_interval_ms ?? 16),
  ],
  'terminal.full_clears': (r) => ['= 0', r.terminal?.full_clears === 0],
  'terminal.bytes_per_char_delta': (r) => ['≤ 200', (r.terminal?.bytes_per_char_delta ?? Infinity) <= 200],
  'memory.rss_mb_100k_events': (r) => ['≤ 200', (r.memory?.rss_mb_100k_events ?? Infinity) <= 200],
  'startup_ms.version': (r) => ['≤ 75', (r.startup_ms?.version ?? Infinity) <= 75],
  // What 40 short turns leave on the heap, past their events: about 0.1 MB a turn.
  'memory.heap_growth_mb_50_turns': (r) => ['≤ 4', (r.memory?.heap_growth_mb_50_turns ?? Infinity) <= 4],
  'startup_ms.first_frame': (r) => ['≤ 400', (r.startup_ms?.first_frame ?? Infinity) <= 400],
  'longline.longline_256kib_ms': (r) => ['≤ 500', (r.longline?.longline_256kib_ms ?? Infinity) <= 500],
  'paste.paste_1mib_ms': (r) => ['≤ 1000', (r.paste?.paste_1mib_ms ?? Infinity) <= 1000],
  'paste.send_1mib_ms': (r) => ['≤ 1000', (r.paste?.send_1mib_ms ?? Infinity) <= 1000],
  'interrupt.esc_chat_ms': (r) => ['≤ 100', (r.interrupt?.esc_chat_ms ?? Infinity) <= 100],
  'interrupt.esc_ms': (r) => ['≤ 100', (r.interrupt?.esc_ms ?? Infinity) <= 100],
  'sessions.file_to_wire_ratio': (r) => ['≤ 1.5', (r.sessions?.file_to_wire_ratio ?? Infinity) <= 1.5],
  'sessions.resume_1000_cells_ms': (r) => ['≤ 1000', (r.sessions?.resume_1000_cells_ms ?? Infinity) <= 1000],
  'tap_overhead_ms.p99': (r) => ['≤ 1', (r.tap_overhead_ms?.p99 ?? Infinity) <= 1],
  'interrupt.sigterm_restore_ms': (r) => ['≤ 100', (r.interrupt?.sigterm_restore_ms ?? Infinity) <= 100],
};

/** The results as a table a person can read, with the targets beside them. */
export function formatTable(
  results: Results,
  meta: { quick: boolean; columns: number; rows: number; size: { ratioRuns: number } },
): string {
  const rows: string[][] = [['measure', 'value', 'target', '']];
  for (const [section, values] of Object.entries(results)) {
    for (const [key, value] of Object.entries(values)) {
      const name = `${section}.${key}`;
      const target = TARGETS[name]?.(results);
      rows.push([name, String(value), target?.[0] ?? '', target ? (target[1] ? 'met' : 'MISSED') : '']);
    }
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? [];
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  const header = `streambook benchmark${meta.quick ? ' (--quick sizes)' : ''}, ${meta.columns}x${meta.rows} terminal, sizes ${JSON.stringify(meta.size)}`;
  const medians = `The ratios (throughput's print_ratio, print_saved_ratio, tui_ratio, wire_floor_ratio, headless_ratio, headless_saved_ratio and tui_last_delta_over_sdk_ms; history.ratio) are each the median of ${meta.size.ratioRuns} run(s) of that run's own ratio.`;
  return [header, medians, '', line(rows[0] ?? []), rule, ...rows.slice(1).map(line)].join('\n');
}

export function median(values: readonly number[]): number {
  const numbers = [...values].sort((a, b) => a - b);
  return numbers[Math.floor(numbers.length / 2)] ?? 0;
}

export function round(n: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
