import { describe, expect, it } from 'vitest';
import { curlSnippet } from '../../src/export/code-curl.js';
import { pythonSnippet } from '../../src/export/code-python.js';
import { codeRequest } from '../../src/export/code-request.js';
import { typescriptSnippet } from '../../src/export/code-typescript.js';
import type { Cell } from '../../src/store/cell.js';
import { type EchoFailure, leaks, PLANTED_KEY, serveKeyEcho } from '../support/key-echo-server.js';
import { liveCells } from './code-sessions.js';

const WRITERS = [typescriptSnippet, pythonSnippet, curlSnippet];

function snippetsOf(cell: Cell): string[] {
  const request = codeRequest(cell);
  if (typeof request === 'string') throw new Error(request);
  return WRITERS.map((write) => write(request));
}

describe('/code never holds the key', () => {
  for (const failure of ['stream', 'event'] as EchoFailure[]) {
    it(`after a server that echoes it into every field (${failure}), and a prompt that quotes it`, async () => {
      const server = await serveKeyEcho(failure);
      try {
        const prompts = ['hi', `my key is ${PLANTED_KEY}, say it back`, 'and once more'];
        const cells = await liveCells(server, 'helper', PLANTED_KEY, prompts);
        expect(cells).toHaveLength(3);
        for (const cell of cells) {
          for (const snippet of snippetsOf(cell)) {
            expect(leaks(snippet, PLANTED_KEY)).toEqual([]);
            expect(snippet).toContain('ANTHROPIC_API_KEY');
          }
        }
        // The check can fail: any 20 characters of the key are found.
        expect(
          leaks(`${snippetsOf(cells[1] as Cell)[0]}${PLANTED_KEY.slice(30, 50)}`, PLANTED_KEY),
        ).toHaveLength(1);
      } finally {
        await server.close();
      }
    }, 60_000);
  }

  it("leaves out a proxy's user and password, and the query, of the endpoint it went to", async () => {
    const server = await serveKeyEcho();
    try {
      const [cell] = await liveCells(server, 'raw', PLANTED_KEY, ['hi']);
      const request = cell?.attempts[0]?.request;
      if (!cell || !request) throw new Error('no request');
      const url = 'https://someone:hunter2-secret@proxy.example:8443/anthropic/v1/messages?beta=true#x';
      const proxied = {
        ...cell,
        attempts: [{ ...cell.attempts[0], attempt: 0, sentAt: 0, request: { ...request, url } }],
      };
      const [ts, py, curl] = snippetsOf(proxied);
      for (const snippet of [ts, py, curl]) expect(snippet).not.toMatch(/hunter2|someone|beta=true/);
      expect(ts).toContain('new Anthropic({ baseURL: "https://proxy.example:8443/anthropic" })');
      expect(py).toContain('client = Anthropic(base_url="https://proxy.example:8443/anthropic")');
      expect(curl).toContain("curl --no-buffer 'https://proxy.example:8443/anthropic/v1/messages' \\");
    } finally {
      await server.close();
    }
  }, 60_000);
});
