import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/config.js';
import { loadDotenv } from '../../src/config/dotenv.js';
import { describeSource } from '../../src/config/setting-source.js';

const KEY = 'sk-ant-test-0123456789abcdefghijklmnop';

/** The sources of a config read from argv, the environment and a `.env` holding `dotenv`. */
function sources(argv: string[], env: Record<string, string>, dotenv = ''): Record<string, string> {
  const path = join(mkdtempSync(join(tmpdir(), 'streambook-sources-')), '.env');
  writeFileSync(path, dotenv);
  const filled = new Set<string>();
  const merged: Record<string, string | undefined> = { ...env };
  loadDotenv(merged, path, filled);
  const config = resolveConfig(argv, merged, filled);
  return Object.fromEntries(
    Object.entries(config.sources).map(([name, source]) => [name, describeSource(source)]),
  );
}

describe('where each setting came from', () => {
  it('a flag wins over the environment, which wins over .env', () => {
    expect(
      sources(
        ['--model', 'claude-a', '--thinking', '1024', '--max-tokens', '4096'],
        { STREAMBOOK_MODEL: 'claude-b', STREAMBOOK_SYSTEM: 'Be brief.' },
        'STREAMBOOK_MODEL=claude-c\nSTREAMBOOK_SYSTEM=Be long.\nSTREAMBOOK_MAX_TOKENS=9\n',
      ),
    ).toEqual({
      model: '--model',
      maxTokens: '--max-tokens',
      system: 'env STREAMBOOK_SYSTEM',
      temperature: 'default',
      thinkingBudget: '--thinking',
      mode: 'default',
      endpoint: 'default',
    });
  });

  it('names .env for what only .env set, and an empty variable is unset', () => {
    expect(sources([], { STREAMBOOK_SYSTEM: '' }, 'STREAMBOOK_MAX_TOKENS=2048\n')).toMatchObject({
      maxTokens: '.env STREAMBOOK_MAX_TOKENS',
      system: 'default',
    });
  });

  it('the endpoint: --offline, the offline default with no key, and a live base URL by flag or variable', () => {
    expect(sources(['--offline'], { ANTHROPIC_API_KEY: KEY }).endpoint).toBe('--offline');
    expect(sources([], { ANTHROPIC_BASE_URL: 'https://proxy.example' }).endpoint).toBe('default');
    expect(sources([], { ANTHROPIC_API_KEY: KEY }).endpoint).toBe('default');
    expect(sources(['--base-url', 'https://a.example'], { ANTHROPIC_API_KEY: KEY }).endpoint).toBe(
      '--base-url',
    );
    expect(sources([], { ANTHROPIC_API_KEY: KEY }, 'ANTHROPIC_BASE_URL=https://b.example\n').endpoint).toBe(
      '.env ANTHROPIC_BASE_URL',
    );
  });
});
