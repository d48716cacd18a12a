import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSessions } from '../../src/journal/session-list.js';
import { sessionTable } from '../../src/journal/session-table.js';
import { sessionPath, sessionsDir } from '../../src/journal/state-dir.js';
import { reopen, savedSession, stateDirs } from '../support/journaled.js';

const stateDir = stateDirs();

const saved = savedSession;

/** Makes the session's file look last written `secondsAgo` ago. */
function touch(dir: string, id: string, secondsAgo: number): void {
  const when = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(sessionPath(dir, id), when, when);
}

/** Rewrites a session's header as a fork of `parent`. */
function markFork(dir: string, id: string, parent: { id: string; cell: number }): void {
  const [header, ...rest] = readFileSync(sessionPath(dir, id), 'utf8').split('\n');
  writeFileSync(
    sessionPath(dir, id),
    [JSON.stringify({ ...JSON.parse(header ?? ''), parent }), ...rest].join('\n'),
  );
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is that none is left
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('listing saved sessions', () => {
  it('lists them newest first, with their first prompt, cells and the tokens their turns used', async () => {
    const dir = stateDir();
    const older = await saved(dir, ['first of the older', 'second']);
    const newer = await saved(dir, ['only prompt of the newer']);
    touch(dir, older.id, 60);
    touch(dir, newer.id, 5);
    const { sessions, notes } = listSessions(dir);
    expect(notes).toEqual([]);
    expect(sessions.map((s) => s.id)).toEqual([newer.id, older.id]);
    const [first, second] = sessions;
    expect(second).toMatchObject({
      firstPrompt: 'first of the older',
      cells: 2,
      path: sessionPath(dir, older.id),
    });
    expect(first).toMatchObject({ firstPrompt: 'only prompt of the newer', cells: 1 });
    // The totals the notebook would show after resuming it, and not nothing.
    const { input, output } = reopen(dir, older.id).state.tokens;
    expect(second?.tokens).toEqual({ input, output });
    expect(input).toBeGreaterThan(0);
    expect(output).toBeGreaterThan(0);
    expect(second?.parent).toBeUndefined();
    expect(Date.parse(second?.started ?? '')).not.toBeNaN();
    expect(Date.parse(second?.updated ?? '')).toBeLessThan(Date.parse(first?.updated ?? ''));
  });

  it('finds sessions by what a prompt or a reply says, whatever the case', async () => {
    const dir = stateDir();
    const a = await saved(dir, ['Tell me about the Zephyr engine']);
    const b = await saved(dir, ['something else entirely']);
    const reply = b.state.cells[0]?.blocks.find((block) => block.type === 'text')?.text ?? '';
    // A piece from the middle of the reply: longer than one delta, so it spans several.
    const middle = reply.slice(Math.floor(reply.length / 3), Math.floor(reply.length / 3) + 30);
    expect(middle.length).toBe(30);
    expect(listSessions(dir, 'zephyr ENGINE').sessions.map((s) => s.id)).toEqual([a.id]);
    expect(listSessions(dir, middle.toUpperCase()).sessions.map((s) => s.id)).toContain(b.id);
    expect(listSessions(dir, 'no session says this 9q8w7e').sessions).toEqual([]);
  });

  it('skips, with a note each, what in the folder is not a readable session', async () => {
    const dir = stateDir();
    const good = await saved(dir, ['the good one']);
    const folder = sessionsDir(dir);
    writeFileSync(join(folder, 'notes.txt'), 'not even jsonl');
    writeFileSync(join(folder, 'foreign.jsonl'), '{"hello":"world"}\n');
    writeFileSync(join(folder, 'empty.jsonl'), '');
    writeFileSync(join(folder, 'binary.jsonl'), Buffer.from([0xff, 0xfe, 0x00, 0x1b, 0x5b, 0x32, 0x4a]));
    writeFileSync(
      join(folder, 'future.jsonl'),
      '{"r":"session","v":99,"id":"x","started":"","settings":{},"source":{}}\n',
    );
    writeFileSync(join(folder, '\u001b]0;pwned\u0007.jsonl'), '');
    // A torn last line costs only that line.
    writeFileSync(
      sessionPath(dir, good.id),
      `${readFileSync(sessionPath(dir, good.id), 'utf8')}{"r":"u","c":1,"u":{"ty`,
    );
    const { sessions, notes } = listSessions(dir);
    expect(sessions.map((s) => s.id)).toEqual([good.id]);
    expect(sessions[0]?.cells).toBe(1);
    expect(notes).toHaveLength(5);
    expect(notes.join('\n')).toMatch(/foreign.*not a streambook session file/);
    expect(notes.join('\n')).toMatch(/future.*newer streambook/);
    for (const note of notes) expect(note).not.toMatch(CONTROLS);
  });

  it('is empty, without a note, when there is no folder yet', () => {
    expect(listSessions(join(stateDir(), 'never-made'))).toEqual({ sessions: [], notes: [] });
  });

  it('shows a hostile first prompt as text, on one line, cut to the width', async () => {
    const dir = stateDir();
    const hostile = `\u001b]52;c;cHduZWQ=\u0007\u001b[2J\u009b31m\u202eevil\nsecond line ${'x'.repeat(500)}`;
    await saved(dir, [hostile]);
    const { sessions } = listSessions(dir);
    expect(sessions[0]?.firstPrompt).toBe(hostile);
    const lines = sessionTable(sessions, 160);
    expect(lines).toHaveLength(1);
    const [line = ''] = lines;
    expect(line).not.toMatch(CONTROLS);
    expect(line).toContain('␛]52;c;cHduZWQ=␇␛[2J');
    expect(line).toContain('evil second line');
    expect(line.length).toBe(160);
    expect(line).toMatch(/x…/);
  });

  it("shows a fork's parent, in both the summary and the table", async () => {
    const dir = stateDir();
    const parent = await saved(dir, ['one', 'two', 'three']);
    const fork = await saved(dir, ['one', 'two again']);
    markFork(dir, fork.id, { id: parent.id, cell: 2 });
    touch(dir, parent.id, 60);
    const { sessions } = listSessions(dir);
    expect(sessions[0]?.parent).toEqual({ id: parent.id, cell: 2 });
    expect(sessions[1]?.parent).toBeUndefined();
    const [forkLine, parentLine] = sessionTable(sessions, 140);
    expect(forkLine).toContain(`fork of ${parent.id} at cell 2`);
    expect(parentLine).not.toContain('fork of');
  });

  it('lines up its columns: id, date, prompt, cells, tokens', async () => {
    const dir = stateDir();
    await saved(dir, ['short']);
    await saved(dir, ['a much longer first prompt than the other', 'and more']);
    const lines = sessionTable(listSessions(dir).sessions, 120);
    // Each column starts where it does on the other line, and the last ends at the width.
    expect(lines.map((line) => line.length)).toEqual([120, 120]);
    const cellsEnd = (line: string) => line.search(/\d+ cells?/) + (/\d+ cells?/.exec(line)?.[0].length ?? 0);
    expect(new Set(lines.map(cellsEnd)).size).toBe(1);
    for (const line of lines)
      expect(line).toMatch(/^\S+ {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}.+ {2}\d cells? {2}.*\d+ in \/ \d+ out$/);
  });
});
