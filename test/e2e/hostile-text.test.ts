import { describe, expect, test } from 'vitest';
import { cleanEnv } from '../support/cli.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { BEL, b64, ESC, leaks, osc52, shown } from '../support/planted-escapes.js';
import { clipboardSequenceCount, clipboardWrites, KEYS, PtyScreen } from '../support/pty-screen.js';
import {
  type ScriptedResponse,
  type ScriptedServer,
  type SseEvent,
  serveScript,
} from '../support/sse-fixture-server.js';
import { messageEnd, messageStart } from '../support/stream-events.js';

/*
 * Text from the model and the network must never reach the terminal as escape sequences: an
 * OSC 52 would set the user's clipboard, others change the title, plant hyperlinks or clear the
 * screen. A local server speaks the Messages API with hostile replies, and the real CLI talks
 * to it over HTTP (--base-url, a dummy key), so the whole stack is under test.
 */

const start = (id: string) => messageStart(id, 12);
const blockStart = (index: number, block: Record<string, unknown>) => ({
  event: 'content_block_start',
  data: { type: 'content_block_start', index, content_block: block },
});
const delta = (index: number, d: Record<string, unknown>) => ({
  event: 'content_block_delta',
  data: { type: 'content_block_delta', index, delta: d },
});
const blockStop = (index: number) => ({
  event: 'content_block_stop',
  data: { type: 'content_block_stop', index },
});
const end = (stopReason: string) => messageEnd(stopReason, 20);

/**
 * A reply whose text block says "ok", with one thing planted: an event after the text, a block
 * of its own before it, or a stop reason.
 */
function okReply(
  id: string,
  planted: { event?: SseEvent; block?: Record<string, unknown>; stopReason?: string },
): ScriptedResponse {
  const text = planted.block ? 1 : 0;
  return {
    kind: 'sse',
    events: [
      start(id),
      ...(planted.block ? [blockStart(0, planted.block), blockStop(0)] : []),
      blockStart(text, { type: 'text', text: '' }),
      delta(text, { type: 'text_delta', text: 'ok' }),
      ...(planted.event ? [planted.event] : []),
      blockStop(text),
      ...end(planted.stopReason ?? 'end_turn'),
    ],
  };
}

const HOSTILE_TEXT = [
  // An escape sequence split across two deltas must not slip through either.
  `Hello ${ESC}`,
  `]52;c;${b64('text')}${BEL} world. `,
  `${ESC}[2J${ESC}c${ESC}]0;pwned${BEL} ${ESC}]8;;http://evil.example/${BEL}click${ESC}]8;;${BEL} `,
  '\u009b31m [a link](http://evil.example/) done.',
];

/** A reply with hostile text in a thinking block, a text block and a tool's name. */
const HOSTILE_REPLY: ScriptedResponse = {
  kind: 'sse',
  events: [
    start('msg_hostile_1'),
    blockStart(0, { type: 'thinking', thinking: '', signature: '' }),
    delta(0, { type: 'thinking_delta', thinking: `Let me think ${osc52('thinking')} about it.` }),
    delta(0, { type: 'signature_delta', signature: 'c2lnbmF0dXJl' }),
    blockStop(0),
    blockStart(1, { type: 'text', text: '' }),
    ...HOSTILE_TEXT.map((text) => delta(1, { type: 'text_delta', text })),
    blockStop(1),
    blockStart(2, { type: 'tool_use', id: 'toolu_hostile', name: `get_${osc52('tool')}weather`, input: {} }),
    delta(2, { type: 'input_json_delta', partial_json: '{"city": "Paris\\u001b]52;c;aW5wdXQ=\\u0007"}' }),
    blockStop(2),
    ...end('tool_use'),
  ],
};

let server: ScriptedServer | null = null;
let screen: PtyScreen | null = null;
const track = closeAfterEach();

async function openAgainst(
  responses: ScriptedResponse[],
  size: { cols: number; rows: number },
): Promise<PtyScreen> {
  server = track(await serveScript(responses));
  screen = track(
    await PtyScreen.open(['--base-url', server.url, '--max-retries', '0'], {
      ...size,
      env: cleanEnv({ ANTHROPIC_API_KEY: 'sk-ant-dummy-key-for-tests' }),
    }),
  );
  return screen;
}

