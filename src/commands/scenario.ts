import { UsageError } from '../config/usage-error.js';
import { parseReplaySpec, REPLAY_PREFIX, RecordingError, replayScenarioName } from '../offline/recording.js';
import { isScenarioName, SCENARIOS } from '../offline/scenario-names.js';
import { error, toast } from './command.js';
import { valueCommand } from './value-command.js';

export const scenarioCommand = valueCommand({
  name: 'scenario',
  args: 'NAME | replay ID[:N]',
  summary: 'offline only: answer with a scenario (chat, long, tool-use, …) or a recorded turn',
  parse: (name, session) => {
    if (!session.offline) throw new UsageError('/scenario needs the offline API (answers are live)');
    const replay = /^replay(?:\s+(.*))?$/.exec(name);
    if (replay) return replayName(replay[1]?.trim() ?? '');
    if (!name || !isScenarioName(name)) {
      const names = SCENARIOS.map((s) => s.name).join(', ');
      throw new UsageError(
        `${name ? `unknown scenario '${name}'` : '/scenario needs a name'}: ${names}, replay ID[:N]`,
      );
    }
    return name;
  },
  apply: (name, session) => {
    try {
      // A replay's recording is loaded here, so a bad id or cell is said now, not at the next turn.
      session.setScenario(name);
    } catch (thrown) {
      if (thrown instanceof RecordingError) return error(thrown.message);
      throw thrown;
    }
    const replay = name.startsWith(REPLAY_PREFIX) ? parseReplaySpec(name.slice(REPLAY_PREFIX.length)) : null;
    return toast(
      replay
        ? `Scenario: replay of session ${replay.id} ${replay.cell === null ? 'cell by cell, one per prompt' : `cell ${replay.cell}`} (recorded answers)`
        : `Scenario: ${name} (simulated)`,
    );
  },
});

/** `/scenario replay ID:N` as the scenario name the store and the server know: `replay:ID:N`. */
function replayName(text: string): string {
  const spec = parseReplaySpec(text);
  if (!spec) {
    throw new UsageError(
      '/scenario replay takes ID:N, a saved session id and a cell number, or ID for its cells in turn (/sessions lists them)',
    );
  }
  return replayScenarioName(spec);
}
