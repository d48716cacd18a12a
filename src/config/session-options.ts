import { isSessionId, stateDir } from '../journal/state-dir.js';
import { quoted } from './shown.js';
import { UsageError } from './usage-error.js';

/** Which saved session to go on with: none, the newest (--continue), or one by id (--resume). */
export type ResumeChoice = null | { newest: true } | { id: string };

/** Where sessions are saved, whether to save, and which to go on with. */
export interface SessionOptions {
  stateDir: string;
  save: boolean;
  resume: ResumeChoice;
}

export const SESSION_FLAGS = {
  'state-dir': { type: 'string' },
  'no-save': { type: 'boolean' },
  continue: { type: 'boolean', short: 'c' },
  resume: { type: 'string', short: 'r' },
} as const;

interface SessionFlagValues {
  'state-dir'?: string | undefined;
  'no-save'?: boolean | undefined;
  continue?: boolean | undefined;
  resume?: string | undefined;
}

export function sessionOptions(
  values: SessionFlagValues,
  env: Readonly<Record<string, string | undefined>>,
): SessionOptions {
  if (values['state-dir'] === '') throw new UsageError('--state-dir needs a folder');
  if (values.continue && values.resume !== undefined) {
    throw new UsageError('--continue and --resume both choose a session: give one of them');
  }
  const id = values.resume;
  if (id !== undefined && !isSessionId(id)) {
    throw new UsageError(`--resume takes a session id such as 20261201-0812-k3f9, got ${quoted(id)}`);
  }
  return {
    stateDir: stateDir(values['state-dir'], env),
    save: !values['no-save'],
    resume: values.continue ? { newest: true } : id !== undefined ? { id } : null,
  };
}
