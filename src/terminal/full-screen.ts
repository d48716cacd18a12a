import { MOUSE_OFF, MOUSE_ON } from './mouse.js';
import { neutralize } from './neutralize.js';
import { oneLine } from './one-line.js';

const ENTER = '\u001b[?1049h\u001b[H\u001b[?2004h';
// Leave mouse capture and bracketed paste, show the cursor, and go back to the primary screen.
const LEAVE = `${MOUSE_OFF}\u001b[?2004l\u001b[?25h\u001b[?1049l`;

/** The terminal while the notebook has it. */
export interface FullScreen {
  /** Mouse capture on or off (`/mouse`): off, the terminal selects text with the mouse again. */
  setMouse(on: boolean): void;
  leave(): void;
}

const SIGNAL_EXITS = { SIGTERM: 143, SIGHUP: 129, SIGINT: 130 } as const;
type ExitSignal = keyof typeof SIGNAL_EXITS;
const EXIT_SIGNALS = Object.keys(SIGNAL_EXITS) as ExitSignal[];

/**
 * Takes the terminal: raw mode first, so a Ctrl+C typed while the notebook starts is a key
 * read once it listens, not a SIGINT; then the alternate screen, with bracketed paste on.
 * Every way out gives the terminal back: a normal exit, a signal, or a crash. Ctrl+Z (or
 * SIGTSTP) gives it back and stops; `fg` (SIGCONT) takes it again. With `mouse`, the wheel's
 * reports come as input while the notebook has the screen (never while stopped: the shell would
 * read them as text).
 */
export function enterFullScreen(
  stdout: NodeJS.WriteStream,
  stdin: NodeJS.ReadStream = process.stdin,
  options: { mouse: boolean } = { mouse: false },
): FullScreen {
  let left = false;
  let mouse = options.mouse;
  const raw = (on: boolean) => {
    if (stdin.isTTY) stdin.setRawMode(on);
  };
  const take = () => {
    raw(true);
    stdout.write(mouse ? ENTER + MOUSE_ON : ENTER);
  };
  const giveBack = () => {
    stdout.write(LEAVE);
    raw(false);
  };
  const leave = () => {
    if (left) return;
    left = true;
    giveBack();
  };
  const onSignal = (signal: ExitSignal) => {
    leave();
    process.exit(SIGNAL_EXITS[signal]);
  };
  const onCrash = (error: unknown) => {
    leave();
    // The message may quote anything, model text included: one safe line.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`streambook: crashed: ${oneLine(neutralize(message))}\n`);
    process.exit(1);
  };
  const onStop = () => {
    if (left) return;
    giveBack();
    // Handling SIGTSTP replaced its default action; SIGSTOP stops for real, and the shell sees it.
    process.kill(process.pid, 'SIGSTOP');
  };
  // The view repaints itself on SIGCONT too (see useResumeRepaint); this listener comes first.
  const onContinue = () => {
    if (!left) take();
  };
  // One list, so that leaving removes exactly the listeners that taking added.
  const listeners: Array<[string, Parameters<typeof process.on>[1]]> = [
    ['exit', leave],
    ...EXIT_SIGNALS.map((signal): [string, typeof onSignal] => [signal, onSignal]),
    ['SIGTSTP', onStop],
    ['SIGCONT', onContinue],
    ['uncaughtException', onCrash],
    ['unhandledRejection', onCrash],
  ];
  take();
  for (const [event, listener] of listeners) process.on(event, listener);
  return {
    setMouse(on) {
      if (on === mouse) return;
      mouse = on;
      if (!left) stdout.write(on ? MOUSE_ON : MOUSE_OFF);
    },
    leave() {
      leave();
      for (const [event, listener] of listeners) process.off(event, listener);
    },
  };
}

/**
 * Ctrl+Z: in raw mode the terminal sends it as a key, not as SIGTSTP, so the notebook raises
 * the signal itself. Only when full screen handles it: elsewhere (tests) SIGTSTP would stop
 * the process with nothing to give the terminal back.
 */
export function suspend(): void {
  if (process.listenerCount('SIGTSTP') > 0) process.kill(process.pid, 'SIGTSTP');
}
