import stringWidth from 'string-width';

const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** True when every character is printable ASCII: one column each, and each its own cluster. */
export function isPrintableAscii(text: string): boolean {
  return PRINTABLE_ASCII.test(text);
}

/**
 * Lone surrogates (a pair split by whoever made the text) become U+FFFD: written to a terminal
 * they are not UTF-8, and each terminal shows them differently, at different widths.
 */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}

/**
 * The grapheme clusters of `text` (what a person sees as one character: an emoji ZWJ family,
 * a flag, a letter with its combining marks), each with the columns a terminal gives it.
 * Text is cut only between clusters, so a cluster or a surrogate pair is never split.
 */
export function* clusters(text: string): Generator<[cluster: string, width: number]> {
  const safe = wellFormed(text);
  for (let at = 0; at < safe.length; ) {
    // Node 20's segmenter slows down with the length of what it segments (32k CJK characters
    // took 0.6 s, a quarter of that took 0.06 s): segment a window at a time. The window's last
    // cluster may go on past it, so it is read again at the start of the next window.
    let end = Math.min(safe.length, at + WINDOW);
    if (end < safe.length && isHighSurrogate(safe.charCodeAt(end - 1))) end--;
    let next = end;
    for (const { segment, index } of segmenter.segment(safe.slice(at, end))) {
      if (end < safe.length && index > 0 && index + segment.length === end - at) {
        next = at + index;
        break;
      }
      yield [segment, segment.length === 1 && isPrintableAscii(segment) ? 1 : clusterWidth(segment)];
    }
    at = next;
  }
}

const WINDOW = 128;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Where the last cluster of `text` starts: text after it may still grow into it. `text` must
 * start at a cluster boundary (the segmenter counts flag halves from where it starts).
 */
export function lastClusterStart(text: string): number {
  const n = text.length;
  // Printable ASCII after printable ASCII is a boundary, whatever comes next.
  if (n >= 2 && isPrintableAscii(text.slice(-2))) return n - 1;
  let start = 0;
  let before = 0;
  let at = 0;
  for (const [cluster] of clusters(text)) {
    before = start;
    start = at;
    at += cluster.length;
  }
  // Half a surrogate pair reads as a cluster of its own, but once whole it may join the one
  // before it (the next person of a ZWJ family, the second half of a flag).
  return isHighSurrogate(text.charCodeAt(n - 1)) ? before : start;
}

// Widths of the clusters met so far: string-width per cluster is the slow part of the
// general path, and a reply repeats the same few hundred characters.
const widths = new Map<string, number>();

function clusterWidth(cluster: string): number {
  let width = widths.get(cluster);
  if (width === undefined) {
    width = stringWidth(cluster);
    if (widths.size > 4096) widths.clear();
    widths.set(cluster, width);
  }
  return width;
}
