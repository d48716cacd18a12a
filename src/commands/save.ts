import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { formatBytes } from '../ui/format.js';
import { cellJson } from './cell-argument.js';
import { type Command, CommandError } from './command.js';

export const saveCommand: Command = {
  name: 'save',
  args: '[n] [path]',
  summary: "write cell n's final message JSON to a file (default: streambook-cell-N.json)",
  async run({ session, cwd }, args) {
    const { cell, rest, json } = cellJson(session, args);
    const path = rest ? (isAbsolute(rest) ? rest : join(cwd, rest)) : freshPath(cwd, cell.id);
    try {
      await writeFile(path, `${json}\n`);
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'error';
      throw new CommandError(`could not write ${rest || path}: ${code}`);
    }
    const shown = relative(cwd, path).startsWith('..') ? path : `./${relative(cwd, path)}`;
    session.toast(
      `Saved cell ${cell.id} JSON (${formatBytes(Buffer.byteLength(json) + 1)}) to ${shown}`,
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
