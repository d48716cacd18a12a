import { resolveConfig } from '../src/config/config.js';
import { createClient } from '../src/engine/client.js';
import { PromptHistory, promptsPath } from '../src/journal/prompt-history.js';
import { SessionJournal } from '../src/journal/session-journal.js';
import { Session } from '../src/session/session.js';
import { initialState } from '../src/store/session-state.js';
import { SessionStore } from '../src/store/session-store.js';
import { arg, cpuMs, report } from './child-result.js';

// The notebook without its view: a prompt sent as the notebook sends it (src/ui/run-notebook.tsx),
// through the engine, the session and the store, and with `--save on` into its session file and
// prompt history. Nothing renders. What the notebook uses beyond this is the cost of drawing it.
const save = arg('save', 'off') === 'on';
const config = resolveConfig(['--max-tokens', arg('max-tokens', '30000'), ...(save ? [] : ['--no-save'])], {
  XDG_STATE_HOME: process.env.XDG_STATE_HOME,
});
const client = createClient({ apiKey: 'bench', baseURL: arg('url', '') });
const source = { offline: false, describe: 'bench' };
const state = initialState(config.settings, source, null, config.sources);
const store = new SessionStore(state);
const warn = (line: string) => process.stderr.write(`${line}\n`);
const { stateDir } = config.sessions;
const journal = save
  ? new SessionJournal({
      stateDir,
      header: { settings: state.settings, scenario: null, source, by: 'notebook' },
      warn,
    })
  : null;
const prompts = new PromptHistory(promptsPath(stateDir), { save, warn });
const session = new Session(store, client, null, { journal, prompts, stateDir });
const before = cpuMs();
session.submit('bench');
await session.settled();
journal?.close();
const cell = store.getSnapshot().cells.at(-1);
report({ cpuMs: cpuMs() - before, status: cell?.status, events: cell?.eventCount });
