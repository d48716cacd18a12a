import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import type { Cell } from '../../src/store/cell.js';
import { toastText } from '../../src/ui/components/ToastLine.js';
import { type AppHarness, eventually, renderApp, tick } from '../ui/harness.js';

type AppOptions = Parameters<typeof renderApp>[0];

/**
 * Apps and temp dirs that close after each test of the calling suite, so a failing test
 * leaves nothing running. Call it at the top of a `describe`.
 */
export function openApps() {
  const open: AppHarness[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((app) => app.close()));
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  async function app(options: AppOptions = {}): Promise<AppHarness> {
    const harness = await renderApp(options);
    open.push(harness);
    return harness;
  }

  function tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'streambook-ui-'));
    dirs.push(dir);
    return dir;
  }

  /** The App after one finished turn. */
  async function afterTurn(options: AppOptions = {}, prompt = 'hello'): Promise<AppHarness> {
    const harness = await app(options);
    await harness.type(prompt);
    await harness.session.settled();
    await tick(20);
    return harness;
  }

  /**
   * The App after a long reply (200 deltas, `deltasPerSecond` of them a second) was interrupted
   * with Esc once more than `chars` characters of it had come.
   */
  async function afterInterrupt(deltasPerSecond: number, chars = 0): Promise<AppHarness> {
    const harness = await app({ scenario: 'long:200', pace: { deltasPerSecond } });
    await harness.type('tell me a long story');
    await eventually(() => expect(cell(harness).blocks[0]?.text.length ?? 0).toBeGreaterThan(chars));
    await harness.keys('\u001b');
    await harness.session.settled();
    await tick(20);
    return harness;
  }

  return { app, tempDir, afterTurn, afterInterrupt };
}

export function cell(harness: AppHarness, index = 0): Cell {
  const found = harness.session.state.cells[index];
  if (!found) throw new Error('no such cell');
  return found;
}

/** The toast as read off the screen: its one or two lines above the status line. */
export function toast(harness: AppHarness): string {
  const shown = harness.session.state.toast;
  const lines = shown ? toastText(shown, 100).length : 1;
  return harness
    .text()
    .split('\n')
    .slice(-1 - lines, -1)
    .join(' ');
}
