import { describe, expect, it } from 'vitest';
import type { StreamMode } from '../../src/engine/types.js';
import { curlSnippet } from '../../src/export/code-curl.js';
import { codeRequest } from '../../src/export/code-request.js';
import type { Cell } from '../../src/store/cell.js';
import { recordingServer, sentKey } from '../support/recording-server.js';
import { HOSTILE_PROMPTS, liveCells, offlineCells, RAW_CONTROL } from './code-sessions.js';
import { runShell } from './snippet-check.js';

function snippetOf(cell: Cell): string {
  const request = codeRequest(cell);
  if (typeof request === 'string') throw new Error(request);
  return curlSnippet(request);
}

describe('/code curl', () => {
  for (const mode of ['helper', 'raw'] as StreamMode[]) {
    it(`sends a simulated cell's body to the real API, with the key and version from where it belongs (${mode})`, async () => {
      const { live, restored } = await offlineCells(mode, 'chat');
      const cell = live[3] as Cell;
      const snippet = snippetOf(cell);
      expect(snippetOf(restored[3] as Cell)).toBe(snippet);
      expect(snippet).toContain(
        'It was answered by the offline API; this sends the same request to the real one.',
      );
      expect(snippet).toContain("curl --no-buffer 'https://api.anthropic.com/v1/messages' \\\n");
      expect(snippet).toContain('  -H "x-api-key: $ANTHROPIC_API_KEY" \\\n');
      const version = cell.attempts[0]?.request?.headers.find(([name]) => name === 'anthropic-version')?.[1];
      expect(snippet).toContain(`  -H "anthropic-version: ${version}" \\\n`);
      expect(snippet).toContain('  -H "content-type: application/json" \\\n');
      expect(snippet).not.toMatch(RAW_CONTROL);
      // The prompts hold JSON and JSON_1 (as words and as whole lines), so the marker is the next one.
      expect(snippet).toContain("  --data-binary @- <<'JSON_2'\n");
      expect(snippet.endsWith('\nJSON_2\n')).toBe(true);
      const body = snippet.split("<<'JSON_2'\n")[1]?.split('\nJSON_2\n')[0] ?? '';
      expect(JSON.parse(body)).toEqual(JSON.parse(cell.attempts[0]?.request?.body ?? ''));
    }, 60_000);
  }

  it("run by bash, a live cell's command sends its body to its endpoint, and shows the SSE as it streams", async () => {
    const server = await recordingServer();
    try {
      const cells = await liveCells(server, 'helper', 'sk-the-session-key', HOSTILE_PROMPTS);
      for (const cell of cells) {
        const snippet = snippetOf(cell);
        expect(snippet).toContain(`curl --no-buffer '${server.url}/v1/messages' \\\n`);
        expect(snippet).not.toContain('offline API');
        expect(snippet).not.toContain('sk-the-session-key');
        const { stdout } = await runShell(snippet, { ANTHROPIC_API_KEY: 'sk-from-the-environment' });
        const sent = server.requests.at(-1);
        const recorded = cell.attempts[0]?.request?.body ?? '';
        // The here-document ends the body with a newline, which JSON reads past.
        expect(JSON.parse(sent?.body ?? '')).toEqual(JSON.parse(recorded));
        expect(sent?.body.endsWith('\n')).toBe(true);
        expect(sentKey(sent?.headers)).toBe('sk-from-the-environment');
        expect(stdout).toContain('event: message_stop');
      }
      // A body with nothing to escape (the first: no history yet) goes byte for byte.
      expect(server.requests.at(-HOSTILE_PROMPTS.length)?.body).toBe(
        `${cells[0]?.attempts[0]?.request?.body}\n`,
      );
    } finally {
      await server.close();
    }
  }, 60_000);
});
