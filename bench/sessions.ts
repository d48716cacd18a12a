import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '../src/engine/client.js';
import { resumeSession } from '../src/journal/resume.js';
import { SessionJournal } from '../src/journal/session-journal.js';
import { listSessions } from '../src/journal/session-list.js';
import { sessionPath, sessionsDir } from '../src/journal/state-dir.js';
import { startOfflineServer } from '../src/offline/server.js';
import { Session } from '../src/session/session.js';
import { initialState } from '../src/store/session-state.js';
import { SessionStore } from '../src/store/session-store.js';

/**
 * The session file's cost: its bytes per wire event for a long turn, against the wire's own
 * bytes (target ≤ 1.5×), the time to read and restore a 1000-cell session (target ≤ 1 s), and
 * the time /sessions takes over 50 copies of the long turn's file: listed, listed again, searched.
 */
export async function sessions(deltas: number, cells: number): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'streambook-bench-sessions-'));
  const long = await recordTurn(dir, `long:${deltas}`, deltas + 1000);
  const file = statSync(sessionPath(dir, long.id)).size;
  const chat = await recordTurn(dir, 'chat', 1000);
  const many = manyCells(dir, chat.id, cells);
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const resumed = resumeSession({ stateDir: dir, save: false, resume: { id: many } }, () => {});
    times.push(performance.now() - start);
    if (resumed?.state.cells.length !== cells) throw new Error('the bench session did not resume whole');
  }
  return {
    bytes_per_event: Math.round(file / long.events),
    wire_bytes_per_event: Math.round(long.wireBytes / long.events),
    file_to_wire_ratio: Math.round((file / long.wireBytes) * 100) / 100,
    events: long.events,
    [`resume_${cells}_cells_ms`]: Math.round(times.sort((a, b) => a - b)[1] as number),
    ...listing(dir, long.id, 50),
  };
}

/**
 * /sessions over `copies` copies of one session's file (the list blocks keys while it runs):
 * listed, listed again (kept summaries), then searched in a second folder, not yet read.
 */
function listing(dir: string, id: string, copies: number): Record<string, number> {
  const text = readFileSync(sessionPath(dir, id));
  const folder = () => {
    const list = mkdtempSync(join(tmpdir(), 'streambook-bench-list-'));
    mkdirSync(sessionsDir(list));
    for (let i = 0; i < copies; i++) writeFileSync(sessionPath(list, `${id}-${i}`), text);
    return list;
  };
  const time = (list: string, search: string) => {
    const start = performance.now();
    const { sessions } = listSessions(list, search);
    if (sessions.length !== (search ? 0 : copies)) throw new Error('the bench list is not whole');
    return Math.round(performance.now() - start);
  };
  const [listed, searched] = [folder(), folder()];
  try {
    return {
      [`list_${copies}_sessions_ms`]: time(listed, ''),
      list_again_ms: time(listed, ''),
      list_search_ms: time(searched, 'zzz no reply says this'),
    };
  } finally {
    for (const list of [listed, searched]) rmSync(list, { recursive: true, force: true });
  }
}

/** One turn of `scenario`, saved by the real Session and journal. */
async function recordTurn(dir: string, scenario: string, maxTokens: number) {
  const server = await startOfflineServer({ pace: 'none', scenario });
  try {
    const settings = { model: 'claude-sonnet-4-6', maxTokens, mode: 'helper' as const };
    const source = { offline: true, describe: 'bench' };
    const store = new SessionStore(initialState(settings, source, scenario));
    const header = { settings, scenario, source, by: 'bench' };
    const journal = new SessionJournal({ stateDir: dir, header, warn: (line) => console.error(line) });
    const client = createClient({ apiKey: 'bench', baseURL: server.url, maxRetries: 0 });
    const session = new Session(store, client, server, { journal });
    session.submit('go');
    await session.settled();
    journal.close();
    const cell = session.state.cells[0];
    const wireBytes = cell?.events.reduce((sum, event) => sum + event.bytes, 0) ?? 0;
    return { id: journal.id as string, events: cell?.eventCount ?? 0, wireBytes };
  } finally {
    await server.close();
  }
}

/** A session of `cells` cells: one recorded chat turn, its records repeated under new cell ids. */
function manyCells(dir: string, id: string, cells: number): string {
  const [header, ...turn] = readFileSync(sessionPath(dir, id), 'utf8').trimEnd().split('\n');
  const lines = [header];
  for (let c = 1; c <= cells; c++)
    lines.push(...turn.map((line) => line.replace(/^\{"r":"(\w+)","c":1,/, `{"r":"$1","c":${c},`)));
  const many = `${id}-many`;
  writeFileSync(sessionPath(dir, many), `${lines.join('\n')}\n`);
  return many;
}
