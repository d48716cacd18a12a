import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClipboard } from '../../src/clipboard/clipboard.js';
import type { CommandContext } from '../../src/commands/command.js';
import { openSessionCommand, sessionsCommand } from '../../src/commands/sessions.js';
import { sessionsDir } from '../../src/journal/state-dir.js';
import { journaledSession, sendAll, stateDirs } from '../support/journaled.js';
import { withOfflineServer } from '../support/offline.js';
import { commandBenches } from './command-context.js';

const stateDir = stateDirs();
const bench = commandBenches();

/** Runs `use` with a command context on a real session saving to `dir`. */
function inSession<T>(dir: string, use: (context: CommandContext) => Promise<T>): Promise<T> {
  return withOfflineServer({}, async (server) => {
    const { session, journal } = journaledSession(server, dir);
    const context = { session, clipboard: createClipboard(() => {}, null), cwd: dir, quit() {} };
    try {
      return await use(context);
    } finally {
      journal.close();
    }
  });
}

describe('/sessions', () => {
  it('says there are none yet, and opens nothing', async () => {
    const dir = stateDir();
    await inSession(dir, async (context) => {
      expect(await sessionsCommand.run(context, '')).toEqual({
        kind: 'toast',
        text: `no saved sessions in ${sessionsDir(dir)} yet`,
      });
      expect(await sessionsCommand.run(context, '  zebra ')).toEqual({
        kind: 'toast',
        text: "no saved session holds 'zebra'",
      });
      expect(context.session.state.view.sessions).toBeNull();
    });
  });

  it('opens the list on the newest, this session marked, and warns of a file it skipped', async () => {
    const dir = stateDir();
    await inSession(dir, async (context) => {
      await sendAll(context.session, ['first']);
      writeFileSync(join(sessionsDir(dir), 'junk.jsonl'), 'junk\n');
      const result = await sessionsCommand.run(context, '');
      expect(result).toMatchObject({ kind: 'toast', tone: 'warning' });
      expect(result.kind === 'toast' && result.text).toMatch(
        /^skipped junk: .*not a streambook session file$/,
      );
      const page = context.session.state.view.sessions;
      expect(page).toMatchObject({ cursor: 0, current: context.session.journal?.id, search: '' });
      expect(page?.rows.map((row) => row.firstPrompt)).toEqual(['first']);
    });
  });

  it('is refused by a notebook that keeps no sessions', async () => {
    const b = await bench();
    expect(await b.call(sessionsCommand)).toEqual({
      kind: 'error',
      text: 'saved sessions are not kept by this notebook',
    });
    expect(await b.call(openSessionCommand)).toEqual({ kind: 'none' });
  });

  it('Enter on a row whose file went away says so and keeps the list', async () => {
    const dir = stateDir();
    await inSession(dir, async (context) => {
      await sendAll(context.session, ['first']);
      await sessionsCommand.run(context, '');
      const id = context.session.journal?.id as string;
      writeFileSync(join(sessionsDir(dir), `${id}.jsonl`), 'not a session any more\n');
      const result = await openSessionCommand.run(context, '');
      expect(result).toMatchObject({ kind: 'error' });
      expect(result.kind === 'error' && result.text).toMatch(/is not a streambook session file$/);
      expect(context.session.state.view.sessions).not.toBeNull();
    });
  });
});
