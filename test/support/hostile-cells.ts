import { expect } from 'vitest';
import type { TurnUpdate } from '../../src/engine/types.js';
import type { Cell } from '../../src/store/cell.js';
import { keepOnlySgr } from '../../src/terminal/keep-sgr.js';
import { ESCAPE_STARTERS, SGR } from './escapes.js';
import { withoutOurLinks } from './our-links.js';
import { cellFromEvents, stream, textBlock, updatesFromEvents } from './scripted-turns.js';
import type { SseEvent } from './sse-fixture-server.js';

/*
 * A reply and a prompt that carry escape sequences, the cells they make, and the check that what
 * the notebook shows of them holds no escape but SGR.
 */

const ESC = '\u001b';
const BEL = '\u0007';
export const OSC52 = `${ESC}]52;c;aGFjaw==${BEL}`;
const LINK = `${ESC}]8;;http://x${BEL}link${ESC}]8;;${BEL}`;
const CLEAR = `${ESC}[2J`;
export const HOSTILE = `Look: ${OSC52} and ${LINK} and ${CLEAR} done`;
export const HOSTILE_PROMPT = `please ${LINK} then ${OSC52}`;

/** The text with every SGR (colour/style) sequence removed: what must be left has no escapes at all. */
export function withoutSgr(text: string): string {
  return text.replace(SGR, '');
}

/** Fails unless `output` holds no escape sequence but SGR (and our own links). */
export function expectOnlySgr(output: string): void {
  // Our own links (each shows the URL it leads to) are the one OSC the notebook writes.
  const text = withoutOurLinks(output);
  expect(keepOnlySgr(text, true)).toBe(text);
  expect(withoutSgr(text)).not.toMatch(ESCAPE_STARTERS);
}

/** A reply whose text, a tool name, an unknown block type and a citation title carry escape sequences. */
export const HOSTILE_REPLY: SseEvent[] = stream([
  ...textBlock(0, HOSTILE.slice(0, 12), HOSTILE.slice(12)),
  {
    event: 'content_block_start',
    data: {
      type: 'content_block_start',
      index: 1,
      content_block: { type: 'tool_use', id: 'toolu_1', name: `evil${OSC52}`, input: {} },
    },
  },
  {
    event: 'content_block_delta',
    data: {
      type: 'content_block_delta',
      index: 1,
      delta: { type: 'input_json_delta', partial_json: '{"a":1}' },
    },
  },
  { event: 'content_block_stop', data: { type: 'content_block_stop', index: 1 } },
  {
    event: 'content_block_start',
    data: { type: 'content_block_start', index: 2, content_block: { type: `widget${OSC52}` } },
  },
  { event: 'content_block_stop', data: { type: 'content_block_stop', index: 2 } },
  {
    event: 'content_block_start',
    data: {
      type: 'content_block_start',
      index: 3,
      content_block: { type: 'text', text: '', citations: [] },
    },
  },
  {
    event: 'content_block_delta',
    data: {
      type: 'content_block_delta',
      index: 3,
      delta: {
        type: 'citations_delta',
        citation: {
          type: 'web_search_result_location',
          url: 'https://example.com/',
          title: `Title ${OSC52}`,
          encrypted_index: 'x',
          cited_text: 'cited',
        },
      },
    },
  },
  {
    event: 'content_block_delta',
    data: { type: 'content_block_delta', index: 3, delta: { type: 'text_delta', text: 'cited text' } },
  },
  { event: 'content_block_stop', data: { type: 'content_block_stop', index: 3 } },
]);

/** Protocol fields a server chooses: an unknown event name, an unknown delta type, the stop reason. */
const HOSTILE_FIELDS: SseEvent[] = stream(
  [
    ...textBlock(0, 'fine'),
    {
      event: 'content_block_start',
      data: { type: 'content_block_start', index: 1, content_block: { type: 'widget' } },
    },
    {
      event: 'content_block_delta',
      data: { type: 'content_block_delta', index: 1, delta: { type: `d${OSC52}` } },
    },
    { event: 'content_block_stop', data: { type: 'content_block_stop', index: 1 } },
    { event: `ev${OSC52}`, data: { type: 'surprise' } },
  ],
  `end_turn${OSC52}`,
);

/** The hostile reply (as a cell and as its updates) and the reply with hostile protocol fields. */
export async function hostileCells(): Promise<{ reply: Cell; replyUpdates: TurnUpdate[]; fields: Cell }> {
  const [reply, replyUpdates, fields] = await Promise.all([
    cellFromEvents(HOSTILE_REPLY, HOSTILE_PROMPT),
    updatesFromEvents(HOSTILE_REPLY),
    cellFromEvents(HOSTILE_FIELDS, 'fields'),
  ]);
  return { reply, replyUpdates, fields };
}
