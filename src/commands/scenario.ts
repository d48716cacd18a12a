import { isScenarioName, SCENARIOS } from '../offline/scenarios.js';
import { type Command, CommandError } from './command.js';

export const scenarioCommand: Command = {
  name: 'scenario',
  args: 'NAME',
  summary: 'offline only: answer the next turns with a protocol scenario (chat, long, tool-use, …)',
  run({ session }, args) {
    const name = args.trim();
    if (!session.offline) throw new CommandError('/scenario needs the offline API (answers are live)');
    if (!name || !isScenarioName(name)) {
      throw new CommandError(
        `${name ? `unknown scenario '${name}'` : '/scenario needs a name'}: ${SCENARIOS.map((s) => s.name).join(', ')}`,
      );
    }
    session.setScenario(name);
    session.toast(`Scenario: ${name} (simulated)`);
  },
};
