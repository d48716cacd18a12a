import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/config.js';

const KEY = 'sk-ant-test-0123456789abcdefghij';

describe('the base URL', () => {
  it.each([
    ['a right-to-left override', 'https://host/\u202Emoc.live'],
    ['an isolate', 'https://host/\u2066x\u2069'],
    ['a zero-width space', 'https://ho\u200Bst/'],
    ['a non-ASCII host', 'https://exämple.com/'],
  ])('refuses %s, naming what to write instead', (_name, url) => {
    expect(() => resolveConfig([], { ANTHROPIC_BASE_URL: url, ANTHROPIC_API_KEY: KEY })).toThrow(
      /^ANTHROPIC_BASE_URL must be printable ASCII, without spaces or control characters \(write a host in its xn-- form\), got '/,
    );
  });

  it('shows a refused value neutralized', () => {
    let message = '';
    try {
      resolveConfig(['--base-url', 'https://host/\u202Eevil'], {});
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('takes a punycode host', () => {
    const url = 'https://xn--exmple-cua.com/';
    expect(resolveConfig(['--base-url', url], { ANTHROPIC_API_KEY: KEY }).connection).toMatchObject({
      baseURL: url,
    });
  });
});
