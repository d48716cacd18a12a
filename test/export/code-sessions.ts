import { createClient } from '../../src/engine/client.js';
import type { StreamMode } from '../../src/engine/types.js';
import { startOfflineServer } from '../../src/offline/server.js';
import { Session } from '../../src/session/session.js';
import type { Cell } from '../../src/store/cell.js';
import { initialState } from '../../src/store/session-state.js';
import { SessionStore } from '../../src/store/session-store.js';
import { journaledSession, reopen, sendAll, tempStateDir } from '../support/journaled.js';
import { SETTINGS } from '../support/turns.js';

/**
 * Text no literal may break: quotes of every kind, backticks and `${`, backslashes, line
 * breaks, controls (NUL, ESC, an OSC 52 write, DEL, C1), bidi overrides, the line and
 * paragraph separators, wide and combining characters, and the here-document's marker.
 */
export const HOSTILE_PROMPTS = [
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a `${` in a prompt is the point
  'He said "hi", \'bye\', `${process.exit(1)}` and """triple""" \\ back\\slash \\n not a newline',
  'line one\nline two\r\n\ttabbed \u0000 nul \u001b[31m red \u001b]52;c;aGk=\u0007 \u007f \u009b \u202e bidi',
  'separators \u2028 and \u2029, 中文 👨‍👩‍👧‍👦 e\u0301 and a lone \ud800 surrogate',
  "the marker: JSON\nJSON\n'JSON' JSON_1 <<'JSON' $ANTHROPIC_API_KEY $(rm -rf ~) \\",
];

// biome-ignore lint/suspicious/noTemplateCurlyInString: a `${` in the system prompt is the point
export const HOSTILE_SYSTEM = 'Be "brief".\nNever `${x}` \u001b[2J or \u202e.';

/** The scenarios whose replies go back in the history in a shape of their own. */
export const HISTORY_SCENARIOS = ['chat', 'thinking', 'tool-use', 'server-tool', 'unknown-event'] as const;

/**
 * The cells of a real offline session in `mode`, each prompt sent after the last one's reply,
 * with a hostile system prompt, temperature and thinking; and the same cells as the saved
 * file gives them back (--resume), which the snippets must not tell apart.
 */
export async function offlineCells(
  mode: StreamMode,
  scenario: string,
  prompts: readonly string[] = HOSTILE_PROMPTS,
): Promise<{ live: Cell[]; restored: Cell[] }> {
  const state = tempStateDir();
  const server = await startOfflineServer({ pace: 'none', scenario });
  try {
    const { session, journal } = journaledSession(server, state.dir, mode);
    session.setScenario(scenario);
    session.setSettings({ system: HOSTILE_SYSTEM, temperature: 0.5, thinkingBudget: 1024, maxTokens: 2000 });
    await sendAll(session, prompts);
    journal.close();
    return { live: session.state.cells, restored: reopen(state.dir, journal.id as string).state.cells };
  } finally {
    await server.close();
    state.remove();
  }
}

/**
 * The cells of a live session (no offline API) on `server`, with the key given: their
 * requests went to that server, so the snippets send theirs there too.
 */
export async function liveCells(
  server: { url: string },
  mode: StreamMode,
  apiKey: string,
  prompts: readonly string[],
): Promise<Cell[]> {
  const store = new SessionStore(
    initialState({ ...SETTINGS, mode }, { offline: false, describe: 'live test', baseURL: server.url }, null),
  );
  const session = new Session(store, createClient({ apiKey, baseURL: server.url, maxRetries: 0 }), null);
  session.setSettings({ temperature: 1 });
  await sendAll(session, prompts);
  return session.state.cells;
}

/**
 * A character a snippet may not hold raw, so it is safe to show and paste: controls but tab
 * and newline, DEL, C1, bidi controls, and the separators some readers take for line breaks.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for raw controls is the point
export const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
