import { helpRows } from './input/key-dispatch.js';

/** Every key the notebook answers to, as /help lists them: read from the keymap, never written here. */
export const KEYS: ReadonlyArray<readonly [string, string]> = helpRows().map((row) => [row.keys, row.help]);
