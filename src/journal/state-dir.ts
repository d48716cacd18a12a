import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where sessions are kept: --state-dir, else $XDG_STATE_HOME/streambook, else
 * ~/.local/state/streambook (the XDG base directory spec's default for state).
 */
export function stateDir(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string {
  if (flag) return flag;
  // The spec says a relative XDG path is invalid and is to be ignored.
  const xdg = env.XDG_STATE_HOME;
  const base = xdg?.startsWith('/') ? xdg : join(env.HOME || homedir(), '.local', 'state');
  return join(base, 'streambook');
}

export function sessionsDir(state: string): string {
  return join(state, 'sessions');
}

export function sessionPath(state: string, id: string): string {
  return join(sessionsDir(state), `${id}.jsonl`);
}

/** A session id, such as 20261201-0812-k3f9: sorts by local start time, short enough to type. */
export function newSessionId(now: Date = new Date(), random: () => string = randomSuffix): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  return `${day}-${pad(now.getHours())}${pad(now.getMinutes())}-${random()}`;
}

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** Four letters and digits, without the ones that read alike (l/1, o/0). */
function randomSuffix(): string {
  return [...randomBytes(4)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

/** What a user may type as an id: the file's base name, nothing that walks the folders. */
export function isSessionId(text: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$/.test(text) && !text.includes('..');
}
