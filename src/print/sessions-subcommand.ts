import { shown } from '../config/shown.js';
import { subcommandFlags } from '../config/subcommand-flags.js';
import { UsageError } from '../config/usage-error.js';
import { listSessions, type SessionSummary } from '../journal/session-list.js';
import { sessionTable } from '../journal/session-table.js';
import { sessionsDir, stateDir } from '../journal/state-dir.js';
import { escapeControlsForJson } from '../terminal/neutralize.js';

/** What `streambook sessions` was asked for. */
export interface SessionsRequest {
  stateDir: string;
  search: string;
  json: boolean;
  help: boolean;
}

const FLAGS = {
  search: { type: 'string', short: 's' },
  json: { type: 'boolean' },
  'state-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const SESSIONS_USAGE = 'streambook sessions [--search TEXT] [--json] [--state-dir DIR]';

/** The subcommand's flags (everything after `sessions`); a bad one throws UsageError. */
export function sessionsRequest(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): SessionsRequest {
  const values = subcommandFlags('sessions', argv, FLAGS, 'search with --search TEXT');
  if (values['state-dir'] === '') throw new UsageError('--state-dir needs a folder');
  return {
    stateDir: stateDir(values['state-dir'], env),
    search: values.search ?? '',
    json: values.json ?? false,
    help: values.help ?? false,
  };
}

export interface SessionsOutput {
  /** stdout: only the listing. */
  write(text: string): void;
  /** stderr: one line each, for notes about the listing. */
  diagnose(line: string): void;
  /** How wide a line may be. */
  columns: number;
}

/**
 * Prints the saved sessions, newest first: a table for people, or with --json an array for
 * scripts. Files that are not readable sessions are skipped with a note; none is not an error.
 */
export function printSessions(request: SessionsRequest, out: SessionsOutput): void {
  if (request.help) {
    out.write(`Usage: ${SESSIONS_USAGE}\nLists the saved sessions, newest first.\n`);
    return;
  }
  const { sessions, notes } = listSessions(request.stateDir, request.search);
  for (const note of notes) out.diagnose(note);
  if (request.json) {
    // JSON.stringify leaves DEL, C1 and bidi controls raw: escaped, they read back the same.
    out.write(`${escapeControlsForJson(JSON.stringify(sessions.map(jsonOf), null, 2))}\n`);
    return;
  }
  if (sessions.length === 0) {
    out.diagnose(
      request.search
        ? `no saved session holds ${shown(request.search)}`
        : `no saved sessions in ${sessionsDir(request.stateDir)} yet`,
    );
    return;
  }
  for (const line of sessionTable(sessions, out.columns)) out.write(`${line}\n`);
}

/** The same fields for every session: `parent` is null unless it is a fork. */
function jsonOf(session: SessionSummary) {
  const { id, started, updated, firstPrompt, cells, tokens, parent, path } = session;
  return { id, started, updated, firstPrompt, cells, tokens, parent: parent ?? null, path };
}
