import chalk from 'chalk';
import { render } from 'ink';
import { createClipboard } from '../clipboard/clipboard.js';
import type { CommandContext } from '../commands/command.js';
import type { Config } from '../config/config.js';
import { offlinePace, openConnection } from '../connection.js';
import { Session } from '../store/session.js';
import { initialState } from '../store/session-state.js';
import { SessionStore } from '../store/session-store.js';
import { App } from './App.js';
import { enterFullScreen } from './full-screen.js';

/** Ink's frame rate cap; the store notifies at the same pace, so no frame is computed twice. */
export const FRAME_MS = 16;

/** The interactive notebook: full screen until /quit, Ctrl+D or a second Ctrl+C. */
export async function runNotebook(config: Config): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(
      'streambook: the notebook needs a terminal; for pipes and scripts use -p (try: streambook --help)\n',
    );
    return 2;
  }
  if (process.env.NO_COLOR) chalk.level = 0;
  const connection = await openConnection(config.connection, {
    maxRetries: config.maxRetries,
    pace: offlinePace(process.env),
  });
  const scenario = connection.offline ? connection.offline.scenario : null;
  const store = new SessionStore(
    initialState(
      config.settings,
      { offline: connection.offline !== null, describe: connection.describe },
      scenario,
    ),
    {
      frameMs: FRAME_MS,
    },
  );
  const session = new Session(store, connection.client, connection.offline);
  const screen = enterFullScreen(process.stdout);
  let quit = () => {};
  const commands: CommandContext = {
    session,
    clipboard: createClipboard((data) => process.stdout.write(data)),
    cwd: process.cwd(),
    quit: () => quit(),
  };
  const instance = render(<App commands={commands} />, {
    exitOnCtrlC: false,
    patchConsole: true,
    maxFps: Math.round(1000 / FRAME_MS),
    // Ink 6.8's incremental mode writes changed lines one row too low when a frame is shorter
    // than the screen (seen in tmux and xterm.js), and ours always is; each frame is written
    // whole instead, inside a synchronized update, so it is bounded by the screen's size.
    incrementalRendering: false,
  });
  quit = () => {
    session.interrupt();
    instance.unmount();
  };
  if (config.prompt) session.submit(config.prompt);
  try {
    await instance.waitUntilExit();
  } finally {
    screen.leave();
    await connection.close();
  }
  return 0;
}
