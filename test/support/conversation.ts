import type { AppHarness } from '../ui/harness.js';

/** The conversation pane's lines (left of the gutter when the timeline is beside it). */
export function conversation(app: AppHarness): string[] {
  const lines = app.text().split('\n');
  const separator = lines.findIndex((line) => /^─{20,}$/.test(line));
  return lines.slice(0, separator).map((line) => (line.split('│')[0] ?? '').trimEnd());
}
