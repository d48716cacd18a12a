import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/config/usage-error.js';
import { serveRequest } from '../../src/serve/serve-options.js';

const ENV = { HOME: '/home/me' };

describe('streambook serve flags', () => {
  it('defaults to 127.0.0.1:8787, chat at the API pace, replays at speed 1', () => {
    expect(serveRequest([], ENV)).toEqual({
      host: '127.0.0.1',
      port: 8787,
      scenario: 'chat',
      pace: 'realistic',
      stateDir: '/home/me/.local/state/streambook',
      speed: 1,
      help: false,
    });
  });

  it('reads every flag', () => {
    const args = ['--port', '0', '--host', '0.0.0.0', '--replay', '20261201-0812-k3f9', '--speed', '0'];
    expect(serveRequest([...args, '--pace', 'none', '--state-dir', '/s'], ENV)).toEqual({
      host: '0.0.0.0',
      port: 0,
      scenario: 'replay:20261201-0812-k3f9',
      pace: 'none',
      stateDir: '/s',
      speed: 0,
      help: false,
    });
    expect(serveRequest(['--scenario', 'long:50'], ENV).scenario).toBe('long:50');
    expect(serveRequest(['--replay', '20261201-0812-k3f9:2'], ENV).scenario).toBe(
      'replay:20261201-0812-k3f9:2',
    );
  });

  it('takes the pace from STREAMBOOK_OFFLINE_PACE when the flag is not given', () => {
    expect(serveRequest([], { ...ENV, STREAMBOOK_OFFLINE_PACE: 'none' }).pace).toBe('none');
    expect(serveRequest(['--pace', 'realistic'], { ...ENV, STREAMBOOK_OFFLINE_PACE: 'none' }).pace).toBe(
      'realistic',
    );
  });

  it.each([
    [['--port=-1'], /--port takes a port number/],
    [['--port', '1.5'], /--port takes a port number/],
    [['--port', '99999'], /--port takes a port number/],
    [['--host', ''], /--host takes an address/],
    [['--host', 'a b'], /--host takes an address/],
    [['--state-dir', ''], /--state-dir needs a folder/],
    [['--scenario', 'long:0'], /unknown scenario 'long:0'/],
    [['--scenario', 'replay:20261201-0812-k3f9:1'], /unknown scenario/],
  ])('refuses %j', (args, message) => {
    expect(() => serveRequest(args, ENV)).toThrow(UsageError);
    expect(() => serveRequest(args, ENV)).toThrow(message);
  });
});
