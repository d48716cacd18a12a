import { describe, expect, it } from 'vitest';
import { resolveConfig, UsageError } from '../../src/config/config.js';

describe('--idle-timeout and STREAMBOOK_IDLE_TIMEOUT', () => {
  it('defaults to 60 s; 0 turns it off; seconds may have a fraction', () => {
    expect(resolveConfig([], {}).idleTimeoutMs).toBe(60_000);
    expect(resolveConfig(['--idle-timeout', '0'], {}).idleTimeoutMs).toBe(0);
    expect(resolveConfig(['--idle-timeout', '0.3'], {}).idleTimeoutMs).toBe(300);
    expect(resolveConfig([], { STREAMBOOK_IDLE_TIMEOUT: '120' }).idleTimeoutMs).toBe(120_000);
    expect(resolveConfig([], { STREAMBOOK_IDLE_TIMEOUT: '' }).idleTimeoutMs).toBe(60_000);
  });

  it('lets the flag override the environment', () => {
    expect(resolveConfig(['--idle-timeout', '5'], { STREAMBOOK_IDLE_TIMEOUT: '9' }).idleTimeoutMs).toBe(5000);
  });

  it.each(['-1', 'abc', '1e3', '0x10', ' 5', '86401', '1.2345'])('rejects %j, naming the fix', (value) => {
    expect(() => resolveConfig(['--idle-timeout', `${value}`], {})).toThrow(UsageError);
    expect(() => resolveConfig([`--idle-timeout=${value}`], {})).toThrow(
      /^--idle-timeout must be seconds from 0 to 86400 \(0 turns it off\), got /,
    );
    expect(() => resolveConfig([], { STREAMBOOK_IDLE_TIMEOUT: value })).toThrow(
      /^STREAMBOOK_IDLE_TIMEOUT must be seconds from 0 to 86400 \(0 turns it off\)/,
    );
  });
});
