import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/config/usage-error.js';
import { tapOptions } from '../../src/tap/tap-options.js';

const env = { HOME: '/home/someone' };

describe('streambook tap flags', () => {
  it('forwards to the API by default, on 127.0.0.1:8788', () => {
    expect(tapOptions([], env)).toEqual({
      port: 8788,
      host: '127.0.0.1',
      upstream: 'https://api.anthropic.com',
      stateDir: '/home/someone/.local/state/streambook',
      command: null,
      help: false,
    });
  });

  it('forwards to ANTHROPIC_BASE_URL as it was, unless --upstream says otherwise', () => {
    const behindProxy = { ...env, ANTHROPIC_BASE_URL: 'https://proxy.example/anthropic/' };
    expect(tapOptions([], behindProxy).upstream).toBe('https://proxy.example/anthropic');
    expect(tapOptions(['--upstream', 'http://127.0.0.1:9'], behindProxy).upstream).toBe('http://127.0.0.1:9');
  });

  it('leaves everything after -- to the command, flags included', () => {
    const options = tapOptions(['--port', '0', '--', 'python', 'app.py', '--port', '3'], env);
    expect(options.port).toBe(0);
    expect(options.command).toEqual(['python', 'app.py', '--port', '3']);
  });

  it.each([
    [['--port', '70000'], '--port must be a port number from 0 to 65535 (0 picks a free one), got 70000'],
    [['--port', '-1'], '--port needs a value (write --port=-1 for a value that starts with a dash)'],
    [['--upstream', 'api.anthropic.com'], "--upstream must be an http or https URL, got 'api.anthropic.com'"],
    [['--host', 'a b'], '--host must be an address or a host name, such as 127.0.0.1, got a b'],
    [['app.py'], 'tap takes no argument app.py; to run a command through it: streambook tap -- CMD ARGS'],
    [['--'], 'tap -- needs a command to run, as in: streambook tap -- python app.py'],
    [['--bogus'], 'unknown option --bogus'],
  ])('refuses %j in one line', (argv, message) => {
    expect(() => tapOptions(argv, env)).toThrow(new UsageError(message));
  });

  it('refuses a bad ANTHROPIC_BASE_URL, naming it', () => {
    expect(() => tapOptions([], { ...env, ANTHROPIC_BASE_URL: 'ftp://x' })).toThrow(
      "ANTHROPIC_BASE_URL must be an http or https URL, got 'ftp://x'",
    );
  });
});
