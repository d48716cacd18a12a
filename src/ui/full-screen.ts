const ENTER = '\u001b[?1049h\u001b[H\u001b[?2004h';
// Leave bracketed paste, show the cursor, and go back to the primary screen.
const LEAVE = '\u001b[?2004l\u001b[?25h\u001b[?1049l';

const SIGNAL_EXITS = { SIGTERM: 143, SIGHUP: 129, SIGINT: 130 } as const;

/**
 * Puts the terminal on the alternate screen, with bracketed paste on, and makes sure every
 * way out gives the primary screen back: a normal exit, a signal, or a crash.
 */
export function enterFullScreen(stdout: NodeJS.WriteStream): { leave(): void } {
  let left = false;
  const leave = () => {
    if (left) return;
    left = true;
    stdout.write(LEAVE);
  };
  const onSignal = (signal: keyof typeof SIGNAL_EXITS) => {
    leave();
    process.exit(SIGNAL_EXITS[signal]);
  };
  const onCrash = (error: unknown) => {
    leave();
    process.stderr.write(`streambook: crashed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  };
  stdout.write(ENTER);
  process.on('exit', leave);
  for (const signal of Object.keys(SIGNAL_EXITS) as Array<keyof typeof SIGNAL_EXITS>)
    process.on(signal, onSignal);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  return {
    leave() {
      leave();
      process.off('exit', leave);
      for (const signal of Object.keys(SIGNAL_EXITS) as Array<keyof typeof SIGNAL_EXITS>)
        process.off(signal, onSignal);
      process.off('uncaughtException', onCrash);
      process.off('unhandledRejection', onCrash);
    },
  };
}
