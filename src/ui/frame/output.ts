import InkOutput from 'ink/build/output.js';
import { printRow, type Segment } from './rows.js';
import { styledLine } from './styled-line.js';

/** Ink's transformers: a `<Transform>` or a colour applied to each line of a text node. */
type Transformer = (line: string, index: number) => string;
type Clip = {
  x1: number | undefined;
  x2: number | undefined;
  y1: number | undefined;
  y2: number | undefined;
};
type Operation =
  | { type: 'write'; x: number; y: number; text: string; transformers: Transformer[] }
  | { type: 'clip'; clip: Clip }
  | { type: 'unclip' };

/**
 * Ink's `Output` (ink/build/output.js), which the build puts in its place: the same interface
 * and byte for byte the same frames. Ink tokenizes every character of every frame; here a line
 * is tokenized once while frames keep showing it, and a row is its lines joined. A frame that
 * clips, or writes where Ink's quirks rule (off-grid or negative positions), is Ink's own.
 */
export default class Output {
  width: number;
  height: number;
  private readonly operations: Operation[] = [];
  private ownPath = true;

  constructor(options: { width: number; height: number }) {
    this.width = options.width;
    this.height = options.height;
  }

  write(x: number, y: number, text: string, options: { transformers: Transformer[] }): void {
    if (!text) return;
    if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0) this.ownPath = false;
    this.operations.push({ type: 'write', x, y, text, transformers: options.transformers });
  }

  clip(clip: Clip): void {
    this.ownPath = false;
    this.operations.push({ type: 'clip', clip });
  }

  unclip(): void {
    this.operations.push({ type: 'unclip' });
  }

  get(): { output: string; height: number } {
    if (!this.ownPath) return this.replayInInk();
    const rows: Segment[][] = Array.from({ length: this.height }, () => []);
    for (const operation of this.operations) {
      if (operation.type !== 'write') continue;
      const { x, y, transformers } = operation;
      const lines = operation.text.split('\n');
      // Ink drops the lines below the last row (and calls no transformer for them).
      const count = Math.min(lines.length, this.height - y);
      for (let index = 0; index < count; index++) {
        let source = lines[index] as string;
        for (const transform of transformers) source = transform(source, index);
        const line = styledLine(source);
        if (line.width > 0) rows[y + index]?.push({ x, source, line });
      }
    }
    return { output: rows.map((row) => printRow(row, this.width)).join('\n'), height: this.height };
  }

  private replayInInk(): { output: string; height: number } {
    const ink = new InkOutput({ width: this.width, height: this.height });
    for (const operation of this.operations) {
      if (operation.type === 'write') {
        ink.write(operation.x, operation.y, operation.text, { transformers: operation.transformers });
      } else if (operation.type === 'clip') ink.clip(operation.clip);
      else ink.unclip();
    }
    return ink.get();
  }
}
