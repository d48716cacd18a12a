import { parseReplaySpec, RecordingError, replayScenarioName } from '../offline/recording.js';
import { isScenarioName, SCENARIOS } from '../offline/scenarios.js';
import { type Command, error, toast } from './command.js';

export const scenarioCommand: Command = {
  name: 'scenario',
  args: 'NAME | replay ID:N',
  summary:
    'offline only: answer the next turns with a protocol scenario (chat, long, tool-use, …) or a recorded turn',
  run({ session }, args) {
    const name = args.trim();
    if (!session.offline) return error('/scenario needs the offline API (answers are live)');
    const replay = /^replay(?:\s+(.*))?$/.exec(name);
    if (replay) return replayScenario(session, replay[1]?.trim() ?? '');
    if (!name || !isScenarioName(name)) {
      return error(
        `${name ? `unknown scenario '${name}'` : '/scenario needs a name'}: ${SCENARIOS.map((s) => s.name).join(', ')}, replay ID:N`,
      );
    }
    session.setScenario(name);
    return toast(`Scenario: ${name} (simulated)`);
  },
};

/** `/scenario replay ID:N`: the recording is loaded now, so a bad id or cell is said at once. */
function replayScenario(session: Parameters<Command['run']>[0]['session'], text: string) {
  const spec = parseReplaySpec(text);
  if (!spec)
    return error('/scenario replay takes ID:N, a saved session id and a cell number (/sessions lists them)');
  try {
    session.setScenario(replayScenarioName(spec));
  } catch (thrown) {
    if (thrown instanceof RecordingError) return error(thrown.message);
    throw thrown;
  }
  return toast(`Scenario: replay of session ${spec.id} cell ${spec.cell} (recorded answers)`);
}
