import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatBytes } from '../export/byte-size.js';
import { partialNote } from '../export/cell-json.js';
import { cellJson } from './cell-argument.js';
import { type Command, error, toast } from './command.js';
import { resolveSavePath, shownPath, writeRegularFile } from './save-file.js';

export const saveCommand: Command = {
  name: 'save',
  args: '[n] [path]',
  summary: "write cell n's message JSON to a file (default: streambook-cell-N.json; ~ is home)",
  async run({ session, cwd }, args) {
    const found = cellJson(session, args);
    if ('kind' in found) return found;
    const { cell, rest, json } = found;
    const path = rest ? resolveSavePath(rest, cwd) : freshPath(cwd, cell.id);
    const data = `${json}\n`;
    const refused = await writeRegularFile(path, rest || path, data);
    if (refused) return error(refused);
    const shown = shownPath(path, cwd);
    const size = formatBytes(Buffer.byteLength(data));
    return toast(`Saved cell ${cell.id} JSON${partialNote(cell)} (${size}) to ${shown}`, 'success');
  },
};

/** The default name never overwrites: an existing file gets a numbered sibling. */
function freshPath(cwd: string, id: number): string {
  for (let n = 1; ; n++) {
    const path = join(cwd, n === 1 ? `streambook-cell-${id}.json` : `streambook-cell-${id}-${n}.json`);
    if (!existsSync(path)) return path;
  }
}
