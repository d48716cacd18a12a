import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { sessionsDir } from '../../src/journal/state-dir.js';
import { startTap } from '../../src/tap/tap-server.js';
import { tempStateDir } from '../support/journaled.js';
import { type EchoFailure, leaks, PLANTED_KEY, serveKeyEcho } from '../support/key-echo-server.js';
import { rawExchange } from './raw-exchange.js';
import { tappedCells } from './tapped-cells.js';

const state = tempStateDir();
afterEach(() => state.remove());

it.each<[EchoFailure, string]>([
  ['stream', 'x-api-key'],
  ['event', 'authorization'],
  ['http', 'x-api-key'],
])(
  'an upstream that echoes the key (%s, sent as %s) gets it into no file and no log line',
  async (failure, header) => {
    const upstream = await serveKeyEcho(failure);
    const logs: string[] = [];
    const tap = await startTap({
      port: 0,
      host: '127.0.0.1',
      upstream: upstream.url,
      stateDir: state.dir,
      log: (line) => logs.push(line),
      warn: (line) => logs.push(line),
    });
    try {
      const value = header === 'authorization' ? `Bearer ${PLANTED_KEY}` : PLANTED_KEY;
      const body = JSON.stringify({
        model: 'm',
        max_tokens: 5,
        stream: true,
        messages: [{ role: 'user', content: 'hi' }],
      });
      const answer = await rawExchange(`${tap.url}/v1/messages`, body, {
        'content-type': 'application/json',
        [header]: value,
      });
      // The client gets the upstream's answer as it came, key and all: it is the client's own.
      expect(answer.body.toString()).toContain(PLANTED_KEY);
      await tappedCells(tap, state.dir, 1);
      const dir = sessionsDir(state.dir);
      const files = readdirSync(dir);
      expect(files).toHaveLength(1);
      for (const file of files) {
        const text = readFileSync(join(dir, file), 'utf8');
        expect(text).toContain('[redacted]');
        expect(leaks(text, PLANTED_KEY)).toEqual([]);
      }
      expect(leaks(logs.join('\n'), PLANTED_KEY)).toEqual([]);
    } finally {
      await tap.close();
      await upstream.close();
    }
  },
);
