import { describe, expect, it } from 'vitest';
import { settingsCommand, settingsLines } from '../../src/commands/settings.js';
import { DEFAULT_SOURCES } from '../../src/config/setting-source.js';
import { initialState } from '../../src/store/session-state.js';
import { SETTINGS } from '../support/turns.js';
import { commandBenches } from './command-context.js';

const bench = commandBenches();

describe('/settings', () => {
  it('shows each setting, where it came from, and what the next turn sends', async () => {
    const b = await bench({ settings: { maxTokens: 4096 } });
    await b.run('/thinking 2048');
    await b.run('/system Be brief.');
    expect(await b.call(settingsCommand)).toEqual({
      kind: 'show',
      view: {
        title: 'Settings',
        lines: [
          '  model         claude-sonnet-4-6                   from default',
          '  max tokens    4096                                from default',
          "  system prompt 'Be brief.' (9 chars)               from /system",
          '  thinking      2048 tokens                         from /thinking',
          '  temperature   API default                         from default',
          '  mode          helper (messages.stream)            from default',
          '  endpoint      offline (simulated; scenario chat)  from default',
          '',
          'The next turn sends (beside messages, the conversation so far):',
          '  {',
          '    "model": "claude-sonnet-4-6",',
          '    "max_tokens": 4096,',
          '    "system": "Be brief.",',
          '    "thinking": {',
          '      "type": "enabled",',
          '      "budget_tokens": 2048',
          '    },',
          '    "stream": true',
          '  }',
        ],
      },
    });
  });

  it('opens as a page in place of the panes', async () => {
    const b = await bench();
    await b.run('/settings');
    expect(b.session.state.view).toMatchObject({ pageScroll: 0, page: { title: 'Settings' } });
  });

  it('names the flag, the variable and .env, shows the base URL without user, password or query, and never the key', () => {
    const state = initialState(
      { ...SETTINGS, temperature: 0.2 },
      {
        offline: false,
        describe: 'live',
        baseURL: 'https://me:sk-ant-secret@proxy.example/v1?key=sk-ant-secret',
      },
      null,
      {
        ...DEFAULT_SOURCES,
        model: { kind: 'flag', name: '--model' },
        maxTokens: { kind: 'env', name: 'STREAMBOOK_MAX_TOKENS' },
        endpoint: { kind: '.env', name: 'ANTHROPIC_BASE_URL' },
      },
    );
    const lines = settingsLines(state).join('\n');
    expect(lines).toMatch(/model +claude-sonnet-4-6 +from --model\n/);
    expect(lines).toMatch(/max tokens +1000 +from env STREAMBOOK_MAX_TOKENS\n/);
    expect(lines).toMatch(/temperature +0\.2 +from default\n/);
    expect(lines).toMatch(/endpoint +https:\/\/proxy\.example\/v1\?… +from \.env ANTHROPIC_BASE_URL\n/);
    expect(lines).toContain('"temperature": 0.2');
    expect(lines).not.toContain('sk-ant');
  });

  it('shows a hostile system prompt on one line, neutralized, in full only as escaped JSON', () => {
    const system = 'line one\n\u001b]52;c;aGk=\u0007 and \u202e';
    const state = initialState({ ...SETTINGS, system }, { offline: true, describe: 'offline' }, 'chat');
    const lines = settingsLines(state);
    for (const control of ['\u001b', '\u0007', '\u202e']) expect(lines.join('\n')).not.toContain(control);
    expect(lines).toContain('    "system": "line one\\n\\u001b]52;c;aGk=\\u0007 and \\u202e",');
  });
});
