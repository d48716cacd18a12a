import widestLine from './widest-line.js';

/**
 * Ink's measure-text (a text's columns and lines, for layout), which the build gives Ink in its
 * place. Ink's keeps every text it measured in a map that never shrinks; a pane is one text
 * that changes with every frame, so that map grew by a screen a frame. Here nothing is kept
 * but the widths of lines (widest-line's bounded cache), and the lines are counted.
 */
export default function measureText(text: string): { width: number; height: number } {
  if (text.length === 0) return { width: 0, height: 0 };
  let height = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) height++;
  return { width: widestLine(text), height };
}
