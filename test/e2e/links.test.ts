import stripAnsi from 'strip-ansi';
import { afterEach, describe, expect, test } from 'vitest';
import { cleanEnv } from '../support/cli.js';
import { LINKED, withoutOurLinks } from '../support/our-links.js';
import { KEYS, PtyScreen } from '../support/pty-screen.js';
import { type ScriptedServer, serveScript } from '../support/sse-fixture-server.js';
import { messageEnd, messageStart } from '../support/stream-events.js';

const ESC = '\u001b';
const URL_TEXT =
  'https://example.com/docs/streaming/a-rather-long-path-that-cannot-fit-on-one-row?with=query&and=more';
/** A hyperlink the model tries to plant: its text hides where it leads. */
const PLANTED = `${ESC}]8;;http://evil.example/${ESC}\\click here${ESC}]8;;${ESC}\\`;

const reply = (text: string) => ({
  kind: 'sse' as const,
  events: [
    messageStart('msg_links', 12),
    {
      event: 'content_block_start',
      data: { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
    },
    {
      event: 'content_block_delta',
      data: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } },
    },
    { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
    ...messageEnd('end_turn', 20),
  ],
});

let server: ScriptedServer | undefined;
let screen: PtyScreen | undefined;
afterEach(async () => {
  screen?.kill();
  await server?.close();
});

describe('links in a real terminal', () => {
  test('a URL in a reply is our OSC 8 link on each row it wraps over; a link the model sends shows as text', async () => {
    server = await serveScript([reply(`Read ${URL_TEXT} first. Then ${PLANTED} done.`)]);
    screen = await PtyScreen.open(['--base-url', server.url, '--max-retries', '0'], {
      cols: 80,
      rows: 24,
      env: cleanEnv({ ANTHROPIC_API_KEY: 'sk-ant-dummy-key-for-tests' }),
    });
    await screen.type('links');
    screen.write(KEYS.enter);
    await screen.waitFor(/end_turn · TTFT/);
    // The frame that shows the end draws the reply as it streamed; its whole layout, links
    // and all, follows in the next.
    await screen.waitFor(() => [...(screen?.output ?? '').matchAll(LINKED)].some((m) => m[1] === URL_TEXT));
    await screen.settle();
    // The URL, cut over two rows: each piece is a link to the whole URL.
    const pieces = [...screen.output.matchAll(LINKED)]
      .filter((m) => m[1] === URL_TEXT)
      .map((m) => stripAnsi(m[2] ?? ''));
    const distinct = [...new Set(pieces)];
    expect(distinct).toHaveLength(2);
    expect(distinct.join('')).toBe(URL_TEXT);
    // The model's own sequence is on screen as text, and no link hides where it leads.
    expect(screen.text()).toContain('␛]8;;http://evil.example/␛\\click here␛]8;;␛\\');
    expect(withoutOurLinks(screen.output)).not.toContain(`${ESC}]8`);
  });
});
