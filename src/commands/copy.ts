import { partialNote } from '../store/cell.js';
import { formatBytes } from '../ui/format.js';
import { cellJson } from './cell-argument.js';
import { type Command, CommandError } from './command.js';

export const copyCommand: Command = {
  name: 'copy',
  args: '[n]',
  summary: "copy cell n's final message JSON (default: the selected cell, else the newest)",
  async run({ session, clipboard }, args) {
    const { cell, rest, json } = cellJson(session, args);
    if (rest) throw new CommandError(`/copy takes a cell number, not '${rest}'`);
    const result = await clipboard.copy(json);
    const what = `Cell ${cell.id} JSON${partialNote(cell)}, ${formatBytes(Buffer.byteLength(json))}`;
    session.toast(`${what}: ${result.summary}`, result.systemCopied ? 'success' : 'info');
  },
};
