import { UsageError } from '../config/usage-error.js';
import { isScenarioName, SCENARIOS } from '../offline/scenarios.js';
import { toast } from './command.js';
import { valueCommand } from './value-command.js';

export const scenarioCommand = valueCommand({
  name: 'scenario',
  args: 'NAME',
  summary: 'offline only: answer the next turns with a protocol scenario (chat, long, tool-use, …)',
  parse: (name, session) => {
    if (!session.offline) throw new UsageError('/scenario needs the offline API (answers are live)');
    if (!name || !isScenarioName(name)) {
      const names = SCENARIOS.map((s) => s.name).join(', ');
      throw new UsageError(`${name ? `unknown scenario '${name}'` : '/scenario needs a name'}: ${names}`);
    }
    return name;
  },
  apply: (name, session) => {
    session.setScenario(name);
    return toast(`Scenario: ${name} (simulated)`);
  },
});
