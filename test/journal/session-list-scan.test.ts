import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JournalError, readJournal } from '../../src/journal/read-journal.js';
import type { JournalRecord } from '../../src/journal/records.js';
import { resumeSession } from '../../src/journal/resume.js';
import { listSessions } from '../../src/journal/session-list.js';
import { sessionPath, sessionsDir } from '../../src/journal/state-dir.js';
import { savedSession, stateDirs } from '../support/journaled.js';

const stateDir = stateDirs();

/** Whether reading the whole file finds `term` in a prompt or a reply: what the list must agree with. */
function holdsByReading(path: string, term: string): boolean {
  const wanted = term.toLowerCase();
  const replies = new Map<string, string>();
  for (const record of readJournal(path).records) {
    if (record.r === 'turn' && record.prompt.toLowerCase().includes(wanted)) return true;
    if (record.r === 't' && record.k === undefined)
      replies.set(`${record.c}:${record.i}`, (replies.get(`${record.c}:${record.i}`) ?? '') + record.x);
  }
  return [...replies.values()].some((text) => text.toLowerCase().includes(wanted));
}

/** A text piece of cell 2's reply, as the writer makes it. */
const piece = (x: string, i = 0) => JSON.stringify({ r: 't', c: 2, t: 1.5, i, x });

const mkfifo = spawnSync('mkfifo', ['--version']).error === undefined;

describe('listing saved sessions without reading every record', () => {
  it('counts and finds what reading the whole file does, in hostile text and hand-edited lines', async () => {
    const dir = stateDir();
    const { id } = await savedSession(dir, ['the first prompt']);
    const path = sessionPath(dir, id);
    const records = readJournal(path).records;
    const turn = records.find((r): r is Extract<JournalRecord, { r: 'turn' }> => r.r === 'turn');
    const end = records.find((r) => r.r === 'u' && r.u.type === 'end') as Extract<JournalRecord, { r: 'u' }>;
    const before = listSessions(dir).sessions[0];
    // A second turn, its turn and end lines rewritten by a tool that reorders keys.
    const { r: _turnR, c: _turnC, ...turnRest } = turn as Extract<JournalRecord, { r: 'turn' }>;
    const lines = [
      JSON.stringify({ c: 2, ...turnRest, prompt: 'Reordered Prompt', r: 'turn' }),
      piece('He said "Quo'),
      piece('ted\\ Back'),
      piece('slash\u2028Ünï\u001b[2Jcode\n'),
      piece('\ud83d'),
      piece('\ude00 after'),
      // Torn: its text ends in a lone backslash, which must not swallow the next piece's "n".
      // Each odd piece in a reply of its own, so each is what sends its reply the slow way.
      '{"r":"t","c":2,"t":1,"i":2,"x":"tornpiece\\"}',
      piece('nzz', 2),
      '{"r":"t","c":2,"t":1,"i":3,"x":"dup1","x":"dup2"}',
      '{"r":"t","c":0,"t":1,"i":0,"x":"zerocell"}',
      '{"r":"t","c":2,"t":1e999,"i":0,"x":"infinitetime"}',
      '{"r":"t","c":2,"t":1,"i":4,"x":"bad\\qescape"}',
      piece('fine', 4),
      JSON.stringify({ r: 't', c: 2, t: 1, i: 1, k: 'thinking', x: 'secretthought' }),
      JSON.stringify({ r: 't', c: 2, t: 1, x: 'keysmoved', i: 0 }),
      JSON.stringify({ c: 2, u: end.u, r: 'u' }),
      '{"r":"u","c":2,"u":{"ty',
    ];
    appendFileSync(path, `${lines.join('\n')}\n`);
    const [after] = listSessions(dir).sessions;
    expect(after).toMatchObject({ cells: 2, firstPrompt: 'the first prompt' });
    expect(after?.tokens).toEqual({
      input: (before?.tokens.input ?? 0) * 2,
      output: (before?.tokens.output ?? 0) * 2,
    });
    const terms = [
      'reordered prompt',
      'he said "quoted\\ back',
      'SLASH\u2028ÜNÏ\u001b[2JCODE\n',
      '\ud83d\ude00 after',
      'tornpiece',
      'tornpiecenzz',
      'tornpiece\nzz',
      'nzz',
      'dup1',
      'dup2',
      'zerocell',
      'infinitetime',
      'bad',
      'fine',
      'secretthought',
      'keysmoved',
      '\\u',
      'ud83d',
    ];
    const found = terms.map((term) => listSessions(dir, term).sessions.length === 1);
    expect(found).toEqual(terms.map((term) => holdsByReading(path, term)));
    // And the comparison is not empty either way.
    expect(found.filter(Boolean).length).toBeGreaterThanOrEqual(6);
    expect(found.filter((x) => !x).length).toBeGreaterThanOrEqual(6);
  });

  it('keeps a summary while its file is unchanged, and reads the file again once it changes', async () => {
    const dir = stateDir();
    const { id } = await savedSession(dir, ['kept']);
    const [first] = listSessions(dir).sessions;
    expect(listSessions(dir).sessions[0]).toBe(first);
    expect(listSessions(dir, 'KEPT').sessions[0]).toBe(first);
    const [turn] = readFileSync(sessionPath(dir, id), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('{"r":"turn"'));
    appendFileSync(
      sessionPath(dir, id),
      `${(turn ?? '').replace('"c":1', '"c":2').replace('"kept"', '"grown"')}\n`,
    );
    const [again] = listSessions(dir).sessions;
    expect(again).not.toBe(first);
    expect(again?.cells).toBe(2);
    expect(listSessions(dir, 'grown').sessions.map((s) => s.id)).toEqual([id]);
  });

  it.skipIf(!mkfifo)('skips a FIFO named like a session, and never waits on it (mkfifo needed)', async () => {
    const dir = stateDir();
    const { id } = await savedSession(dir, ['the real one']);
    const fifo = join(sessionsDir(dir), '20991231-2359-fifo.jsonl');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // Opening it to read would wait for a writer for good. This one writes a line if the FIFO
    // is ever opened, so a list that reads it ends (with the wrong answer) instead of hanging.
    const writer = spawn('sh', ['-c', 'while :; do printf "{}\\n" > "$0"; done', fifo], { stdio: 'ignore' });
    try {
      const { sessions, notes } = listSessions(dir);
      expect(sessions.map((s) => s.id)).toEqual([id]);
      expect(notes).toEqual(['skipped 20991231-2359-fifo: not a regular file']);
      expect(listSessions(dir, 'real').sessions.map((s) => s.id)).toEqual([id]);
      // --continue goes on with the newest session file, not the FIFO written after it.
      expect(resumeSession({ stateDir: dir, save: false, resume: { newest: true } }, () => {})?.id).toBe(id);
      // --resume of it says what is wrong instead of waiting.
      expect(() => readJournal(fifo)).toThrow(JournalError);
      expect(() => readJournal(fifo)).toThrow(/not a regular file; move it out of the sessions folder/);
    } finally {
      writer.kill();
    }
  });
});
