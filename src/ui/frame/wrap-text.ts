import cliTruncate from 'cli-truncate';
import wrapAnsi from 'wrap-ansi';

/**
 * Ink's `wrapText` (ink/build/wrap-text.js), which the build puts in its place: the same
 * results, without Ink's module-level cache, which kept every text Ink ever wrapped for the
 * life of the process. Our lines come wrapped to the pane, so Ink wraps little (the prompt,
 * the status bar's overflow), and wrapping that little again costs less than keeping it.
 */
export default function wrapText(text: string, maxWidth: number, wrapType: string): string {
  if (wrapType === 'wrap') return wrapAnsi(text, maxWidth, { trim: false, hard: true });
  if (wrapType.startsWith('truncate')) {
    const position =
      wrapType === 'truncate-middle' ? 'middle' : wrapType === 'truncate-start' ? 'start' : 'end';
    return cliTruncate(text, maxWidth, { position });
  }
  return text;
}
