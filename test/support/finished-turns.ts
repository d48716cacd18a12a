import { afterAll, beforeAll } from 'vitest';
import type { Cell } from '../../src/store/cell.js';
import { loadRenderers, type Notebook, notebook, runCells } from '../ui/harness.js';

/**
 * Registers, for the calling suite, a beforeAll that runs five real turns (chat, Markdown, code,
 * a tool call in a notebook left open; thinking in one of its own) and an afterAll that closes the
 * notebook. Read in tests: `nb`, the open notebook (four cells); `finished`, all five cells.
 */
export function finishedTurns(): { nb: Notebook; finished: Cell[] } {
  const turns = {} as { nb: Notebook; finished: Cell[] };
  beforeAll(async () => {
    await loadRenderers();
    const nb = await notebook();
    turns.nb = nb;
    for (const prompt of ['hello', 'describe a database schema', 'write some typescript code']) {
      nb.session.submit(prompt);
      await nb.session.settled();
    }
    nb.session.setScenario('tool-use');
    nb.session.submit('weather in Lima?');
    await nb.session.settled();
    const finished = [...nb.session.state.cells];
    finished.push(...(await runCells('thinking', ['think about it'], { thinkingBudget: 1024 })));
    turns.finished = finished;
  });

  afterAll(async () => {
    await turns.nb.close();
  });
  return turns;
}
