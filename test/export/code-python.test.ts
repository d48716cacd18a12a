import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { StreamMode } from '../../src/engine/types.js';
import { pyLiteral, pythonSnippet } from '../../src/export/code-python.js';
import { codeRequest } from '../../src/export/code-request.js';
import type { Cell } from '../../src/store/cell.js';
import { HISTORY_SCENARIOS, HOSTILE_PROMPTS, offlineCells, RAW_CONTROL } from './code-sessions.js';
import { hasPython, python } from './snippet-check.js';

const FAKE_SDK = fileURLToPath(new URL('../fixtures/fake-anthropic/', import.meta.url));
const MODES: StreamMode[] = ['helper', 'raw'];
const NO_PYTHON = 'python3 is not on the PATH, so the snippets are not read as Python here';

function snippetOf(cell: Cell): string {
  const request = codeRequest(cell);
  if (typeof request === 'string') throw new Error(request);
  return pythonSnippet(request);
}

/** What python3's own parser says of each snippet: "" for one it reads, else its complaint. */
function parseAll(snippets: string[]): string[] {
  const script =
    'import ast, json, sys\nfor s in json.load(sys.stdin):\n    try:\n        ast.parse(s)\n        print("")\n    except SyntaxError as e:\n        print(repr(e))';
  const { status, output } = python(['-c', script], JSON.stringify(snippets));
  if (status !== 0) throw new Error(output);
  return output.split('\n').slice(0, snippets.length);
}

describe('/code py', () => {
  it("follows the seeds' style: load_dotenv, Anthropic(), the history as a list, the helper's text stream", async () => {
    const { live } = await offlineCells('helper', 'chat');
    const snippet = snippetOf(live[3] as Cell);
    expect(snippet).toContain(
      'from anthropic import Anthropic\nfrom dotenv import load_dotenv\n\nload_dotenv()\n',
    );
    expect(snippet).toContain('client = Anthropic()  # the key comes from ANTHROPIC_API_KEY');
    expect(snippet).toMatch(/\nmessages = \[\n {4}\{\n {8}"role": "user",/);
    expect(snippet).toContain(
      'with client.messages.stream(\n    model="claude-sonnet-4-6",\n    max_tokens=2000,\n',
    );
    expect(snippet).toContain(
      '    for text in stream.text_stream:\n        print(text, end="", flush=True)\n\nprint()\nprint(stream.get_final_message())\n',
    );
    expect(snippet).toContain('    extra_body={\n        "temperature": 0.5,\n    },');
    expect(snippet).not.toContain('stream=True');
    expect(snippet).not.toMatch(RAW_CONTROL);
  });

  it('uses create(..., stream=True) and the event loop when the cell ran in raw mode', async () => {
    const { live } = await offlineCells('raw', 'chat', ['hello']);
    const snippet = snippetOf(live[0] as Cell);
    expect(snippet).toContain('stream = client.messages.create(\n');
    expect(snippet).toContain('    stream=True,\n');
    expect(snippet).toContain('for event in stream:\n    print(event)\n');
  });

  it.skipIf(!hasPython)(
    'parses as Python for every cell of every history shape, in both modes',
    async () => {
      const snippets: string[] = [];
      for (const mode of MODES) {
        for (const scenario of HISTORY_SCENARIOS) {
          const { live, restored } = await offlineCells(mode, scenario);
          for (const [i, cell] of live.entries()) {
            const snippet = snippetOf(cell);
            expect(snippetOf(restored[i] as Cell)).toBe(snippet);
            snippets.push(snippet);
          }
        }
      }
      expect(parseAll(snippets)).toEqual(snippets.map(() => ''));
      // The check can fail: an unclosed bracket is a complaint.
      expect(parseAll([`${snippets[0]}\n(`])[0]).toMatch(/SyntaxError|was never closed/);
    },
    120_000,
  );

  for (const mode of MODES) {
    it.skipIf(!hasPython)(
      `run with the SDK's calls recorded, it sends the cell's request (${mode})`,
      async () => {
        const { live } = await offlineCells(mode, 'tool-use');
        const dir = mkdtempSync(join(tmpdir(), 'streambook-py-'));
        try {
          for (const cell of live) {
            const bodyFile = join(dir, `body-${cell.id}.json`);
            const ran = python(['-'], snippetOf(cell), { PYTHONPATH: FAKE_SDK, SNIPPET_BODY_FILE: bodyFile });
            expect(ran.output).toBe(mode === 'helper' ? '\nfinal message\n' : '');
            expect(ran.status).toBe(0);
            const sent = JSON.parse(readFileSync(bodyFile, 'utf8'));
            expect(sent).toEqual(JSON.parse(cell.attempts[0]?.request?.body ?? ''));
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
      60_000,
    );
  }

  it.runIf(!hasPython)(`skips the Python checks: ${NO_PYTHON}`, () => {});
});

describe('pyLiteral', () => {
  it.skipIf(!hasPython)('reads back as the same value in Python, whatever the text', () => {
    const value = {
      text: HOSTILE_PROMPTS.join('\u0000'),
      nested: [true, false, null, 0, -1.5, 1e21, { 'not-an-identifier': '', '': [], __proto__x: {} }],
    };
    const json = JSON.stringify(value);
    const literal = pyLiteral(JSON.parse(json), '');
    expect(literal).not.toMatch(RAW_CONTROL);
    const script =
      'import ast, json, sys\nliteral, expected = json.load(sys.stdin)\nprint(ast.literal_eval(literal) == json.loads(expected))';
    expect(python(['-c', script], JSON.stringify([literal, json])).output).toBe('True\n');
    expect(python(['-c', script], JSON.stringify([literal.replace('True', 'False'), json])).output).toBe(
      'False\n',
    );
  });
});
