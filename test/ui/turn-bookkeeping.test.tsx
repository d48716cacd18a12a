import { afterEach, describe, expect, it } from 'vitest';
import { type AppHarness, renderApp, tick } from './harness.js';

const open: AppHarness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((app) => app.close()));
});

async function app(scenario: string): Promise<AppHarness> {
  const harness = await renderApp({ scenario });
  open.push(harness);
  return harness;
}

async function send(harness: AppHarness, line: string): Promise<void> {
  await harness.type(line);
  await harness.session.settled();
  await tick(20);
}

/** The conversation pane's text (left of the timeline's gutter), its wrapped lines joined. */
function conversation(harness: AppHarness): string {
  const lines = harness.text().split('\n');
  const separator = lines.findIndex((line) => /^─{20,}$/.test(line));
  return lines
    .slice(0, separator)
    .map((line) => (line.split('│')[0] ?? '').trim())
    .join(' ');
}

describe('the notebook keeps honest books of its turns', () => {
  it('a failed turn shows "tokens unknown", the totals turn "≥", and /retry marks it replaced', async () => {
    const harness = await app('overloaded');
    await send(harness, 'hello there');
    expect(conversation(harness)).toMatch(/failed · TTFT [^·]+ · total [^·]+ · tokens unknown · – tok\/s/);
    expect(harness.text().split('\n').at(-1)).toMatch(/ · ≥\d+ in \/ ≥0 out /);
    await send(harness, '/scenario chat');
    await send(harness, '/retry');
    expect(conversation(harness)).toMatch(
      /✗ overloaded_error .* ↻ replaced by \[2\] .*In \[2\]: hello there/,
    );
  });

  it('a reply with an unknown block type says once that it is not sent back', async () => {
    const harness = await app('unknown-event');
    await send(harness, 'hello');
    const text = conversation(harness);
    const note = /ⓘ not sent back to the API, which refuses block types it does not know: future_widget/g;
    expect(text.match(note)).toHaveLength(1);
  });
});
