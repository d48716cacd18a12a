import { describe, expect, it } from 'vitest';
import { cleanEnv, runCli } from '../support/cli.js';
import {
  GZIP_BAD_MIDWAY_LINE,
  type HostileMode,
  PARTIAL_TEXT,
  serveHostile,
} from '../support/hostile-server.js';

const KEY = 'sk-ant-test-key-for-hostile-server-0123';

async function printAgainst(mode: HostileMode, args: string[] = [], env: Record<string, string> = {}) {
  const server = await serveHostile([mode]);
  try {
    return await runCli(['-p', '--base-url', server.url, ...args, 'hi'], {
      env: cleanEnv({ ANTHROPIC_API_KEY: KEY, ...env }),
    });
  } finally {
    await server.close();
  }
}

describe('print mode against a hostile server: exit 1, one line on stderr, the partial reply kept', () => {
  it.each([
    [{ kind: 'html' } as const, 'text/html'],
    [{ kind: 'json' } as const, 'application/json'],
    [{ kind: 'empty' } as const, 'an empty body'],
  ])('a 200 that is not an event stream: %j', async (mode, what) => {
    const result = await printAgainst(mode);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `streambook: the server answered 200 with ${what}, not an event stream; is --base-url right?\n`,
    );
  });

  it.each([
    ['a stall mid-body', { kind: 'stall-body' } as const, 'the stream stalled: no data for 0.3 s'],
    ['gzip that goes bad midway', { kind: 'gzip-bad-midway' } as const, GZIP_BAD_MIDWAY_LINE],
  ])(
    '%s ends (on the idle timeout where the read hangs), named, with the text so far on stdout',
    async (_, mode, line) => {
      const result = await printAgainst(mode, ['--idle-timeout', '0.3']);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe(`${PARTIAL_TEXT}\n`);
      expect(result.stderr).toBe(`streambook: ${line}\n`);
    },
  );

  it('a stall before the headers, with the timeout from STREAMBOOK_IDLE_TIMEOUT', async () => {
    const result = await printAgainst({ kind: 'stall-headers' }, [], { STREAMBOOK_IDLE_TIMEOUT: '0.3' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('streambook: the stream stalled: no data for 0.3 s\n');
  });

  it('a retry-after of a day fails at once, naming the wait', async () => {
    const result = await printAgainst({ kind: 'status', status: 429, headers: { 'retry-after': '86400' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('streambook: rate limited: the API asks to wait 24 h\n');
  });

  it('a short retry wait is announced on stderr, then the answer comes', async () => {
    const server = await serveHostile([
      { kind: 'status', status: 429, headers: { 'retry-after': '1' } },
      { kind: 'ok' },
    ]);
    try {
      const result = await runCli(['-p', '--base-url', server.url, 'hi'], {
        env: cleanEnv({ ANTHROPIC_API_KEY: KEY }),
      });
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('streambook: retrying in 1 s (attempt 2 of 3)\n');
      expect(result.stdout).toMatch(/\S/);
    } finally {
      await server.close();
    }
  });

  it('a bad --idle-timeout is a usage error that names the fix', async () => {
    const result = await runCli(['-p', '--idle-timeout', 'soon', 'hi']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^streambook: --idle-timeout must be seconds from 0 to 86400 \(0 turns it off\)/,
    );
  });
});
