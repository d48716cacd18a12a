import { oneLine } from '../terminal/one-line.js';
import { clearCommand } from './clear.js';
import { codeCommand } from './code.js';
import { type Command, type CommandContext, type CommandResult, error } from './command.js';
import { copyCommand } from './copy.js';
import { editCommand } from './edit.js';
import { exportCommand } from './export.js';
import { helpCommand } from './help.js';
import { maxTokensCommand } from './max-tokens.js';
import { modeCommand } from './mode.js';
import { modelCommand } from './model.js';
import { mouseCommand } from './mouse.js';
import { quitCommand } from './quit.js';
import { rawCommand } from './raw.js';
import { rerunCommand } from './rerun.js';
import { retryCommand } from './retry.js';
import { saveCommand } from './save.js';
import { scenarioCommand } from './scenario.js';
import { sessionsCommand } from './sessions.js';
import { settingsCommand } from './settings.js';
import { stepCommand } from './step.js';
import { systemCommand } from './system.js';
import { temperatureCommand } from './temperature.js';
import { thinkingCommand } from './thinking.js';
import { timelineCommand } from './timeline.js';

export const COMMANDS: readonly Command[] = [
  helpCommand,
  copyCommand,
  saveCommand,
  codeCommand,
  exportCommand,
  timelineCommand,
  rawCommand,
  settingsCommand,
  modelCommand,
  systemCommand,
  maxTokensCommand,
  temperatureCommand,
  thinkingCommand,
  modeCommand,
  mouseCommand,
  scenarioCommand,
  stepCommand,
  retryCommand,
  sessionsCommand,
  rerunCommand,
  editCommand,
  clearCommand,
  quitCommand,
];

/** Command names that start with what was typed after the slash, for Tab completion. */
export function completeCommand(typed: string): string[] {
  const prefix = typed.replace(/^\//, '');
  return COMMANDS.filter((c) => c.name.startsWith(prefix)).map((c) => `/${c.name}`);
}

/**
 * Runs "/name args" and does what its result says. A bad command or argument becomes an inline
 * toast, and nothing is sent. Resolves to whether the command ran, so the caller can give back
 * a line that did not, to be fixed rather than retyped.
 */
export async function runCommandLine(line: string, context: CommandContext): Promise<boolean> {
  const match = /^\/([^\s/]\S*)\s*([\s\S]*)$/.exec(line.trim());
  const [, name = '', args = ''] = match ?? [];
  const command = COMMANDS.find((c) => c.name === name);
  if (!match)
    return act(error('not a command: to send a prompt that starts with /, begin it with //'), name, context);
  if (!command)
    return act(
      error(`unknown command /${name} (try /help; // sends a prompt that starts with /)`),
      name,
      context,
    );
  return runCommand(command, args, context);
}

/**
 * Runs one command with its arguments, as a key binding does, and acts on its result. A
 * command that throws (on a reply no one foresaw) becomes an error toast: callers fire and
 * forget, so a rejection here would end the app.
 */
export async function runCommand(command: Command, args: string, context: CommandContext): Promise<boolean> {
  let result: CommandResult;
  try {
    result = await command.run(context, args);
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    result = error(oneLine(`/${command.name} failed: ${reason.slice(0, 200)}`));
  }
  return act(result, command.name, context);
}

/** What a command's result means for the session; false when the command did not run. */
function act(result: CommandResult, name: string, { session, quit }: CommandContext): boolean {
  switch (result.kind) {
    case 'toast':
      session.toast(result.text, result.tone);
      return true;
    case 'error':
      session.toast(result.text, 'error');
      return false;
    case 'settings':
      session.setSettings(result.change, { kind: 'command', name: `/${name}` });
      session.toast(result.text);
      return true;
    case 'show':
      session.view(() => ({ page: result.view, pageScroll: 0 }));
      return true;
    case 'quit':
      quit();
      return true;
    case 'none':
      return true;
    default:
      return unreachable(result);
  }
}

function unreachable(result: never): never {
  throw new Error(`unknown command result ${JSON.stringify(result)}`);
}
