import { osc52 } from '../terminal/osc52.js';
import { findSystemClipboard, runSystemClipboard, type SystemClipboard } from './system-clipboard.js';

export interface CopyResult {
  /** True only when a system clipboard command confirmed the copy. */
  systemCopied: boolean;
  /** What happened, honestly, for the toast. */
  summary: string;
}

export interface Clipboard {
  copy(text: string): Promise<CopyResult>;
}

/**
 * Copies through OSC 52 always, and through the system's clipboard command as well where
 * one exists. Only the command can confirm; OSC 52 is a request the terminal may ignore.
 */
export function createClipboard(
  writeTerminal: (data: string) => void,
  system: SystemClipboard | null = findSystemClipboard(),
): Clipboard {
  return {
    async copy(text) {
      writeTerminal(osc52(text));
      const sent = 'sent by OSC 52 (the terminal decides; it cannot confirm)';
      if (!system) return { systemCopied: false, summary: sent };
      const ok = await runSystemClipboard(system, text);
      return ok
        ? { systemCopied: true, summary: `copied with ${system.name}, also sent by OSC 52` }
        : { systemCopied: false, summary: `${system.name} failed; ${sent}` };
    },
  };
}
