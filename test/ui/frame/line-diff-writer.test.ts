import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import lineDiffWriter from '../../../src/ui/frame/line-diff-writer.js';
import { edit, editOf, line, lineOf, PATCHABLE, Screen, sameScreens } from '../../support/diff-frames.js';

describe('the line-diff writer', () => {
  it('leaves the screen and cursor Ink leaves, after every frame', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 8 }),
        fc.array(edit, { minLength: 1, maxLength: 40 }),
        sameScreens,
      ),
      { numRuns: 300 },
    );
    // 300 sequences of up to 41 frames, each screen read cell by cell: 8 s alone, more under load.
  }, 120_000);

  it('leaves the screen Ink leaves when patchable rows change in places far apart', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(lineOf(PATCHABLE), { minLength: 1, maxLength: 8 }),
        fc.array(editOf(PATCHABLE, lineOf(PATCHABLE)), { minLength: 1, maxLength: 40 }),
        sameScreens,
      ),
      { numRuns: 100 },
    );
  }, 60_000);

  it('rewrites the cells a wide character moved, however many are alike', async () => {
    const row = { chars: ['a', ...'bbbbbbbbb'.split(''), 'Z'], style: 0 };
    await sameScreens([[row]], [{ kind: 'ends', at: 0, char: '中' }]);
  });

  it('places the caret as Ink does over frames with no final newline', async () => {
    await sameScreens(
      [[], [], []],
      [
        { kind: 'trailing', on: false },
        { kind: 'cursor', cursor: { x: 0, y: 1 } },
        { kind: 'append', at: 2, char: 'a' },
        { kind: 'replace', at: 11, line: [] },
        { kind: 'replace', at: 0, line: [{ chars: ['a'], style: 0 }] },
        { kind: 'restyle', at: 0, style: 0 },
      ],
    );
  });

  it('writes a one-character change as a few bytes, not the frame', async () => {
    const ours = new Screen();
    const log = lineDiffWriter.create(ours.stream);
    const rows = Array.from({ length: 20 }, (_, i) => `\x1b[2mrow ${i}\x1b[22m ${'text '.repeat(6)}`);
    log(`${rows.join('\n')}\n`);
    const before = ours.written;
    rows[12] += 'x';
    log(`${rows.join('\n')}\n`);
    expect(ours.written - before).toBeLessThan(20);
  });
});
