import chalk from 'chalk';
import { beforeAll, describe, expect, it } from 'vitest';
import { KEY_PIECE } from '../../../src/engine/key-pattern.js';
import { shownKeyHider } from '../../../src/engine/shown-key.js';
import type { TurnOutcome } from '../../../src/engine/types.js';
import { CellLineCache } from '../../../src/ui/render/cell-lines.js';
import { cellFrom, textDelta, textStart } from '../../support/cells.js';
import { loadRenderers, plain } from '../harness.js';

const KEY = `sk-ant-api03-${'Zq7xW2mPvB9kLc4TnR8sYd1HfJ6gAe3U'.repeat(3)}-AbCdEfGh`;

/** The key written so that the redactor, which reads the raw text, does not see it. */
const DISGUISES = {
  'every 15th character as a Markdown entity': [...KEY]
    .map((c, i) => (i % 15 === 14 ? `&#${c.charCodeAt(0)};` : c))
    .join(''),
  'a zero-width space after every 15th character': [...KEY]
    .map((c, i) => (i % 15 === 14 ? `${c}\u200b` : c))
    .join(''),
};

function finishedCell(text: string) {
  const outcome = { status: 'complete', message: null, metrics: null } as unknown as TurnOutcome;
  return cellFrom([textStart(), textDelta(text), { type: 'end', outcome }], 'what is my key?');
}

/** Whether any KEY_PIECE-long piece of the key is in the text, zero-width characters aside. */
function showsKey(text: string): boolean {
  const visible = text.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');
  for (let i = 0; i + KEY_PIECE <= KEY.length; i++)
    if (visible.includes(KEY.slice(i, i + KEY_PIECE))) return true;
  return false;
}

describe('the key in rendered lines', () => {
  beforeAll(async () => {
    chalk.level = 1;
    await loadRenderers();
  });

  for (const [name, disguised] of Object.entries(DISGUISES)) {
    for (const rawText of [false, true]) {
      it(`is hidden when written with ${name} (${rawText ? 'raw' : 'Markdown'})`, () => {
        const layout = new CellLineCache(shownKeyHider(KEY));
        const lines = layout.lines(finishedCell(`Your key is ${disguised} ok`), {
          width: 200,
          rawText,
          thinkingHidden: false,
          selected: false,
        });
        const shown = lines.map(plain).join('\n');
        // Raw text shows entities as written: nothing makes the key there.
        if (!rawText) expect(shown).toContain('[redacted]');
        expect(showsKey(shown)).toBe(false);
      });
    }
  }

  it('changes nothing without a key, or in text without it', () => {
    const hide = shownKeyHider(KEY);
    const text = 'a\u200bb ordinary text &#65; with 👩‍👩‍👧 in it';
    expect(hide(text)).toBe(text);
    expect(shownKeyHider(null)(DISGUISES['a zero-width space after every 15th character'])).toBe(
      DISGUISES['a zero-width space after every 15th character'],
    );
  });
});
