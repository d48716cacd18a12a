import { afterEach } from 'vitest';
import { createClipboard } from '../../src/clipboard/clipboard.js';
import type { Command, CommandContext, CommandResult } from '../../src/commands/command.js';
import { runCommandLine } from '../../src/commands/index.js';
import type { TurnSettings } from '../../src/engine/types.js';
import type { Recordings } from '../../src/offline/recording.js';
import { type OfflineServer, startOfflineServer } from '../../src/offline/server.js';
import { Session } from '../../src/session/session.js';
import { initialState } from '../../src/store/session-state.js';
import { SessionStore } from '../../src/store/session-store.js';
import { clientFor, SETTINGS } from '../support/turns.js';

/** A real session on its own offline server, and a way to run command lines on it. */
export interface CommandBench {
  session: Session;
  server: OfflineServer;
  context: CommandContext;
  /** Runs one command, and resolves to what it says should happen (nothing is done about it). */
  call(command: Command, args?: string): Promise<CommandResult>;
  /** Runs "/name args" as the prompt does; resolves to the toast it left (an error shows as a toast too). */
  run(line: string): Promise<string | undefined>;
  /** The text last sent to the clipboard (by OSC 52; there is no system clipboard here). */
  copied(): string | undefined;
  /** How many times the notebook was asked to quit. */
  quits: number;
  /** Sends a prompt and waits for its turn to end. */
  send(prompt: string): Promise<void>;
  close(): Promise<void>;
}

export async function commandBench(
  options: {
    scenario?: string;
    settings?: Partial<TurnSettings>;
    cwd?: string;
    recordings?: Recordings;
  } = {},
): Promise<CommandBench> {
  const scenario = options.scenario ?? 'chat';
  const server = await startOfflineServer({
    pace: 'none',
    scenario,
    ...(options.recordings ? { recordings: options.recordings } : {}),
  });
  const store = new SessionStore(
    initialState({ ...SETTINGS, ...options.settings }, { offline: true, describe: 'offline' }, scenario),
  );
  const session = new Session(store, clientFor(server.url), server);
  let osc52 = '';
  const context: CommandContext = {
    session,
    clipboard: createClipboard((data) => {
      osc52 = data;
    }, null),
    cwd: options.cwd ?? process.cwd(),
    quit: () => {
      bench.quits++;
    },
  };
  const bench: CommandBench = {
    session,
    server,
    context,
    quits: 0,
    call: async (command, args = '') => command.run(context, args),
    copied() {
      const start = '\u001b]52;c;';
      if (!osc52.startsWith(start)) return undefined;
      return Buffer.from(osc52.slice(start.length, -1), 'base64').toString('utf8');
    },
    async run(line) {
      await runCommandLine(line, context);
      return session.state.toast?.text;
    },
    async send(prompt) {
      session.submit(prompt);
      await session.settled();
    },
    async close() {
      session.interrupt();
      await session.settled();
      await server.close();
    },
  };
  return bench;
}

type BenchOptions = Parameters<typeof commandBench>[0];

/** A maker of benches for one test file; each bench is closed after its test. */
export function commandBenches(): (options?: BenchOptions) => Promise<CommandBench> {
  const open: CommandBench[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((bench) => bench.close()));
  });
  return async (options) => {
    const bench = await commandBench(options);
    open.push(bench);
    return bench;
  };
}
