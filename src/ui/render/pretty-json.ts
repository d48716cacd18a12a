import chalk from 'chalk';
import { keepOnlySgr } from '../../terminal/keep-sgr.js';
import { escapeControlsForJson, neutralize } from '../../terminal/neutralize.js';
import { jsonHighlighter } from './markdown-loader.js';
import { shownJson } from './shown-json.js';

/**
 * JSON text pretty-printed and highlighted, or the text made safe when it is not JSON; `json`
 * is the text parsed, undefined when it does not parse. Not wrapped.
 */
export function prettyJson(json: unknown, text: string): string {
  // JSON.stringify leaves DEL, C1 and bidi controls raw: they are escaped as JSON reads them.
  const pretty = json === undefined ? neutralize(text) : escapeControlsForJson(shownJson(json, 2));
  const highlight = jsonHighlighter();
  const colored =
    chalk.level > 0 && highlight && json !== undefined ? highlight(pretty, { language: 'json' }) : pretty;
  return keepOnlySgr(colored, chalk.level > 0);
}

/** Whether prettyJson colours now: a layout made before the highlighter loaded is plain. */
export function jsonColored(): boolean {
  return chalk.level > 0 && jsonHighlighter() !== null;
}
