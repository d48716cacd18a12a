import { afterAll, describe, expect, it } from 'vitest';
import type { StreamMode } from '../../src/engine/types.js';
import { type CodeRequest, codeRequest } from '../../src/export/code-request.js';
import { tsLiteral, typescriptSnippet } from '../../src/export/code-typescript.js';
import type { Cell } from '../../src/store/cell.js';
import { keyPieces, PLANTED_KEY } from '../support/key-echo-server.js';
import { recordingServer, sentKey } from '../support/recording-server.js';
import { HISTORY_SCENARIOS, HOSTILE_PROMPTS, liveCells, offlineCells, RAW_CONTROL } from './code-sessions.js';
import { runTypescript, snippetDir, typecheck } from './snippet-check.js';

const folder = snippetDir();
afterAll(() => folder.remove());

function requestOf(cell: Cell): CodeRequest {
  const request = codeRequest(cell);
  if (typeof request === 'string') throw new Error(request);
  return request;
}

const MODES: StreamMode[] = ['helper', 'raw'];

describe('/code ts', () => {
  it('type-checks with tsc (strict) against the SDK, for every cell of every history shape, in both modes', async () => {
    const files: Record<string, string> = {};
    for (const mode of MODES) {
      for (const scenario of HISTORY_SCENARIOS) {
        const { live, restored } = await offlineCells(mode, scenario);
        expect(live).toHaveLength(HOSTILE_PROMPTS.length);
        for (const [i, cell] of live.entries()) {
          const snippet = typescriptSnippet(requestOf(cell));
          // A resumed session gives the same snippet as the live one.
          expect(typescriptSnippet(requestOf(restored[i] as Cell))).toBe(snippet);
          expect(snippet).not.toMatch(RAW_CONTROL);
          files[`${mode}-${scenario}-${cell.id}.ts`] = snippet;
        }
      }
    }
    const helper = files['helper-chat-4.ts'] ?? '';
    expect(helper).toContain("import Anthropic from '@anthropic-ai/sdk';");
    expect(helper).toContain('const client = new Anthropic();');
    expect(helper).toContain('client.messages.stream({');
    expect(helper).toContain("stream.on('text', (text) => process.stdout.write(text));");
    expect(helper).toContain('await stream.finalMessage()');
    expect(helper).toContain("...({ temperature: 0.5 } as object), // not in the SDK's types");
    expect(helper).not.toContain('stream: true');
    const raw = files['raw-chat-4.ts'] ?? '';
    expect(raw).toContain('await client.messages.create({');
    expect(raw).toContain('  stream: true,\n})');
    expect(raw).toContain('for await (const event of stream) {');
    // The check can fail: the same snippet with one wrong type is refused, and only it.
    files['broken.ts'] = helper.replace('max_tokens: 2000', 'max_tokens: "2000"');
    const complaints = await typecheck(folder.dir, files);
    expect(complaints).toMatch(/^broken\.ts\(\d+,\d+\): error TS2322/);
    expect(
      complaints
        .trim()
        .split('\n')
        .filter((line) => !line.startsWith(' ')),
    ).toHaveLength(1);
  }, 120_000);

  for (const mode of MODES) {
    it(`run, it sends the cell's request byte for byte, with the key from the environment (${mode})`, async () => {
      const { live, restored } = await offlineCells(mode, 'chat');
      const server = await recordingServer();
      try {
        for (const cell of [live[3] as Cell, restored[2] as Cell]) {
          const snippet = typescriptSnippet(requestOf(cell));
          for (const piece of keyPieces(PLANTED_KEY)) expect(snippet).not.toContain(piece);
          const { stdout } = await runTypescript(folder.dir, `run-${mode}-${cell.id}.ts`, snippet, {
            ANTHROPIC_API_KEY: PLANTED_KEY,
            ANTHROPIC_BASE_URL: server.url,
          });
          const sent = server.requests.at(-1);
          expect(sent?.body).toBe(cell.attempts[0]?.request?.body);
          expect(sentKey(sent?.headers)).toBe(PLANTED_KEY);
          expect(stdout).toContain(mode === 'helper' ? "stop_reason: 'end_turn'" : "type: 'message_stop'");
        }
      } finally {
        await server.close();
      }
    }, 60_000);
  }

  it("a live cell's snippet goes to the session's base URL, and never holds the key it was sent with", async () => {
    const server = await recordingServer();
    try {
      const cells = await liveCells(server, 'raw', PLANTED_KEY, ['first', `echo ${PLANTED_KEY} back`]);
      const cell = cells[1] as Cell;
      const snippet = typescriptSnippet(requestOf(cell));
      expect(snippet).toContain(`new Anthropic({ baseURL: ${JSON.stringify(server.url)} })`);
      expect(snippet).not.toContain('offline API');
      for (const piece of keyPieces(PLANTED_KEY)) expect(snippet).not.toContain(piece);
      const before = server.requests.length;
      await runTypescript(folder.dir, 'live.ts', snippet, { ANTHROPIC_API_KEY: 'sk-from-the-environment' });
      expect(server.requests).toHaveLength(before + 1);
      expect(server.requests.at(-1)?.body).toBe(cell.attempts[0]?.request?.body);
      expect(sentKey(server.requests.at(-1)?.headers)).toBe('sk-from-the-environment');
    } finally {
      await server.close();
    }
  }, 60_000);
});

describe('tsLiteral', () => {
  it('reads back as the same value, whatever the text', () => {
    const value = {
      text: HOSTILE_PROMPTS.join('\u0000'),
      nested: [true, false, null, 0, -1.5, 1e21, { 'not-an-identifier': '', $ok: [], _x: {} }],
      ['__proto__']: { polluted: true },
    };
    const parsed = JSON.parse(JSON.stringify(value));
    const source = tsLiteral(parsed, '');
    const read = new Function(`return ${source};`)() as object;
    expect(read).toEqual(parsed);
    expect(Object.keys(read)).toEqual(Object.keys(parsed));
    expect(source).not.toMatch(RAW_CONTROL);
  });
});
