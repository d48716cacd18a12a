import { describe, expect, it } from 'vitest';
import { COMMANDS, completeCommand } from '../../src/commands/index.js';
import { commandBenches } from './command-context.js';

const bench = commandBenches();

describe('running a command line', () => {
  it('shows a settings change as a toast, and records that the command set it', async () => {
    const b = await bench();
    expect(await b.run('/model claude-opus-4-1')).toBe('Model: claude-opus-4-1');
    expect(b.session.state.settings.model).toBe('claude-opus-4-1');
    expect(b.session.state.settingSources.model).toEqual({ kind: 'command', name: '/model' });
    expect(b.session.state.settingSources.maxTokens).toEqual({ kind: 'default' });
  });

  it('shows an error inline, changes nothing, and says the line did not run', async () => {
    const b = await bench();
    expect(await b.run('/temperature hot')).toBe("/temperature must be a number from 0 to 1, got 'hot'");
    expect(b.session.state.toast?.tone).toBe('error');
    expect(b.session.state.settingSources.temperature).toEqual({ kind: 'default' });
  });

  it('names the way out for an unknown command and for a line that is not one', async () => {
    const b = await bench();
    expect(await b.run('/nope')).toBe(
      'unknown command /nope (try /help; // sends a prompt that starts with /)',
    );
    expect(await b.run('/ x')).toBe('not a command: to send a prompt that starts with /, begin it with //');
  });

  it('completes command names, and every command has a summary', () => {
    expect(completeCommand('/se')).toEqual(['/settings', '/sessions']);
    expect(completeCommand('/co')).toEqual(['/copy', '/code']);
    expect(completeCommand('/cod')).toEqual(['/code']);
    for (const command of COMMANDS) expect(command.summary).not.toBe('');
  });
});
