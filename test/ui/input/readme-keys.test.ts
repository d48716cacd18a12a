import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keysMarkdown } from '../../../src/ui/input/key-dispatch.js';

const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
/** Marks the table as made by keysMarkdown(); a hand-written table is not held to it. */
const MARKER = '<!-- keys: generated from src/ui/input/keymap.ts (test/ui/input/readme-keys.test.ts) -->';

describe.skipIf(!README.includes(MARKER))("the README's Keys table", () => {
  it('is the keymap, row for row', () => {
    const after = README.slice(README.indexOf(MARKER) + MARKER.length).trimStart();
    const table = after.slice(0, after.search(/\n(?!\|)/));
    expect(table).toBe(keysMarkdown());
  });
});
