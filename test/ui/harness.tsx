/**
 * Helpers for the notebook UI's tests: real sessions on their own offline server, real turns,
 * and real Ink. Turns answered with given events are in test/support/scripted-turns.ts; Ink on
 * a terminal of a given size in test/support/sized-ink.tsx.
 */
import type Anthropic from '@anthropic-ai/sdk';
import { render } from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import { createClipboard } from '../../src/clipboard/clipboard.js';
import type { CommandContext } from '../../src/commands/command.js';
import { withPrompt } from '../../src/engine/history.js';
import { streamTurn } from '../../src/engine/turn.js';
import type { TurnSettings, TurnUpdate } from '../../src/engine/types.js';
import type { Pace } from '../../src/offline/pace.js';
import { type OfflineServer, startOfflineServer } from '../../src/offline/server.js';
import { Session } from '../../src/session/session.js';
import type { Cell } from '../../src/store/cell.js';
import { initialState } from '../../src/store/session-state.js';
import { SessionStore } from '../../src/store/session-store.js';
import { App } from '../../src/ui/App.js';
import { loadRenderers } from '../../src/ui/render/markdown-loader.js';
import { cellFrom } from '../support/cells.js';
import { clientFor, SETTINGS } from '../support/turns.js';

export { cellFrom, loadRenderers };

/** Waits for the store's frame timer (16 ms) and Ink's render to run; a key's render needs ~1 ms. */
export function tick(ms = 20): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `check` passes (or throws its last failure after `timeoutMs`). */
export async function eventually<T>(check: () => T, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await tick(15);
    }
  }
}

export function plain(text: string | undefined): string {
  return stripAnsi(text ?? '');
}

export interface Notebook {
  session: Session;
  store: SessionStore;
  server: { url: string; close(): Promise<void> };
  close(): Promise<void>;
}

/** A real session talking to its own offline server on port 0. */
export async function notebook(
  options: { scenario?: string; pace?: Pace; settings?: Partial<TurnSettings>; maxRetries?: number } = {},
): Promise<Notebook> {
  const scenario = options.scenario ?? 'chat';
  const server = await startOfflineServer({ pace: options.pace ?? 'none', scenario });
  const store = new SessionStore(
    initialState(
      { ...SETTINGS, ...options.settings },
      { offline: true, describe: 'offline API (answers are simulated)' },
      scenario,
    ),
  );
  return sessionOn(store, clientFor(server.url, options.maxRetries ?? 2), server, server);
}

/** A real session on `client`; closing it ends its turn, then the server. */
export function sessionOn(
  store: SessionStore,
  client: Anthropic,
  server: Notebook['server'],
  offline: OfflineServer | null = null,
  options: ConstructorParameters<typeof Session>[3] = {},
): Notebook {
  const session = new Session(store, client, offline, options);
  return {
    session,
    store,
    server,
    async close() {
      session.interrupt();
      await session.settled();
      await server.close();
    },
  };
}

/** Runs one real turn per prompt and returns the finished cells. */
export async function runCells(
  scenario: string,
  prompts: string[] = ['Write a 1 sentence description of a sci fi world'],
  settings: Partial<TurnSettings> = {},
): Promise<Cell[]> {
  const nb = await notebook({ scenario, settings });
  try {
    for (const prompt of prompts) {
      nb.session.submit(prompt);
      await nb.session.settled();
    }
    return nb.session.state.cells;
  } finally {
    await nb.close();
  }
}

export async function runCell(scenario: string, settings: Partial<TurnSettings> = {}): Promise<Cell> {
  const [cell] = await runCells(scenario, undefined, settings);
  if (!cell) throw new Error('no cell');
  return cell;
}

/** The real updates of one turn against an offline scenario. */
export async function turnUpdates(
  scenario: string,
  settings: Partial<TurnSettings> = {},
): Promise<TurnUpdate[]> {
  const server = await startOfflineServer({ pace: 'none', scenario });
  try {
    return await collectUpdates(server.url, settings);
  } finally {
    await server.close();
  }
}

/** Streams one turn (raw mode, unless `settings` say otherwise) from the server at `url`; its updates. */
export async function collectUpdates(url: string, settings: Partial<TurnSettings>): Promise<TurnUpdate[]> {
  const updates: TurnUpdate[] = [];
  await streamTurn(
    {
      client: clientFor(url),
      messages: withPrompt([], 'Write a 1 sentence description of a sci fi world'),
      settings: { ...SETTINGS, mode: 'raw', ...settings },
    },
    (update) => updates.push(update),
  );
  return updates;
}

export interface Rendered {
  frame(): string;
  text(): string;
  stdin: { write(data: string): void };
  unmount(): void;
}

export interface AppHarness extends Rendered, Notebook {
  /** Everything /copy wrote to the terminal. */
  written: string[];
  cwd: string;
  quits: number;
  /** Types keys one read at a time, waiting for the app between them. */
  keys(...inputs: string[]): Promise<void>;
  /** Types a line and presses Enter. */
  type(line: string): Promise<void>;
}

/** The whole App, rendered by ink-testing-library (100 columns, 24 rows), on a real offline session. */
export async function renderApp(
  options: { scenario?: string; pace?: Pace; settings?: Partial<TurnSettings>; cwd?: string } = {},
): Promise<AppHarness> {
  const nb = await notebook(options);
  return renderAppFor(nb, options.cwd);
}

/** The App on a given session (e.g. one whose client talks to `serveEvents`). */
export async function renderAppFor(nb: Notebook, cwd = process.cwd()): Promise<AppHarness> {
  const written: string[] = [];
  const harness = {} as AppHarness;
  const commands: CommandContext = {
    session: nb.session,
    clipboard: createClipboard((data) => written.push(data), null),
    cwd,
    quit: () => {
      harness.quits++;
    },
  };
  const app = render(<App commands={commands} />);
  // The App loads the Markdown renderer after its first frame; tests wait for it, so that
  // finished replies are rendered as they will be once it is here.
  await loadRenderers();
  Object.assign(harness, nb, {
    written,
    cwd,
    quits: 0,
    stdin: app.stdin,
    frame: () => app.lastFrame() ?? '',
    text: () => plain(app.lastFrame()),
    unmount: () => app.unmount(),
    async keys(...inputs: string[]) {
      for (const input of inputs) {
        app.stdin.write(input);
        await tick(3);
      }
      await tick(12);
    },
    async type(line: string) {
      app.stdin.write(line);
      await tick(3);
      app.stdin.write('\r');
      await tick(15);
    },
    async close() {
      app.unmount();
      await nb.close();
    },
  });
  await tick(5);
  return harness;
}
