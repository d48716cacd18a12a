import { UsageError } from '../config/config.js';
import { clearCommand } from './clear.js';
import { type Command, type CommandContext, CommandError } from './command.js';
import { copyCommand } from './copy.js';
import { helpCommand } from './help.js';
import { maxTokensCommand } from './max-tokens.js';
import { modeCommand } from './mode.js';
import { modelCommand } from './model.js';
import { mouseCommand } from './mouse.js';
import { quitCommand } from './quit.js';
import { rawCommand } from './raw.js';
import { retryCommand } from './retry.js';
import { saveCommand } from './save.js';
import { scenarioCommand } from './scenario.js';
import { systemCommand } from './system.js';
import { temperatureCommand } from './temperature.js';
import { thinkingCommand } from './thinking.js';
import { timelineCommand } from './timeline.js';

export const COMMANDS: readonly Command[] = [
  helpCommand,
  copyCommand,
  saveCommand,
  timelineCommand,
  rawCommand,
  modelCommand,
  systemCommand,
  maxTokensCommand,
  temperatureCommand,
  thinkingCommand,
  modeCommand,
  mouseCommand,
  scenarioCommand,
  retryCommand,
  clearCommand,
  quitCommand,
];

/** Command names that start with what was typed after the slash, for Tab completion. */
export function completeCommand(typed: string): string[] {
  const prefix = typed.replace(/^\//, '');
  return COMMANDS.filter((c) => c.name.startsWith(prefix)).map((c) => `/${c.name}`);
}

/**
 * Runs "/name args". A bad command or argument becomes an inline toast, and nothing is sent.
 * Resolves to whether the command ran, so the caller can keep a line that did not.
 */
export async function runCommandLine(line: string, context: CommandContext): Promise<boolean> {
  const match = /^\/([^\s/]\S*)\s*([\s\S]*)$/.exec(line.trim());
  try {
    if (!match)
      throw new CommandError('not a command: to send a prompt that starts with /, begin it with //');
    const [, name = '', args = ''] = match;
    const command = COMMANDS.find((c) => c.name === name);
    if (!command)
      throw new CommandError(`unknown command /${name} (try /help; // sends a prompt that starts with /)`);
    await command.run(context, args);
    return true;
  } catch (error) {
    if (!(error instanceof CommandError || error instanceof UsageError)) throw error;
    context.session.toast(error.message, 'error');
    return false;
  }
}
