import { useStdin } from 'ink';
import { useEffect, useRef } from 'react';
import { InputDecoder, type TerminalInput } from '../input/decode.js';

/** How long a paste may go quiet before what has come of it is shown: its end may be lost. */
const PASTE_IDLE_MS = 250;

/**
 * Every key and paste from the terminal, decoded by us rather than by Ink's useInput, which
 * throws on sequences it cannot name (a pasted `ESC [ 3 1 m` reads as Ctrl with no key name).
 * Ink's parser still splits the stream (it holds a sequence cut between reads until it ends).
 */
export function useTerminalInput(handle: (input: TerminalInput) => void): void {
  const { setRawMode, internal_eventEmitter: events } = useStdin();
  const latest = useRef(handle);
  latest.current = handle;

  useEffect(() => {
    setRawMode(true);
    return () => setRawMode(false);
  }, [setRawMode]);

  useEffect(() => {
    const decoder = new InputDecoder();
    let idle: NodeJS.Timeout | undefined;
    const deliver = (inputs: TerminalInput[]) => {
      for (const input of inputs) latest.current(input);
    };
    const onInput = (sequence: string) => {
      clearTimeout(idle);
      deliver(decoder.push(sequence));
      if (decoder.pasting) idle = setTimeout(() => deliver(decoder.flush()), PASTE_IDLE_MS);
    };
    events.on('input', onInput);
    return () => {
      clearTimeout(idle);
      events.off('input', onInput);
    };
  }, [events]);
}
