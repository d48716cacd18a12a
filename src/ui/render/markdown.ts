import chalk from 'chalk';
import { Marked } from 'marked';
import { markedTerminal } from 'marked-terminal';
import { keepOnlySgr } from '../../terminal/keep-sgr.js';
import { neutralize } from '../../terminal/neutralize.js';
import { linkUrls } from '../../terminal/osc8.js';
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

/**
 * Our wrap, not marked-terminal's reflow, cuts lines to the width: reflow cut a long URL into
 * pieces, and a link per piece would lead nowhere. Reflow also joined a paragraph's soft line
 * breaks; that is done here, in the text of paragraphs only (code keeps its lines).
 */
const softBreaksAsSpaces = {
  walkTokens(token: { type: string; text?: string; tokens?: unknown[] }) {
    if (token.type === 'text' && !token.tokens?.length && token.text)
      token.text = token.text.replace(/\n/g, ' ');
  },
};

function parserFor(width: number): Marked {
  let parser = parsers.get(width);
  if (!parser) {
    // marked-terminal's own options, typed loosely by its declarations.
    const options = { width, reflowText: false, tab: 2, emoji: false, showSectionPrefix: false } as const;
    parser = new Marked(
      markedTerminal(options as never) as never,
      inlineInListItems as never,
      softBreaksAsSpaces,
    );
    parsers.set(width, parser);
  }
  return parser;
}

/**
 * Past these sizes a reply shows as plain wrapped text. marked's emphasis parsing is
 * quadratic in a paragraph: 64 KiB of `_a` took 7.7 s and 8 KiB 0.2 s, all on the UI thread,
 * at the end of the turn. Code blocks parse in linear time, so their lines do not count.
 */
export const MARKDOWN_LIMITS = { chars: 64 * 1024, paragraph: 8 * 1024 };

/** How deep quotes and lists may nest before a reply shows as plain text: marked recurses per level. */
export const MARKDOWN_NESTING = 20;

/** A finished reply's Markdown as terminal lines no wider than `width`. */
export function renderMarkdown(text: string, width: number, color: boolean): string[] {
  const misfit = markdownMisfit(text);
  if (misfit) return plain(text, width, misfit);
  try {
    const rendered = parserFor(width).parse(neutralize(text), { async: false }) as string;
    const safe = keepOnlySgr(rendered, color).replace(/\n+$/, '');
    return safe.split('\n').flatMap((line) => wrap(linkUrls(line), width));
  } catch {
    // A shape the limits did not foresee (marked overflowing its stack) must not end the app.
    return plain(text, width, '(shown as plain text: its Markdown could not be rendered)');
  }
}

function plain(text: string, width: number, note: string): string[] {
  return [...wrap(linkUrls(neutralize(text)), width), ...wrap(note, width).map((line) => chalk.dim(line))];
}

/** Why a reply is shown as plain text, or null when its Markdown is rendered. */
function markdownMisfit(text: string): string | null {
  const sizes = `(shown as plain text: Markdown is rendered up to ${MARKDOWN_LIMITS.paragraph / 1024} KiB a paragraph and ${MARKDOWN_LIMITS.chars / 1024} KiB a reply)`;
  if (text.length > MARKDOWN_LIMITS.chars) return sizes;
  const nesting = `(shown as plain text: Markdown is rendered up to ${MARKDOWN_NESTING} levels of quotes and lists)`;
  let paragraph = 0;
  let fenced = false;
  for (const line of text.split('\n')) {
    if (/^ {0,3}(```|~~~)/.test(line)) fenced = !fenced;
    paragraph = fenced || line.trim() === '' ? 0 : paragraph + line.length + 1;
    if (paragraph > MARKDOWN_LIMITS.paragraph) return sizes;
    if (!fenced && nestingOf(line) > MARKDOWN_NESTING) return nesting;
  }
  return null;
}

/** The quote markers (`>`) and list indentation (two spaces a level) a line opens with. */
function nestingOf(line: string): number {
  const lead = /^[\s>]*/.exec(line)?.[0] ?? '';
  let quotes = 0;
  for (const char of lead) if (char === '>') quotes++;
  const indent = lead.replaceAll('>', '').replace(/\t/g, '  ').length;
  return quotes + Math.floor(indent / 2);
}
