import { describe, expect, it } from 'vitest';
import type { RequestRecord } from '../../src/offline/request-record.js';
import { logLine } from '../../src/serve/log-line.js';

const AT = new Date('2026-12-02T05:30:00.123Z');
const RECORD: RequestRecord = {
  method: 'POST',
  path: '/v1/messages',
  scenario: 'tool-use',
  status: 200,
  events: 23,
  durationMs: 412.4,
  complete: true,
};

describe('a request log line', () => {
  it('gives the time, method, path, scenario, status, events and duration', () => {
    expect(logLine(RECORD, AT)).toBe(
      '2026-12-02T05:30:00.123Z POST /v1/messages tool-use 200 23 events 412 ms',
    );
  });

  it('says when a response was cut short, or never came', () => {
    expect(logLine({ ...RECORD, complete: false }, AT)).toMatch(/ 200 23 events 412 ms \(cut short\)$/);
    expect(logLine({ ...RECORD, status: null, events: 0, complete: false }, AT)).toMatch(
      / tool-use no response 0 events 412 ms$/,
    );
    expect(logLine({ ...RECORD, scenario: null, status: 404, events: 1 }, AT)).toMatch(/ - 404 1 event /);
  });

  it('shows control characters and line breaks from the request instead of acting on them', () => {
    const line = logLine(
      { ...RECORD, path: '/v1/\u001b]0;pwned\u0007\n2026 GET /forged', scenario: '\u009b31m' },
      AT,
    );
    expect(line).toContain('/v1/␛]0;pwned␇␊2026 GET /forged');
    expect(line).toContain('\\x9b31m');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may reach the log
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });
});
