import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { partialNote } from '../store/cell.js';
import { formatBytes } from '../ui/format.js';
import { cellJson } from './cell-argument.js';
import type { Command } from './command.js';
import { resolveSavePath, writeRegularFile } from './save-file.js';

export const saveCommand: Command = {
  name: 'save',
  args: '[n] [path]',
  summary: "write cell n's message JSON to a file (default: streambook-cell-N.json; ~ is home)",
  async run({ session, cwd }, args) {
    const { cell, rest, json } = cellJson(session, args);
    const path = rest ? resolveSavePath(rest, cwd) : freshPath(cwd, cell.id);
    await writeRegularFile(path, rest || path, `${json}\n`);
    const shown = relative(cwd, path).startsWith('..') ? path : `./${relative(cwd, path)}`;
    session.toast(
      `Saved cell ${cell.id} JSON${partialNote(cell)} (${formatBytes(Buffer.byteLength(json) + 1)}) to ${shown}`,
      'success',
    );
  },
};

/** The default name never overwrites: an existing file gets a numbered sibling. */
function freshPath(cwd: string, id: number): string {
  for (let n = 1; ; n++) {
    const path = join(cwd, n === 1 ? `streambook-cell-${id}.json` : `streambook-cell-${id}-${n}.json`);
    if (!existsSync(path)) return path;
  }
}
