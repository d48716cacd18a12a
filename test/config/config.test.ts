import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig, UsageError } from '../../src/config/config.js';
import { cleanEnv, runCli, tempDir } from '../support/cli.js';

/** A realistic fake key: keys under 20 characters are refused. */
const KEY = 'sk-ant-api03-fake-key-for-config-tests';

describe('resolveConfig', () => {
  it('uses the seeds defaults with nothing set, and the offline API without a key', () => {
    const config = resolveConfig([], {});
    expect(config.settings).toMatchObject({ model: 'claude-sonnet-4-6', maxTokens: 1000, mode: 'helper' });
    expect(config.connection).toEqual({ kind: 'offline', reason: 'no-key' });
    expect(config.maxRetries).toBeUndefined();
  });

  it('lets flags override the environment', () => {
    const env = {
      STREAMBOOK_MODEL: 'env-model',
      STREAMBOOK_MAX_TOKENS: '200',
      STREAMBOOK_SYSTEM: 'env system',
      ANTHROPIC_API_KEY: KEY,
    };
    expect(resolveConfig([], env).settings).toMatchObject({
      model: 'env-model',
      maxTokens: 200,
      system: 'env system',
    });
    const flagged = resolveConfig(
      ['--model', 'flag-model', '--max-tokens', '300', '--system', 'flag system'],
      env,
    );
    expect(flagged.settings).toMatchObject({ model: 'flag-model', maxTokens: 300, system: 'flag system' });
    expect(flagged.connection).toEqual({ kind: 'live', apiKey: KEY });
  });

  it('goes live with a key, and offline with --offline even when a key is set', () => {
    expect(
      resolveConfig(['--base-url', 'http://localhost:1'], { ANTHROPIC_API_KEY: KEY }).connection,
    ).toEqual({
      kind: 'live',
      apiKey: KEY,
      baseURL: 'http://localhost:1',
    });
    expect(
      resolveConfig([], { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: 'http://x:2' }).connection,
    ).toMatchObject({ baseURL: 'http://x:2' });
    expect(
      resolveConfig(['--offline', '--scenario', 'long:50'], { ANTHROPIC_API_KEY: KEY }).connection,
    ).toEqual({
      kind: 'offline',
      reason: 'flag',
      scenario: 'long:50',
    });
  });

  it('parses every setting flag', () => {
    const config = resolveConfig(
      [
        '-p',
        '--output-format',
        'stream-json',
        '--temperature',
        '0.5',
        '--thinking',
        '2000',
        '--max-tokens',
        '4000',
        '--max-retries',
        '0',
        '--mode',
        'raw',
        'two',
        'words',
      ],
      {},
    );
    expect(config.settings).toMatchObject({
      temperature: 0.5,
      thinkingBudget: 2000,
      mode: 'raw',
      maxTokens: 4000,
    });
    expect(config).toMatchObject({
      print: true,
      outputFormat: 'stream-json',
      maxRetries: 0,
      prompt: 'two words',
    });
  });

  it.each([
    [['--frobnicate'], /unknown option --frobnicate/],
    [['--model'], /--model needs a value/],
    [['--max-tokens', '0'], /--max-tokens must be a whole number of 1 or more, got '0'/],
    [['--max-tokens', '1.5'], /--max-tokens/],
    [['--temperature', '2'], /--temperature must be a number from 0 to 1/],
    [['--thinking', '100'], /--thinking must be 'off' or a token budget of 1024 or more/],
    [['--thinking', '2000'], /must be less than max tokens \(1000\)/],
    [['--max-retries=-1'], /--max-retries must be a whole number of 0 or more/],
    [['--max-retries', '-1'], /--max-retries needs a value \(write --max-retries=-1/],
    [['--mode', 'fast'], /--mode must be 'helper' or 'raw'/],
    [['--output-format', 'json'], /only in print mode/],
    [['-p', '--output-format', 'yaml'], /--output-format must be one of text, json, stream-json/],
    [['--scenario', 'nope'], /unknown scenario 'nope'/],
    [['--base-url', 'ftp://x'], /--base-url must be an http or https URL, got 'ftp:\/\/x'/],
    [['--max-tokens', '0x10'], /--max-tokens must be a whole number of 1 or more, got '0x10'/],
    [['--max-tokens', '1e21'], /--max-tokens must be a whole number/],
    [['--max-retries', '1e9'], /--max-retries must be a whole number of 0 or more/],
    [['--model', 'a b'], /--model must be a model name without spaces or control characters/],
  ])('rejects %j in one line', (args, message) => {
    const env = args.includes('--base-url') ? { ANTHROPIC_API_KEY: KEY } : {};
    expect(() => resolveConfig(args, env)).toThrow(UsageError);
    expect(() => resolveConfig(args, env)).toThrow(message);
  });

  it('names the variable, not the flag, when a bad value came from the environment', () => {
    expect(() => resolveConfig([], { STREAMBOOK_MAX_TOKENS: 'abc' })).toThrow(
      /^STREAMBOOK_MAX_TOKENS must be a whole number/,
    );
    expect(() => resolveConfig([], { STREAMBOOK_MODEL: 'a\u001b]52;c;x\u0007' })).toThrow(
      /^STREAMBOOK_MODEL must be a model name/,
    );
  });

  it('checks --base-url even when answers are offline', () => {
    expect(() => resolveConfig(['--base-url', 'ftp://x'], {})).toThrow(
      /--base-url must be an http or https URL, got 'ftp:\/\/x'/,
    );
  });

  it('a --scenario needs the offline API when a key is set', () => {
    expect(() => resolveConfig(['--scenario', 'chat'], { ANTHROPIC_API_KEY: KEY })).toThrow(
      /needs the offline API/,
    );
  });
});

describe('configuration precedence in the built CLI', () => {
  async function modelUsed(args: string[], env: Record<string, string>, dotenv?: string): Promise<string> {
    const cwd = tempDir();
    if (dotenv) writeFileSync(join(cwd, '.env'), dotenv);
    const result = await runCli(['-p', '--output-format', 'json', ...args, 'hi'], {
      cwd,
      env: cleanEnv(env),
    });
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout).model;
  }

  it('.env fills in, the environment overrides .env, and a flag overrides both', async () => {
    const dotenv = 'STREAMBOOK_MODEL=from-dotenv\n';
    expect(await modelUsed([], {}, dotenv)).toBe('from-dotenv');
    expect(await modelUsed([], { STREAMBOOK_MODEL: 'from-env' }, dotenv)).toBe('from-env');
    expect(await modelUsed(['--model', 'from-flag'], { STREAMBOOK_MODEL: 'from-env' }, dotenv)).toBe(
      'from-flag',
    );
  });

  it('reads STREAMBOOK_MAX_TOKENS from .env', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, '.env'), 'STREAMBOOK_MAX_TOKENS=20\n');
    const result = await runCli(['-p', '--output-format', 'json', '--scenario', 'max-tokens', 'hi'], {
      cwd,
      env: cleanEnv(),
    });
    const message = JSON.parse(result.stdout);
    expect(message.stop_reason).toBe('max_tokens');
    expect(message.usage.output_tokens).toBeLessThanOrEqual(20);
  });
});
