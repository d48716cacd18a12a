import type { SessionOptions } from '../config/session-options.js';
import type { SettingName, SettingSources } from '../config/setting-source.js';
import type { TurnSettings } from '../engine/types.js';
import type { SessionState } from '../store/session-state.js';
import { sessionIds } from './newest-session.js';
import { JournalError, streamJournal } from './read-journal.js';
import { type RestoredSession, restoreSession } from './restore.js';
import { isSessionId, sessionPath, sessionsDir } from './state-dir.js';

export { JournalError };

export interface ResumedSession extends RestoredSession {
  id: string;
}

/**
 * The saved session a run goes on with (--continue, --resume), as it was left; null when none
 * was asked for. Throws JournalError, with a line that names the fix, when it can't be read.
 * Lines skipped on the way are warned of once.
 */
export function resumeSession(options: SessionOptions, warn: (line: string) => void): ResumedSession | null {
  const id = resumeId(options);
  if (!id) return null;
  const path = sessionPath(options.stateDir, id);
  let read: ReturnType<typeof streamJournal>;
  try {
    read = streamJournal(path);
  } catch (error) {
    if (error instanceof JournalError && error.message.startsWith('no session file')) {
      throw new JournalError(
        `no saved session ${id} in ${sessionsDir(options.stateDir)} (streambook sessions lists them)`,
      );
    }
    throw error;
  }
  const restored = restoreSession(read);
  const skipped = read.skipped + restored.skipped;
  if (skipped > 0) {
    warn(
      `skipped ${skipped} unreadable line${skipped === 1 ? '' : 's'} of session ${id} (a write cut short, or an edit); the rest is loaded`,
    );
  }
  return { ...restored, id };
}

function resumeId({ resume, stateDir }: SessionOptions): string | null {
  if (!resume) return null;
  if ('id' in resume) {
    if (!isSessionId(resume.id)) throw new JournalError(`${resume.id} is not a session id`);
    return resume.id;
  }
  const newest = sessionIds(stateDir)[0]?.id;
  if (!newest) {
    throw new JournalError(
      `no saved session in ${sessionsDir(stateDir)} to continue; start one without --continue`,
    );
  }
  return newest;
}

const SETTING_NAMES: Record<keyof TurnSettings, SettingName> = {
  model: 'model',
  maxTokens: 'maxTokens',
  system: 'system',
  temperature: 'temperature',
  thinkingBudget: 'thinkingBudget',
  mode: 'mode',
};

/**
 * A fresh run's state going on from a saved session: its cells, history and totals, and its
 * last settings, except those given as flags on this run, which win.
 */
export function continueFrom(fresh: SessionState, resumed: ResumedSession): SessionState {
  const saved = resumed.state;
  const settings: Record<string, unknown> = { ...fresh.settings };
  const sources: SettingSources = { ...fresh.settingSources };
  for (const [key, name] of Object.entries(SETTING_NAMES) as Array<[keyof TurnSettings, SettingName]>) {
    if (fresh.settingSources[name].kind === 'flag') continue;
    settings[key] = saved.settings[key];
    sources[name] = { kind: 'session', name: resumed.id };
  }
  return {
    ...fresh,
    cells: saved.cells,
    history: saved.history,
    tokens: saved.tokens,
    promptHistory: saved.promptHistory,
    settings: settings as unknown as TurnSettings,
    settingSources: sources,
    // Where answers come from is this run's: a live session may go on offline, and back.
  };
}
