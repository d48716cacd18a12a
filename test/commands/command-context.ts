import { createClipboard } from '../../src/clipboard/clipboard.js';
import type { CommandContext } from '../../src/commands/command.js';
import { runCommandLine } from '../../src/commands/index.js';
import type { TurnSettings } from '../../src/engine/types.js';
import { type OfflineServer, startOfflineServer } from '../../src/offline/server.js';
import { Session } from '../../src/session/session.js';
import { initialState } from '../../src/store/session-state.js';
import { SessionStore } from '../../src/store/session-store.js';
import { clientFor, SETTINGS } from '../support/turns.js';

/** A real session on its own offline server, and a way to run command lines on it. */
export interface CommandBench {
  session: Session;
  server: OfflineServer;
  /** Runs "/name args"; resolves to the toast it left (an error shows as a toast too). */
  run(line: string): Promise<string | undefined>;
  /** Sends a prompt and waits for its turn to end. */
  send(prompt: string): Promise<void>;
  close(): Promise<void>;
}

export async function commandBench(
  options: { scenario?: string; settings?: Partial<TurnSettings>; cwd?: string } = {},
): Promise<CommandBench> {
  const scenario = options.scenario ?? 'chat';
  const server = await startOfflineServer({ pace: 'none', scenario });
  const store = new SessionStore(
    initialState({ ...SETTINGS, ...options.settings }, { offline: true, describe: 'offline' }, scenario),
  );
  const session = new Session(store, clientFor(server.url), server);
  const context: CommandContext = {
    session,
    clipboard: createClipboard(() => {}, null),
    cwd: options.cwd ?? process.cwd(),
    quit: () => {},
  };
  return {
    session,
    server,
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
}
