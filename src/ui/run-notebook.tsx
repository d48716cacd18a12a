import chalk from 'chalk';
import { type Instance, render } from 'ink';
import { createClipboard } from '../clipboard/clipboard.js';
import type { CommandContext } from '../commands/command.js';
import type { Config } from '../config/config.js';
import {
  connectionSource,
  offlinePace,
  preloadReplay,
  type StartingConnection,
  startConnection,
} from '../engine/connection.js';
import { PromptHistory, promptsPath, withEarlierPrompts } from '../journal/prompt-history.js';
import { continueFrom, JournalError, type ResumedSession, resumeSession } from '../journal/resume.js';
import { SessionJournal } from '../journal/session-journal.js';
import { RecordingError, Recordings } from '../offline/recording.js';
import { Session } from '../session/session.js';
import { initialState } from '../store/session-state.js';
import { SessionStore } from '../store/session-store.js';
import { enterFullScreen } from '../terminal/full-screen.js';
import { App, type FrameClock } from './App.js';
import { Frames, INK_MAX_FPS } from './frames.js';

/** What runNotebook hands to `onStart`: enough to drive the notebook from outside (the benchmark). */
export interface RunningNotebook {
  session: Session;
  frames: Frames;
  /** Quits as /quit does. */
  quit(): void;
}

export interface NotebookOptions extends RenderOptions {
  /** Called once the notebook is on screen, before the first prompt is sent. */
  onStart?: (notebook: RunningNotebook) => void;
}

/** The interactive notebook: full screen until /quit, Ctrl+D or a second Ctrl+C. */
export async function runNotebook(config: Config, options: NotebookOptions = {}): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(
      'streambook: the notebook needs a terminal; for pipes and scripts use -p (try: streambook --help)\n',
    );
    return 2;
  }
  if (process.env.NO_COLOR) chalk.level = 0;
  // What can't be read fails before the screen is taken, as a plain line; warnings wait for it.
  const warnings: string[] = [];
  let toast = (line: string): void => {
    warnings.push(line);
  };
  let resumed: ResumedSession | null;
  const recordings = new Recordings(config.sessions.stateDir, config.replaySpeed);
  let replayed: string | undefined;
  try {
    resumed = resumeSession(config.sessions, (line) => toast(line));
    replayed = preloadReplay(config.connection, recordings)?.prompt;
  } catch (error) {
    if (!(error instanceof JournalError || error instanceof RecordingError)) throw error;
    process.stderr.write(`streambook: ${error.message}\n`);
    return 2;
  }
  // The terminal is ours before anything else runs: a key typed during startup waits as a key.
  const screen = enterFullScreen(process.stdout, process.stdin, { mouse: config.mouse });
  let connection: StartingConnection | undefined;
  let session: Session | undefined;
  const closeJournal = () => session?.journal?.close();
  try {
    // The client is made (and the offline server listens) while the first frame is drawn.
    connection = startConnection(config.connection, {
      maxRetries: config.maxRetries,
      idleTimeoutMs: config.idleTimeoutMs,
      pace: offlinePace(process.env),
      recordings,
    });
    const source = connectionSource(connection);
    const fresh = initialState(config.settings, source, connection.offline?.scenario ?? null, config.sources);
    const prompts = new PromptHistory(promptsPath(config.sessions.stateDir), {
      save: config.sessions.save,
      warn: (line) => toast(line),
    });
    const state = withEarlierPrompts(resumed ? continueFrom(fresh, resumed) : fresh, prompts.earlier);
    const store = new SessionStore({ ...state, view: { ...state.view, mouse: config.mouse } });
    // /mouse changes the store; the terminal follows.
    store.subscribe(() => screen.setMouse(store.getSnapshot().view.mouse));
    const journal = config.sessions.save
      ? new SessionJournal({
          stateDir: config.sessions.stateDir,
          header: { settings: state.settings, scenario: state.scenario, source, by: 'notebook' },
          warn: (line) => toast(line),
          ...(resumed ? { resume: resumed.id } : {}),
        })
      : null;
    const live = new Session(store, connection.client, connection.offline, {
      journal,
      before: resumed?.before ?? [],
      prompts,
      stateDir: config.sessions.stateDir,
    });
    session = live;
    // A signal's exit skips the finally below: what is pending is written on the way out.
    process.once('exit', closeJournal);
    toast = (line) => live.toast(line, 'warning');
    for (const line of warnings) toast(line);
    const frames = new Frames(store);
    const notebook = renderNotebook(live, frames, options);
    // A server that can't listen ends the notebook as before: one line, once the screen is left.
    let failed: { error: unknown } | null = null;
    connection.client.ready.catch((error: unknown) => {
      failed = { error };
      notebook.unmount();
    });
    options.onStart?.({
      session: live,
      frames,
      quit: () => {
        live.interrupt();
        notebook.unmount();
      },
    });
    // A replay with no prompt of its own asks what the recorded turn asked, at once.
    const first = config.prompt ?? replayed;
    if (first) live.submit(first);
    await notebook.waitUntilExit();
    if (failed) throw (failed as { error: unknown }).error;
  } finally {
    closeJournal();
    process.off('exit', closeJournal);
    screen.leave();
    await connection?.close();
  }
  return 0;
}

export interface RenderOptions {
  /** Each frame's cost: Ink's own layout and output, and the whole from React's render on. */
  onRender?: (metrics: { renderTime: number; frameMs: number }) => void;
  /** Called as each render of the screen is committed, with when it began (the benchmark's). */
  onCommit?: () => void;
}

/** Mounts the notebook's screen for a session, on this process's terminal. */
function renderNotebook(session: Session, frames: Frames, options: RenderOptions = {}): Instance {
  let instance: Instance | undefined;
  const commands: CommandContext = {
    session,
    clipboard: createClipboard((data) => process.stdout.write(data)),
    cwd: process.cwd(),
    quit: () => {
      session.interrupt();
      instance?.unmount();
    },
  };
  // A frame's cost is from the App's render to Ink's output being ready, before it is
  // written: a write that waits on a slow terminal costs no work. The benchmark reads it.
  let renderStartedAt = 0;
  const frameClock: FrameClock = {
    renderStarted: () => {
      renderStartedAt = performance.now();
    },
    committed: () => options.onCommit?.(),
  };
  const onRender = (metrics: { renderTime: number }) => {
    options.onRender?.({ ...metrics, frameMs: performance.now() - renderStartedAt });
  };
  instance = render(<App commands={commands} frameClock={frameClock} frames={frames} />, {
    exitOnCtrlC: false,
    patchConsole: true,
    maxFps: INK_MAX_FPS,
    // Frames are written by our line-diff writer in place of Ink's log-update (scripts/
    // ink-output.mjs), which diffs every frame and ignores this flag. Ink 6.8's own incremental
    // mode writes changed lines one row too low when a frame ends in a newline, as ours do.
    incrementalRendering: false,
    onRender,
  });
  return instance;
}
