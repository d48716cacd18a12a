import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import AjvModule from 'ajv-draft-04';
import { expect } from 'vitest';

const schema = JSON.parse(
  readFileSync(new URL('../fixtures/nbformat/nbformat.v4.schema.json', import.meta.url), 'utf8'),
) as object;
// A CommonJS module: under Node's ESM its class is the default export's `default`.
const Ajv = (AjvModule as unknown as { default: typeof AjvModule.default }).default;
const validateNotebook = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** The schema's complaints about a notebook's JSON text; none when it is a valid nbformat 4 notebook. */
export function notebookErrors(text: string): string[] {
  if (validateNotebook(JSON.parse(text))) return [];
  return (validateNotebook.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** Whether python3 can be run here: the notebook's code is then parsed by Python itself. */
export const HAS_PYTHON = (() => {
  try {
    execFileSync('python3', ['-c', 'pass'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/*
 * Parses every code cell of a notebook with Python's own parser (a syntax error fails the
 * run), and evaluates the argument of each turn cell's first messages.append, with nothing
 * but `tool_results` defined (as ["TOOL_RESULTS"]): printed as JSON, so the test can compare
 * it with the message sent.
 */
const PY_CHECK = `
import ast, json, sys
notebook = json.load(sys.stdin)
appended = []
for cell in notebook["cells"]:
    if cell["cell_type"] != "code":
        continue
    tree = ast.parse("".join(cell["source"]))
    if not cell["id"].startswith("cell-"):
        continue
    append = next(
        node.value for node in tree.body
        if isinstance(node, ast.Expr) and ast.unparse(node.value.func) == "messages.append"
    )
    code = compile(ast.Expression(append.args[0]), "cell", "eval")
    appended.append(eval(code, {"__builtins__": {}, "tool_results": ["TOOL_RESULTS"]}))
print(json.dumps(appended))
`;

/** The user messages a notebook's turn cells append, as Python reads them. */
export function pythonAppends(notebook: string): unknown[] {
  const out = execFileSync('python3', ['-c', PY_CHECK], { input: notebook, maxBuffer: 64 << 20 });
  return JSON.parse(out.toString('utf8')) as unknown[];
}

type Json = Record<string, unknown>;

/** Checks a HAR document against HAR 1.2's required fields and types. */
export function expectHar12(har: Json): Json[] {
  const log = har.log as Json;
  expect(log.version).toBe('1.2');
  expect(log.creator).toEqual({ name: 'streambook', version: expect.any(String) });
  const entries = log.entries as Json[];
  expect(Array.isArray(entries)).toBe(true);
  for (const entry of entries) {
    expect(entry.startedDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(typeof entry.time).toBe('number');
    const request = entry.request as Json;
    for (const field of ['method', 'url', 'httpVersion']) expect(typeof request[field]).toBe('string');
    for (const field of ['cookies', 'headers', 'queryString'])
      expect(Array.isArray(request[field])).toBe(true);
    for (const field of ['headersSize', 'bodySize']) expect(typeof request[field]).toBe('number');
    const response = entry.response as Json;
    for (const field of ['status', 'headersSize', 'bodySize']) expect(typeof response[field]).toBe('number');
    for (const field of ['statusText', 'httpVersion', 'redirectURL'])
      expect(typeof response[field]).toBe('string');
    for (const field of ['cookies', 'headers']) expect(Array.isArray(response[field])).toBe(true);
    const content = response.content as Json;
    expect(typeof content.size).toBe('number');
    expect(typeof content.mimeType).toBe('string');
    expect(typeof entry.cache).toBe('object');
    const timings = entry.timings as Json;
    for (const field of ['send', 'wait', 'receive']) expect(timings[field]).toBeGreaterThanOrEqual(0);
    expect(entry.time).toBe(
      (timings.send as number) + (timings.wait as number) + (timings.receive as number),
    );
  }
  return entries;
}

/** SSE text read back as its events: name and data of each, split at the blank lines. */
export function parseSse(text: string): Array<{ event: string | null; data: string }> {
  return text
    .split('\n\n')
    .filter((block) => block !== '')
    .map((block) => {
      const lines = block.split('\n');
      const name = lines.find((line) => line.startsWith('event: '));
      const data = lines.filter((line) => line.startsWith('data: ')).map((line) => line.slice(6));
      return { event: name ? name.slice(7) : null, data: data.join('\n') };
    });
}
