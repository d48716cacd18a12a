import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/commands/command.js';
import { runCommand } from '../../src/commands/index.js';
import { commandBenches } from './command-context.js';

const bench = commandBenches();

describe('a command that throws', () => {
  it('becomes one error toast, and the session goes on', async () => {
    const b = await bench();
    const broken: Command = {
      name: 'save',
      args: '',
      summary: 'saves',
      run: () => {
        throw new RangeError('Maximum call stack size exceeded\n    at hideDeep');
      },
    };
    expect(await runCommand(broken, '', b.context)).toBe(false);
    expect(b.session.state.toast).toMatchObject({
      tone: 'error',
      text: '/save failed: Maximum call stack size exceeded␊    at hideDeep',
    });
    expect(await b.run('/model claude-opus-4-1')).toBe('Model: claude-opus-4-1');
  });
});
