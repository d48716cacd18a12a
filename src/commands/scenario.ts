import { isScenarioName, SCENARIOS } from '../offline/scenarios.js';
import { type Command, error, toast } from './command.js';

export const scenarioCommand: Command = {
  name: 'scenario',
  args: 'NAME',
  summary: 'offline only: answer the next turns with a protocol scenario (chat, long, tool-use, …)',
  run({ session }, args) {
    const name = args.trim();
    if (!session.offline) return error('/scenario needs the offline API (answers are live)');
    if (!name || !isScenarioName(name)) {
      return error(
        `${name ? `unknown scenario '${name}'` : '/scenario needs a name'}: ${SCENARIOS.map((s) => s.name).join(', ')}`,
      );
    }
    session.setScenario(name);
    return toast(`Scenario: ${name} (simulated)`);
  },
};
