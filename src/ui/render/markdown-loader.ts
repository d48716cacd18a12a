type Markdown = typeof import('./markdown.js');
type Highlight = (code: string, options: { language: string }) => string;

let markdown: Markdown | null = null;
let highlight: Highlight | null = null;
let loading: Promise<void> | null = null;

/**
 * Loads the Markdown renderer and the JSON highlighter in the background. They pull in
 * highlight.js and its languages, about 300 ms of loading: on the path to the first frame, or
 * on the first finished reply, that would be a visible stall. Until they are here, replies
 * show as plain text and event JSON without colour; the screen re-renders when they arrive.
 */
export function loadRenderers(): Promise<void> {
  loading ??= Promise.all([import('./markdown.js'), import('cli-highlight')]).then(([m, h]) => {
    markdown = m;
    highlight = h.highlight;
  });
  return loading;
}

/** The Markdown renderer, once loaded. */
export function markdownRenderer(): Markdown | null {
  return markdown;
}

/** The JSON highlighter, once loaded. */
export function jsonHighlighter(): Highlight | null {
  return highlight;
}
