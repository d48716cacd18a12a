import { Marked } from 'marked';
import { markedTerminal } from 'marked-terminal';
import { keepOnlySgr } from '../../text/keep-sgr.js';
import { neutralize } from '../../text/neutralize.js';
import { wrap } from './wrap.js';

const parsers = new Map<number, Marked>();

type InlineParser = { parser: { parseInline(tokens: unknown[]): string } };

/**
 * marked-terminal renders the text of a tight list item as it came, so `**bold**` in a list
 * showed its asterisks (marked-terminal issues #304, #371). Rendering that text's inline
 * tokens fixes it; every other text goes to marked-terminal as before.
 */
const inlineInListItems = {
  renderer: {
    text(this: InlineParser, token: { tokens?: unknown[] } | string) {
      return typeof token === 'object' && token.tokens ? this.parser.parseInline(token.tokens) : false;
    },
  },
};

function parserFor(width: number): Marked {
  let parser = parsers.get(width);
  if (!parser) {
    // marked-terminal's own options, typed loosely by its declarations.
    const options = { width, reflowText: true, tab: 2, emoji: false, showSectionPrefix: false } as const;
    parser = new Marked(markedTerminal(options as never) as never, inlineInListItems as never);
    parsers.set(width, parser);
  }
  return parser;
}

/** A finished reply's Markdown as terminal lines no wider than `width`. */
export function renderMarkdown(text: string, width: number, color: boolean): string[] {
  const rendered = parserFor(width).parse(neutralize(text), { async: false }) as string;
  const safe = keepOnlySgr(rendered, color).replace(/\n+$/, '');
  return safe.split('\n').flatMap((line) => wrap(line, width));
}
