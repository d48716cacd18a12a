import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createClipboard } from '../../src/clipboard/clipboard.js';
import { codeCommand } from '../../src/commands/code.js';
import { exportCommand } from '../../src/commands/export.js';
import { createClient } from '../../src/engine/client.js';
import { SessionJournal } from '../../src/journal/session-journal.js';
import { sessionsDir } from '../../src/journal/state-dir.js';
import { Session } from '../../src/session/session.js';
import { initialState } from '../../src/store/session-state.js';
import { SessionStore } from '../../src/store/session-store.js';
import { cleanEnv, runCli } from '../support/cli.js';
import { closeAfterEach } from '../support/close-after-each.js';
import { sendAll, tempStateDir } from '../support/journaled.js';
import { leaks, PLANTED_KEY } from '../support/key-echo-server.js';
import { type ScriptedResponse, type SseEvent, serveScript } from '../support/sse-fixture-server.js';
import { messageEnd, messageStart } from '../support/stream-events.js';
import { SETTINGS } from '../support/turns.js';

/**
 * A reply spells the key with a zero-width space between every two of its characters: `cat`,
 * a Markdown viewer and a terminal show the key whole. Nothing the app writes (the session file,
 * print mode's output, an export) may hold a piece of it once those characters are taken out.
 */
const ZWSP = '\u200B';
const DISGUISED = [...PLANTED_KEY].join(ZWSP);
/** A zero-width space away from the key, which must stay as the reply wrote it. */
const ELSEWHERE = `zero${ZWSP}width`;

type Failure = 'stream' | 'event';

function reply(failure: Failure): ScriptedResponse {
  const text = `Your key is ${DISGUISED}, and a ${ELSEWHERE} space. Again: `;
  const delta = (t: string): SseEvent => ({
    event: 'content_block_delta',
    data: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: t } },
  });
  const events: SseEvent[] = [
    messageStart(),
    {
      event: 'content_block_start',
      data: { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
    },
    // Seven characters a delta: the key is split at every kind of place.
    ...(text.match(/.{1,7}/gs) ?? []).map(delta),
    delta(`${DISGUISED}.`),
  ];
  const error = { type: 'overloaded_error', message: `echo ${DISGUISED}` };
  const end: SseEvent[] =
    failure === 'event'
      ? [{ event: 'error', data: { type: 'error', error } }]
      : [
          { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
          ...messageEnd('end_turn', 9),
        ];
  return { kind: 'sse', events: [...events, ...end] };
}

/** The pieces of the key in text, with zero-width characters (raw or as JSON escapes) taken out. */
function visibleLeaks(text: string): string[] {
  return leaks(text.replace(/[\u200B-\u200D\u2060\uFEFF]|\\u(?:200[bcd]|2060|feff)/gi, ''), PLANTED_KEY);
}

/** Every file below `dir`, by name, as text. */
function everyFile(dir: string): Array<[string, string]> {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => [entry.name, readFileSync(join(entry.parentPath, entry.name), 'utf8')]);
}

const track = closeAfterEach();
const removals: Array<() => void> = [];
afterEach(() => {
  for (const remove of removals.splice(0)) remove();
});

function tempDirs(): { state: string; cwd: string } {
  const state = tempStateDir();
  const cwd = mkdtempSync(join(tmpdir(), 'streambook-zw-key-'));
  removals.push(state.remove, () => rmSync(cwd, { recursive: true, force: true }));
  return { state: state.dir, cwd };
}

describe('a key split by zero-width characters', () => {
  test.each<Failure>(['stream', 'event'])(
    'is in no session file, export or /code snippet of a journaled session (%s)',
    async (failure) => {
      const server = track(await serveScript([reply(failure)]));
      const { state, cwd } = tempDirs();
      const source = { offline: false, describe: 'zero-width key' };
      const header = { settings: SETTINGS, scenario: null, source, by: 'notebook' };
      const journal = new SessionJournal({ stateDir: state, header, warn: () => {} });
      const store = new SessionStore(initialState(SETTINGS, source, null));
      const client = createClient({ apiKey: PLANTED_KEY, baseURL: server.url, maxRetries: 0 });
      const session = new Session(store, client, null, { journal, stateDir: state });
      // /code writes the second request, which carries the first reply.
      await sendAll(session, ['what is my key?', 'say it back']);
      const context = { session, clipboard: createClipboard(() => {}, null), cwd, quit: () => {} };
      for (const name of ['s.md', 's.ipynb', 's.json', 's.har'])
        expect((await exportCommand.run(context, name)).kind, name).toBe('toast');
      for (const language of ['ts', 'py', 'curl'])
        expect((await codeCommand.run(context, `${language} 2 code.${language}`)).kind, language).toBe(
          'toast',
        );
      journal.close();

      const sessions = everyFile(sessionsDir(state));
      expect(sessions).toHaveLength(1);
      const written = [...sessions, ...everyFile(cwd)];
      expect(written.map(([name]) => name)).toEqual(expect.arrayContaining(['s.md', 'code.ts', 'code.curl']));
      for (const [name, text] of written) {
        expect(visibleLeaks(text), name).toEqual([]);
        expect(text, name).toContain('[redacted]');
      }
      // Redaction touches the key and nothing else.
      expect(sessions[0]?.[1]).toContain(ELSEWHERE);
      expect(readFileSync(join(cwd, 's.md'), 'utf8')).toContain(ELSEWHERE);
    },
  );

  test.each<[Failure, string]>([
    ['stream', 'text'],
    ['stream', 'stream-json'],
    ['event', 'text'],
    ['event', 'stream-json'],
  ])('is in no output of print mode or its session file (%s, %s)', async (failure, format) => {
    const server = track(await serveScript([reply(failure)]));
    const { state, cwd } = tempDirs();
    const args = ['-p', '--state-dir', state, '--base-url', server.url, '--max-retries', '0'];
    const result = await runCli([...args, '--output-format', format, 'hi'], {
      cwd,
      env: cleanEnv({ ANTHROPIC_API_KEY: PLANTED_KEY }),
    });
    expect(visibleLeaks(result.stdout), 'stdout').toEqual([]);
    expect(visibleLeaks(result.stderr), 'stderr').toEqual([]);
    expect(result.stdout + result.stderr).toContain('[redacted]');
    const sessions = everyFile(sessionsDir(state));
    expect(sessions).toHaveLength(1);
    for (const [name, text] of everyFile(state)) expect(visibleLeaks(text), name).toEqual([]);
  });
});
