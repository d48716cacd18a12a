import { describe, expect, it } from 'vitest';
import { KNOWN_EVENT_TYPES } from '../../src/engine/types.js';
import { cleanEnv, runCli } from '../support/cli.js';

describe('print mode, as a child process', () => {
  it('streams the text to stdout, ends it with a newline, and says on stderr that answers are simulated', async () => {
    const result = await runCli(['-p', 'hello']);
    expect(result.code).toBe(0);
    expect(result.stdout.length).toBeGreaterThan(10);
    expect(result.stdout.endsWith('\n')).toBe(true);
    expect(result.stdout).not.toMatch(/simulated|offline/i);
    expect(result.stderr).toMatch(/offline .*simulated/);
  });

  it('reads the prompt from stdin when there is no argument', async () => {
    const fromStdin = await runCli(['-p', '--output-format', 'json'], {
      input: 'Write a 1 sentence description of a sci fi world\n',
    });
    const fromArg = await runCli([
      '-p',
      '--output-format',
      'json',
      'Write a 1 sentence description of a sci fi world',
    ]);
    expect(fromStdin.code).toBe(0);
    const a = JSON.parse(fromStdin.stdout);
    const b = JSON.parse(fromArg.stdout);
    expect(a.content).toEqual(b.content);
  });

  it('json prints the final message object, exactly one line', async () => {
    const result = await runCli(['-p', '--output-format', 'json', '--scenario', 'tool-use', 'hi']);
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
    const message = JSON.parse(result.stdout);
    expect(message).toMatchObject({ type: 'message', role: 'assistant', stop_reason: 'tool_use' });
    expect(message.content.find((b: { type: string }) => b.type === 'tool_use').input).toBeTypeOf('object');
  });

  it.each(['helper', 'raw'])(
    'stream-json prints every wire event, pings and unknown types included (%s)',
    async (mode) => {
      const result = await runCli([
        '-p',
        '--output-format',
        'stream-json',
        '--mode',
        mode,
        '--scenario',
        'unknown-event',
        'hi',
      ]);
      expect(result.code).toBe(0);
      const lines = result.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line));
      const types = lines.map((l) => l.type);
      expect(types[0]).toBe('message_start');
      expect(types.at(-1)).toBe('message_stop');
      expect(types).toContain('ping');
      expect(types.some((t) => !KNOWN_EVENT_TYPES.has(t))).toBe(true);
    },
  );

  it('a text stream carries no thinking or tool input', async () => {
    const result = await runCli(['-p', '--scenario', 'thinking', 'hi']);
    const json = await runCli(['-p', '--output-format', 'json', '--scenario', 'thinking', 'hi']);
    const message = JSON.parse(json.stdout);
    const text = message.content
      .filter((b: { type: string }) => b.type === 'text')
      .map((b: { text: string }) => b.text)
      .join('');
    expect(result.stdout).toBe(`${text}\n`);
  });

  it('exits 1 on an API failure, with the reason on one stderr line and the partial text on stdout', async () => {
    const result = await runCli(['-p', '--scenario', 'overloaded', 'hi']);
    expect(result.code).toBe(1);
    expect(result.stdout.length).toBeGreaterThan(0);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^streambook: overloaded_error mid-stream: Overloaded/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 on a 401 and never shows the key', async () => {
    const env = cleanEnv({ ANTHROPIC_API_KEY: 'sk-ant-secret-value-123' });
    const result = await runCli(['-p', '--offline', '--scenario', 'unauthorized', 'hi'], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/HTTP 401 authentication_error/);
    expect(result.stdout + result.stderr).not.toContain('sk-ant-secret-value-123');
  });

  it('exits 2 on usage errors with a one-line hint', async () => {
    for (const args of [
      ['-p', '--bogus', 'hi'],
      ['-p', '--max-tokens', 'lots', 'hi'],
      ['-p', '--mode', 'fast', 'hi'],
      ['-p', '--output-format', 'xml', 'hi'],
      ['-p'],
      ['-p', '--scenario', 'nope', 'hi'],
    ]) {
      const result = await runCli(args, { input: '' });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr).toMatch(/^streambook: .+ \(try: streambook --help\)\n$/);
    }
  });

  it('exits 130 on SIGINT with the partial text kept', async () => {
    const env = cleanEnv({ STREAMBOOK_OFFLINE_PACE: 'realistic' });
    let sent = false;
    const result = await runCli(['-p', '--scenario', 'long', 'hi'], {
      env,
      onStdout: (_chunk, child) => {
        if (!sent) {
          sent = true;
          child.kill('SIGINT');
        }
      },
    });
    expect(result.code).toBe(130);
    expect(result.stdout.length).toBeGreaterThan(0);
    expect(result.stderr).toMatch(/interrupted/);
  });

  it('prints --version and --help to stdout', async () => {
    const version = await runCli(['--version']);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--output-format/);
    expect(help.stdout).toMatch(/overloaded-529/);
  });
});
