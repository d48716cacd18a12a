import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/config.js';
import { DOTENV_LIMIT, loadDotenv } from '../../src/config/dotenv.js';
import { shown } from '../../src/config/shown.js';
import { cleanEnv, runCli, tempDir } from '../support/cli.js';

/** A realistic fake key: keys under 20 characters are refused. */
const KEY = 'sk-ant-api03-fake-key-for-config-safety';
/** OSC 52 (write the clipboard) and OSC 0 (set the title), each ended by BEL. */
const HOSTILE = '\u001b]52;c;aGVsbG8=\u0007\u001b]0;pwned\u0007\r\nstreambook: forged';
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Only the usage error's own line: no control character, and one line. */
function expectOneCleanLine(stderr: string): void {
  expect(stderr).not.toMatch(RAW_CONTROL);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
}

describe('values quoted in messages', () => {
  it('are neutralized, kept to one line and cut to 60 characters', () => {
    expect(shown(HOSTILE)).not.toMatch(RAW_CONTROL);
    expect(shown(HOSTILE)).not.toMatch(/[\r\n]/);
    expect([...shown('x'.repeat(500))]).toHaveLength(60);
    expect(shown('x'.repeat(500)).endsWith('…')).toBe(true);
    expect(shown('2000')).toBe('2000');
  });

  it.each([
    [['--max-tokens', HOSTILE], {}],
    [['--temperature', HOSTILE], {}],
    [['--thinking', HOSTILE], {}],
    [['--mode', HOSTILE], {}],
    [['--max-retries', HOSTILE], {}],
    [['--scenario', HOSTILE], {}],
    [[`--${HOSTILE}`], {}],
    [['--base-url', HOSTILE], {}],
    [[], { STREAMBOOK_MAX_TOKENS: HOSTILE }],
    [[], { ANTHROPIC_BASE_URL: HOSTILE }],
  ])('%j %j gives a usage error with no control character in it', (args, env) => {
    expect(() => resolveConfig(args, env)).toThrow();
    try {
      resolveConfig(args, env);
    } catch (error) {
      expect((error as Error).message).not.toMatch(RAW_CONTROL);
      expect((error as Error).message).not.toMatch(/[\r\n]/);
    }
  });
});

describe('--base-url', () => {
  it.each(['ftp://x', 'file:///etc/passwd', 'javascript:alert(1)', 'localhost:8080', 'http://a b'])(
    'refuses %s',
    (url) => {
      expect(() => resolveConfig(['--base-url', url], {})).toThrow(/^--base-url must/);
    },
  );

  it('names the variable when the value came from ANTHROPIC_BASE_URL', () => {
    expect(() => resolveConfig([], { ANTHROPIC_BASE_URL: 'http://x\u0007' })).toThrow(
      /^ANTHROPIC_BASE_URL must be printable ASCII, without spaces or control characters .*, got 'http:\/\/x␇'$/,
    );
  });

  it('takes http and https', () => {
    for (const url of ['http://127.0.0.1:8080', 'https://api.example.com/v1/'])
      expect(resolveConfig(['--base-url', url], { ANTHROPIC_API_KEY: KEY }).connection).toMatchObject({
        baseURL: url,
      });
  });
});

describe('ANTHROPIC_API_KEY', () => {
  it('refuses a key under 20 characters, without showing it', () => {
    expect(() => resolveConfig([], { ANTHROPIC_API_KEY: 'sk-1234' })).toThrow(
      'ANTHROPIC_API_KEY is 7 characters, too short to be a real key; check .env or your environment, or unset it to use the offline API',
    );
  });

  it('refuses a key with a control character, a space or non-ASCII in it', () => {
    for (const key of [`${KEY}\u001b[31m`, `${KEY} x`, `${KEY}é`]) {
      expect(() => resolveConfig([], { ANTHROPIC_API_KEY: key })).toThrow(
        /^ANTHROPIC_API_KEY holds a space, a control character or non-ASCII; check .env/,
      );
    }
  });

  it('is not checked with --offline, where it is not used', () => {
    expect(resolveConfig(['--offline'], { ANTHROPIC_API_KEY: 'short' }).connection.kind).toBe('offline');
  });
});

describe('.env', () => {
  it('fills in what the environment lacks and overrides nothing', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.env'), 'A=from-file\nB=from-file\n');
    const env: Record<string, string | undefined> = { B: 'from-env' };
    expect(loadDotenv(env, join(dir, '.env'))).toBeUndefined();
    expect(env).toEqual({ A: 'from-file', B: 'from-env' });
  });

  it('says nothing when there is no .env', () => {
    expect(loadDotenv({}, join(tempDir(), '.env'))).toBeUndefined();
  });

  it('ignores a .env over 1 MiB', () => {
    const path = join(tempDir(), '.env');
    writeFileSync(path, `A=${'x'.repeat(DOTENV_LIMIT)}\n`);
    const env = {};
    expect(loadDotenv(env, path)).toBe('ignoring .env: it is larger than 1 MiB');
    expect(env).toEqual({});
  });

  it('ignores a .env that is a directory', () => {
    const path = join(tempDir(), '.env');
    mkdirSync(path);
    expect(loadDotenv({}, path)).toBe('ignoring .env: it is a directory, not a file');
  });
});

describe('.env in the built CLI', () => {
  // `sessions --help` reads .env and stops; a bare --version answers before reading it.
  async function startWith(setUp: (path: string) => void, args = ['sessions', '--help']) {
    const cwd = tempDir();
    setUp(join(cwd, '.env'));
    return runCli(args, { cwd, env: cleanEnv() });
  }

  it('a .env linked to /dev/zero gives a warning, and startup goes on', async () => {
    const result = await startWith((path) => symlinkSync('/dev/zero', path));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('streambook: ignoring .env: it is a device, not a file\n');
  });

  it('a .env that is a FIFO gives a warning, and startup does not wait for a writer', async () => {
    const result = await startWith((path) => execFileSync('mkfifo', [path]));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('streambook: ignoring .env: it is a FIFO, not a file\n');
  });

  it('ESC and BEL in a .env value never reach stderr raw', async () => {
    const result = await startWith(
      (path) => writeFileSync(path, `STREAMBOOK_MAX_TOKENS="${HOSTILE}"\n`),
      ['-p', 'hi'],
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^streambook: STREAMBOOK_MAX_TOKENS must be a whole number/);
    expectOneCleanLine(result.stderr);
  });

  it('ESC and BEL in a flag never reach stderr raw', async () => {
    for (const args of [['--base-url', HOSTILE], [`--${HOSTILE}`], ['-p', '--mode', HOSTILE, 'hi']]) {
      const result = await runCli(args, { env: cleanEnv() });
      expect(result.code).toBe(2);
      expectOneCleanLine(result.stderr);
    }
  });

  it('refuses a short key at startup with exit 2', async () => {
    const result = await runCli(['-p', 'hi'], { env: cleanEnv({ ANTHROPIC_API_KEY: 'sk-1234' }) });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^streambook: ANTHROPIC_API_KEY is 7 characters, too short to be a real key/,
    );
  });
});