async function send(s: PtyScreen, prompt: string, cell: number, done: RegExp): Promise<string> {
  await s.type(prompt);
  s.write(KEYS.enter);
  return s.waitFor((text) => text.includes(`In [${cell}]: ${prompt}`) && done.test(text));
}

describe('hostile text from the API never reaches the terminal raw', () => {
  test('escape sequences in text, thinking, a tool name and error messages show as visible stand-ins', async () => {
    const s = await openAgainst(
      [
        HOSTILE_REPLY,
        {
          kind: 'json',
          status: 400,
          body: {
            type: 'error',
            error: { type: 'invalid_request_error', message: `bad ${osc52('http error')} request` },
          },
        },
        {
          kind: 'sse',
          events: [
            start('msg_hostile_3'),
            blockStart(0, { type: 'text', text: '' }),
            delta(0, { type: 'text_delta', text: 'partial' }),
            {
              event: 'error',
              data: {
                type: 'error',
                error: { type: 'overloaded_error', message: `busy ${osc52('sse error')}` },
              },
            },
          ],
        },
      ],
      { cols: 200, rows: 50 },
    );
    expect(s.text()).toMatch(/· live ·/);

    let text = await send(s, 'hi', 1, /tool_use · TTFT/);
    expect(text).toContain(`Hello ${shown('text')} world.`);
    expect(text).toContain('␛[2J␛c␛]0;pwned␇');
    expect(text).toContain(shown('thinking'));
    expect(text).toContain(`⚙ tool_use get_${shown('tool')}weather`);
    expect(text).toContain('\\x9b31m');

    text = await send(s, 'again', 2, /✗ .*HTTP 400/);
    expect(text).toContain(shown('http error'));

    text = await send(s, 'third', 3, /✗ .*overloaded_error/);
    expect(text).toContain(shown('sse error'));

    // Nothing so far wrote to the clipboard or planted any other sequence.
    expect(leaks(s.output)).toEqual([]);

    // /copy 1 writes the one OSC 52; the JSON inside it carries the text as it came.
    await s.type('/copy 1');
    s.write(KEYS.enter);
    await s.waitFor(/Cell 1 JSON/);
    expect(clipboardSequenceCount(s.output)).toBe(1);
    const [copied] = clipboardWrites(s.output);
    const message = JSON.parse(copied ?? '') as {
      content: Array<{ type: string; text?: string; name?: string }>;
    };
    expect(message.content.find((b) => b.type === 'text')?.text).toBe(HOSTILE_TEXT.join(''));
    expect(message.content.find((b) => b.type === 'tool_use')?.name).toBe(`get_${osc52('tool')}weather`);
    const copy = `${ESC}]52;c;${b64(copied ?? '')}${BEL}`;
    expect(s.output.split(copy)).toHaveLength(2);
    expect(leaks(s.output.replace(copy, ''))).toEqual([]);
  });

  // Names the wire chooses, which the notebook shows: each one planted on its own.
  const names: Array<[string, ScriptedResponse]> = [
    [
      'an event type',
      okReply('msg_event', { event: { event: `x${osc52('event')}`, data: { type: `x${osc52('event')}` } } }),
    ],
    ['a delta type', okReply('msg_delta', { event: delta(0, { type: `x${osc52('delta')}` }) })],
    ['a stop reason', okReply('msg_stop', { stopReason: `end_turn${osc52('stop')}` })],
    ['a block type', okReply('msg_block', { block: { type: `x${osc52('block')}` } })],
  ];
  test.each(names)('escape sequences in %s show as visible stand-ins', async (_what, reply) => {
    // 99 columns: the timeline stacks under the conversation, wide enough for its delta column.
    const s = await openAgainst([reply], { cols: 99, rows: 40 });
    const text = await send(s, 'hi', 1, / · TTFT /);
    expect(text).toMatch(/Timeline · cell 1 · \d+ events/);
    expect(leaks(s.output)).toEqual([]);
    expect(text).toMatch(/␛\]52;c;[\w=]+␇/);
  });
});
