import { beforeAll } from 'vitest';
import type { Cell } from '../../src/store/cell.js';
import { loadRenderers, runCell, runCells } from '../ui/harness.js';

/** A finished cell of each scenario the cell-line tests read, by name. */
const SCENARIO_CELLS: Record<string, () => Promise<Cell>> = {
  chat: () => runCell('chat'),
  thinking: () => runCell('thinking', { thinkingBudget: 1024 }),
  'tool-use': () => runCell('tool-use'),
  'server-tool': () => runCell('server-tool'),
  overloaded: () => runCell('overloaded'),
  unauthorized: () => runCell('unauthorized'),
  dropped: () => runCell('dropped'),
  'unknown-event': () => runCell('unknown-event'),
  list: () => runCells('chat', ['describe a database schema']).then((c) => c[0] as Cell),
  code: () => runCells('chat', ['write some typescript code']).then((c) => c[0] as Cell),
};

/**
 * Registers a beforeAll that loads the renderers and runs the real turns of `names` (all of them
 * unless given) side by side. `cells` fills in then, by name; `cell(name)` fails on a name not run.
 */
export function scenarioCells(names: readonly string[] = Object.keys(SCENARIO_CELLS)) {
  const cells: Record<string, Cell> = {};
  beforeAll(async () => {
    await loadRenderers();
    const named = names.map((name): [string, Promise<Cell>] => {
      const run = SCENARIO_CELLS[name];
      if (!run) throw new Error(`no scenario cell ${name}`);
      return [name, run()];
    });
    const done = await Promise.all(named.map(([, cell]) => cell));
    named.forEach(([name], i) => {
      cells[name] = done[i] as Cell;
    });
  });

  function cell(name: string): Cell {
    const found = cells[name];
    if (!found) throw new Error(`no ${name} cell`);
    return found;
  }

  return { cells, cell };
}
