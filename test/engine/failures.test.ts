import { describe, expect, it } from 'vitest';
import { startOfflineServer } from '../../src/offline/server.js';
import { serveFixture, serveScript } from '../support/sse-fixture-server.js';
import { messageStart } from '../support/stream-events.js';
import { clientFor, collectTurn, turnOn } from '../support/turns.js';

const MODES = ['helper', 'raw'] as const;

async function offlineTurn(scenario: string, mode: (typeof MODES)[number], maxRetries = 2) {
  return turnOn(await startOfflineServer({ pace: 'none', scenario }), mode, { maxRetries });
}

async function fixtureTurn(name: string, mode: (typeof MODES)[number], dropAfterEvents?: number) {
  return turnOn(await serveFixture(name, dropAfterEvents === undefined ? {} : { dropAfterEvents }), mode);
}

describe.each(MODES)('every failure ends the turn with a typed one-line error (%s)', (mode) => {
  it('an HTTP error before the stream: status, type and request-id', async () => {
    const { outcome } = await offlineTurn('unauthorized', mode);
    expect(outcome.status).toBe('failed');
    expect(outcome.error).toMatchObject({ kind: 'http', status: 401, errorType: 'authentication_error' });
    expect(outcome.error?.requestId).toMatch(/^req_/);
    expect(outcome.error?.message).toMatch(/^HTTP 401 authentication_error: .+ \(request-id req_/);
    expect(outcome.error?.message).not.toContain('\n');
    expect(outcome.error?.message).not.toContain('sk-test-key-not-real');
  });

  it('a 429 when retries are off', async () => {
    const { outcome, updates } = await offlineTurn('rate-limit', mode, 0);
    expect(outcome.error).toMatchObject({ kind: 'http', status: 429, errorType: 'rate_limit_error' });
    expect(updates.filter((u) => u.type === 'attempt')).toHaveLength(1);
  });

  it('an error event mid-stream keeps the partial reply and the event on the timeline', async () => {
    const { outcome, wire, text } = await offlineTurn('overloaded', mode);
    expect(outcome.status).toBe('failed');
    expect(outcome.error).toMatchObject({ kind: 'stream_error', errorType: 'overloaded_error' });
    expect(outcome.error?.message).toMatch(/^overloaded_error mid-stream: Overloaded/);
    expect(text.length).toBeGreaterThan(0);
    expect(outcome.message?.content[0]).toMatchObject({ type: 'text', text });
    expect(wire.at(-1)?.event).toBe('error');
  });

  it('a dropped connection keeps the partial reply and every event so far', async () => {
    const { outcome, wire } = await fixtureTurn('text', mode, 6);
    expect(outcome.status).toBe('failed');
    expect(outcome.error?.kind).toBe('connection');
    expect(outcome.error?.message).toMatch(/^connection dropped after \d+ events/);
    expect(wire).toHaveLength(6);
    expect(outcome.message?.content.length).toBeGreaterThan(0);
  });

  it('a dropped connection from the offline API', async () => {
    const { outcome } = await offlineTurn('dropped', mode);
    expect(outcome.error?.kind).toBe('connection');
  });

  it('a stream that ends without message_stop', async () => {
    const { outcome } = await fixtureTurn('no-stop', mode);
    expect(outcome.status).toBe('failed');
    expect(outcome.error?.kind).toBe('incomplete');
    expect(outcome.error?.message).toMatch(/without message_stop/);
    expect(outcome.message?.stop_reason).not.toBeUndefined();
  });

  it('malformed event data', async () => {
    const { outcome, wire } = await fixtureTurn('malformed', mode);
    expect(outcome.status).toBe('failed');
    expect(outcome.error?.kind).toBe('malformed');
    expect(wire.some((e) => e.malformed)).toBe(true);
  });

  it('a connection that cannot be made at all', async () => {
    const { outcome } = await collectTurn(clientFor('http://127.0.0.1:9', 0), mode);
    expect(outcome.status).toBe('failed');
    expect(outcome.error?.kind).toBe('connection');
    expect(outcome.error?.message).toMatch(/^connection failed/);
  });
});

describe.each(MODES)('streams no API would send (%s)', (mode) => {
  const start = messageStart('msg_1', 3);

  it('a second message_start is malformed in both modes', async () => {
    const { outcome } = await turnOn(await serveScript([{ kind: 'sse', events: [start, start] }]), mode);
    expect(outcome.error?.kind).toBe('malformed');
  });

  it('a proxy that echoes the key back never gets it onto the timeline or into the error', async () => {
    const echo = { type: 'error', error: { type: 'api_error', message: 'bad key sk-test-key-not-real' } };
    const server = await serveScript([{ kind: 'sse', events: [start, { event: 'error', data: echo }] }]);
    const { outcome, wire } = await turnOn(server, mode);
    expect(JSON.stringify(wire)).not.toContain('sk-test-key-not-real');
    expect(wire.at(-1)?.data).toContain('[redacted]');
    expect(outcome.error?.message).not.toContain('sk-test-key-not-real');
  });
});
