import type { Config } from '../config/config.js';
import { connectionSource, type OpenConnection } from '../engine/connection.js';
import type { MessageParam, TurnSettings } from '../engine/types.js';
import { PromptHistory, promptsPath } from '../journal/prompt-history.js';
import { continueFrom, JournalError, resumeSession } from '../journal/resume.js';
import { type Journal, SessionJournal } from '../journal/session-journal.js';
import { initialState } from '../store/session-state.js';

export interface PrintSession {
  settings: TurnSettings;
  history: MessageParam[];
  journal: { journal: Journal; cell: number; scenario: string | null } | undefined;
  /** Where the prompt is kept for the notebook's recall; null with --no-save. */
  prompts: PromptHistory | null;
}

/**
 * What print mode's one turn goes on from and is saved to: with -c or -r, the saved session's
 * history and settings (flags win), and the turn appended to that session; else a new one.
 */
export function printSession(
  config: Config,
  connection: OpenConnection,
  warn: (line: string) => void,
): PrintSession | { error: string } {
  let resumed: ReturnType<typeof resumeSession>;
  try {
    resumed = resumeSession(config.sessions, warn);
  } catch (error) {
    if (error instanceof JournalError) return { error: error.message };
    throw error;
  }
  const source = connectionSource(connection);
  const scenario = connection.offline?.scenario ?? null;
  const fresh = initialState(config.settings, source, scenario, config.sources);
  const state = resumed ? continueFrom(fresh, resumed) : fresh;
  const journal = config.sessions.save
    ? new SessionJournal({
        stateDir: config.sessions.stateDir,
        header: { settings: state.settings, scenario, source, by: 'print' },
        warn,
        ...(resumed ? { resume: resumed.id } : {}),
      })
    : null;
  return {
    prompts: config.sessions.save
      ? new PromptHistory(promptsPath(config.sessions.stateDir), { save: true, warn })
      : null,
    settings: state.settings,
    history: state.history,
    journal: journal ? { journal, cell: (state.cells.at(-1)?.id ?? 0) + 1, scenario } : undefined,
  };
}
