import { rmSync } from 'node:fs';
import Anthropic from '@anthropic-ai/sdk';
import type { Message, MessageParam } from '@anthropic-ai/sdk/resources/messages';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordOffline, tempDir } from '../support/cli.js';
import { reopen } from '../support/journaled.js';
import { startServe } from '../support/serve-process.js';

// Run `npm run build` first: a session is recorded by the CLI, and served again by it.

describe('streambook serve --replay', () => {
  const stateDir = tempDir();
  let id = '';
  let recorded: Message[] = [];
  let prompts: string[] = [];

  beforeAll(async () => {
    const first = await recordOffline(stateDir, 'thinking', 'a question');
    expect(first.code).toBe(0);
    const second = await recordOffline(stateDir, 'tool-use', 'weather?', ['-c']);
    expect(second.code).toBe(0);
    id = first.id;
    expect(second.id).toBe(id);
    const cells = reopen(stateDir, id).state.cells;
    recorded = cells.map((cell) => cell.message as Message);
    prompts = cells.map((cell) => cell.prompt);
    expect(recorded.map((message) => message.stop_reason)).toEqual(['end_turn', 'tool_use']);
  }, 60_000);
  afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

  const request = (messages: MessageParam[]) => ({ model: 'claude-sonnet-4-6', max_tokens: 1024, messages });

  it('--replay ID:N --speed 0 answers every request with that cell, equal to the recorded final message', async () => {
    const serve = await startServe([
      '--port',
      '0',
      '--replay',
      `${id}:2`,
      '--speed',
      '0',
      '--state-dir',
      stateDir,
    ]);
    try {
      const client = new Anthropic({ apiKey: 'any', baseURL: serve.url });
      const helper = await client.messages
        .stream(request([{ role: 'user', content: 'anything' }]))
        .finalMessage();
      expect(json(helper)).toEqual(json(recorded[1]));
      // The raw events of a second request, a different prompt: the same recording.
      const raw = await client.messages.create({
        ...request([{ role: 'user', content: 'else' }]),
        stream: true,
      });
      const types: string[] = [];
      for await (const event of raw) types.push(event.type);
      expect(types[0]).toBe('message_start');
      expect(types.at(-1)).toBe('message_stop');
      expect(
        await serve.logged(new RegExp(` POST /v1/messages replay:${id}:2 200 \\d+ events`)),
      ).toBeTruthy();
      expect(serve.stderr()).toContain(`streambook: answering as replay:${id}:2 (speed 0); `);
    } finally {
      await serve.stop();
    }
  });

  it('--replay ID answers a conversation with the session cells in turn', async () => {
    const serve = await startServe(['--port', '0', '--replay', id, '--speed', '0', '--state-dir', stateDir]);
    try {
      const client = new Anthropic({ apiKey: 'any', baseURL: serve.url, logLevel: 'off' });
      const one: MessageParam[] = [{ role: 'user', content: prompts[0] ?? '' }];
      const first = await client.messages.stream(request(one)).finalMessage();
      expect(json(first)).toEqual(json(recorded[0]));
      const two: MessageParam[] = [
        ...one,
        { role: 'assistant', content: first.content },
        { role: 'user', content: prompts[1] ?? '' },
      ];
      const second = await client.messages.stream(request(two)).finalMessage();
      expect(json(second)).toEqual(json(recorded[1]));
      const three = [
        ...two,
        { role: 'assistant' as const, content: 'ok' },
        { role: 'user' as const, content: 'more' },
      ];
      await expect(client.messages.stream(request(three)).finalMessage()).rejects.toThrow(
        /this replay has 2 recorded turns and this is prompt 3: a new conversation \(\/clear in the notebook\) starts it over/,
      );
    } finally {
      await serve.stop();
    }
  });

  it('a request picks a replay with the header, from a server started on a scenario', async () => {
    const serve = await startServe([
      '--port',
      '0',
      '--pace',
      'none',
      '--speed',
      '0',
      '--state-dir',
      stateDir,
    ]);
    try {
      const client = new Anthropic({ apiKey: 'any', baseURL: serve.url, logLevel: 'off' });
      const headers = { 'x-streambook-scenario': `replay:${id}:1` };
      const message = await client.messages
        .stream(request([{ role: 'user', content: 'hi' }]), { headers })
        .finalMessage();
      expect(json(message)).toEqual(json(recorded[0]));
      const missing = { 'x-streambook-scenario': `replay:${id}:9` };
      await expect(
        client.messages.create(request([{ role: 'user', content: 'hi' }]), { headers: missing }),
      ).rejects.toThrow(
        new RegExp(`session ${id} has no cell 9 \\(it has cells 1 to 2\\); pick one of those`),
      );
    } finally {
      await serve.stop();
    }
  });
});

/** A message as JSON carries it (the SDK's helper adds a parsed_output the wire never had). */
function json(message: unknown): unknown {
  const plain = JSON.parse(JSON.stringify(message)) as Record<string, unknown>;
  delete plain.parsed_output;
  return plain;
}
