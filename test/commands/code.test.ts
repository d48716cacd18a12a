import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { codeCommand } from '../../src/commands/code.js';
import { curlSnippet } from '../../src/export/code-curl.js';
import { pythonSnippet } from '../../src/export/code-python.js';
import { codeRequest } from '../../src/export/code-request.js';
import { typescriptSnippet } from '../../src/export/code-typescript.js';
import type { Cell } from '../../src/store/cell.js';
import { newCell } from '../../src/store/cell.js';
import { commandBenches } from './command-context.js';

const bench = commandBenches();
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempCwd(): string {
  const dir = mkdtempSync(join(tmpdir(), 'streambook-code-'));
  dirs.push(dir);
  return dir;
}

function requestOf(cell: Cell | undefined) {
  const request = cell && codeRequest(cell);
  if (!request || typeof request === 'string') throw new Error(String(request));
  return request;
}

describe('/code', () => {
  it('copies the newest cell as TypeScript, and says so with a preview of its first lines', async () => {
    const b = await bench();
    await b.send('hello');
    await b.send('and again');
    const result = await b.call(codeCommand);
    expect(result).toEqual({
      kind: 'toast',
      text: expect.stringMatching(
        /^Cell 2 as TypeScript \(helper mode, 3 messages\), \d+(\.\d)? K?B: sent by OSC 52 \(the terminal decides; it cannot confirm\) \| import Anthropic from '@anthropic-ai\/sdk'; ⏎ const client = new Anthropic\(\);/,
      ),
      tone: 'info',
    });
    expect(b.copied()).toBe(typescriptSnippet(requestOf(b.session.state.cells[1])));
  });

  it('takes the language and the cell: py 1, curl, in raw mode', async () => {
    const b = await bench({ settings: { mode: 'raw' } });
    await b.send('hello');
    await b.send('and again');
    expect(await b.run('/code py 1')).toMatch(/^Cell 1 as Python \(raw mode, 1 message\), /);
    expect(b.copied()).toBe(pythonSnippet(requestOf(b.session.state.cells[0])));
    expect(await b.run('/code curl')).toMatch(
      /^Cell 2 as curl \(raw mode, 3 messages\), .* \| curl --no-buffer /,
    );
    expect(b.copied()).toBe(curlSnippet(requestOf(b.session.state.cells[1])));
  });

  it('takes the selected cell when no number is given', async () => {
    const b = await bench();
    await b.send('hello');
    await b.send('and again');
    b.session.view(() => ({ selected: 1 }));
    expect(await b.run('/code')).toMatch(/^Cell 1 as TypeScript /);
  });

  it('writes to a file when one is named, 0600, its language from the name unless given', async () => {
    const cwd = tempCwd();
    const b = await bench({ cwd });
    await b.send('hello');
    const cell = b.session.state.cells[0];
    expect(await b.call(codeCommand, '1 cell.py')).toEqual({
      kind: 'toast',
      text: expect.stringMatching(
        /^Cell 1 as Python \(helper mode, 1 message\), \d+(\.\d)? K?B: written to \.\/cell\.py$/,
      ),
      tone: 'success',
    });
    expect(readFileSync(join(cwd, 'cell.py'), 'utf8')).toBe(pythonSnippet(requestOf(cell)));
    expect(statSync(join(cwd, 'cell.py')).mode & 0o777).toBe(0o600);
    expect(await b.run('/code request.sh')).toMatch(/^Cell 1 as curl .*: written to \.\/request\.sh$/);
    expect(readFileSync(join(cwd, 'request.sh'), 'utf8')).toBe(curlSnippet(requestOf(cell)));
    expect(await b.run('/code ts 1 request.sh')).toMatch(/^Cell 1 as TypeScript /);
    expect(readFileSync(join(cwd, 'request.sh'), 'utf8')).toBe(typescriptSnippet(requestOf(cell)));
    expect(b.copied()).toBeUndefined();
  });

  it('names the fix when the file cannot be written', async () => {
    const cwd = tempCwd();
    const b = await bench({ cwd });
    await b.send('hello');
    expect(await b.call(codeCommand, `py ${cwd}`)).toEqual({
      kind: 'error',
      text: `cannot save to ${cwd}: it is a folder; name a file in it, e.g. ${join(cwd, 'cell.json')}`,
    });
    expect(await b.call(codeCommand, 'py 1 a.py b.py')).toEqual({
      kind: 'error',
      text: "/code takes one file name, not 'a.py b.py'",
    });
  });

  it('says when there is no cell, or no such cell', async () => {
    const b = await bench();
    expect(await b.call(codeCommand)).toEqual({ kind: 'error', text: 'there is no cell yet' });
    await b.send('hello');
    expect(await b.call(codeCommand, 'curl 7')).toEqual({ kind: 'error', text: 'there is no cell 7' });
  });

  it('says so in one line when the cell failed before sending a request', async () => {
    const b = await bench();
    const unsent = { ...newCell(1, 'hello', b.session.state.settings, null), status: 'failed' as const };
    b.session.store.update((state) => ({ ...state, cells: [unsent] }));
    expect(await b.call(codeCommand, 'py')).toEqual({
      kind: 'error',
      text: 'cell 1 has no recorded request (it failed before sending); pick another cell',
    });
    expect(b.copied()).toBeUndefined();
  });

  it('says so in one line when the recorded request is not a Messages body (a corrupt file)', async () => {
    const b = await bench();
    await b.send('hello');
    const [cell] = b.session.state.cells;
    const request = cell?.attempts[0]?.request;
    if (!cell || !request) throw new Error('no request');
    for (const body of [
      '{"model":"m","messages":{}}',
      '[1,2]',
      'null',
      '{"messages":[]',
      '\u001b]52;c;aGk=\u0007',
    ]) {
      const corrupt = {
        ...cell,
        attempts: [{ ...cell.attempts[0], attempt: 0, sentAt: 0, request: { ...request, body } }],
      };
      b.session.store.update((state) => ({ ...state, cells: [corrupt] }));
      expect(await b.call(codeCommand, 'curl')).toEqual({
        kind: 'error',
        text: "cell 1's recorded request is not a Messages request body",
      });
    }
  });
});
