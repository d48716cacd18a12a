import { describe, expect, test } from 'vitest';
import { cleanEnv } from '../support/cli.js';
import { KEYS, PtyScreen } from '../support/pty-screen.js';

/** The metrics line under a finished reply, whatever its stop reason. */
const METRICS = /\w+ · TTFT \d[\d.]* m?s · total \d[\d.]* m?s/;
const SEPARATOR = /^─+$/;

interface Layout {
  /** side: the timeline beside the conversation; stacked: under it; single: no timeline. */
  kind: 'side' | 'stacked' | 'single';
  /** The gutter's column when side by side. */
  gutter: number | null;
  /** The rows of the conversation pane. */
  conversation: string[];
  /** The timeline pane's rows (null without one). */
  timeline: string[] | null;
  /** The row of the separator above the prompt, of the prompt and of the status line. */
  promptSeparator: number;
  prompt: number;
  status: number;
}

/** Reads the notebook's layout off the screen, and fails when the screen is not a clean one. */
function layoutOf(lines: string[], columns: number): Layout {
  const prompt = lines.findIndex((line) => line.startsWith('› '));
  expect(prompt, `no prompt line on:\n${lines.join('\n')}`).toBeGreaterThan(0);
  const promptSeparator = prompt - 1;
  expect(lines[promptSeparator]).toBe('─'.repeat(columns));
  const status = prompt + 1 + (/^\S/.test(lines[prompt + 1] ?? '') ? 1 : 0);
  expect(lines[status]).toMatch(/^ claude-sonnet-4-6 · helper · /);
  // Nothing under the status line: the frame is one row shorter than the screen.
  expect(lines.slice(status + 1).every((line) => line === '')).toBe(true);
  const panes = lines.slice(0, promptSeparator);
  const gutters = panes.map((line) => line.indexOf('│'));
  if (gutters.every((g) => g > 0 && g === gutters[0])) {
    const gutter = gutters[0] as number;
    return {
      kind: 'side',
      gutter,
      conversation: panes.map((line) => line.slice(0, gutter)),
      timeline: panes.map((line) => line.slice(gutter + 1)),
      promptSeparator,
      prompt,
      status,
    };
  }
  expect(
    gutters.every((g) => g === -1),
    `a stray gutter on:\n${lines.join('\n')}`,
  ).toBe(true);
  const split = panes.findIndex((line) => SEPARATOR.test(line));
  if (split === -1) {
    return {
      kind: 'single',
      gutter: null,
      conversation: panes,
      timeline: null,
      promptSeparator,
      prompt,
      status,
    };
  }
  expect(panes[split]).toBe('─'.repeat(columns));
  return {
    kind: 'stacked',
    gutter: null,
    conversation: panes.slice(0, split),
    timeline: panes.slice(split + 1),
    promptSeparator,
    prompt,
    status,
  };
}

/** Every SGR parameter that sets a colour (foreground, background, underline colour). */
function colourCodes(output: string): string[] {
  const found: string[] = [];
  // biome-ignore lint/suspicious/noControlCharactersInRegex: SGR is ESC [ params m
  for (const match of output.matchAll(/\u001b\[([\d;:]*)m/g)) {
    const params = (match[1] ?? '').split(/[;:]/).map(Number);
    for (const p of params)
      if ((p >= 30 && p <= 49) || (p >= 90 && p <= 97) || (p >= 100 && p <= 107) || p === 58)
        found.push(JSON.stringify(match[0]));
  }
  return found;
}

async function reply(screen: PtyScreen, prompt: string, cell: number): Promise<string> {
  await screen.type(prompt);
  screen.write(KEYS.enter);
  return screen.waitFor(
    (s) =>
      s.includes(`In [${cell}]: ${prompt}`) && (s.match(new RegExp(METRICS.source, 'g'))?.length ?? 0) >= 1,
  );
}

describe('the layout', () => {
  test('Ctrl+T and /timeline hide the timeline pane and bring it back', async () => {
    const screen = await PtyScreen.open([]);
    try {
      await reply(screen, 'hello', 1);
      let layout = layoutOf(screen.lines(), 120);
      expect(layout.kind).toBe('side');
      expect(layout.gutter).toBe(69);
      expect(layout.timeline?.[0]).toMatch(/^Timeline · cell 1 · \d+ events/);
      // Beside the timeline the reply wraps within the conversation pane's 69 columns.
      const narrow = layout.conversation.filter((line) => line.trimEnd().length > 0);
      expect(narrow.some((line) => line.trimEnd().length > 60)).toBe(true);

      const toggles: Array<[string, () => Promise<void>]> = [
        ['Ctrl+T', async () => screen.write(KEYS.ctrlT)],
        [
          '/timeline',
          async () => {
            await screen.type('/timeline');
            screen.write(KEYS.enter);
          },
        ],
      ];
      for (const [how, toggle] of toggles) {
        await toggle();
        await screen.waitFor((s) => !s.includes('│') && !s.includes('Timeline'));
        layout = layoutOf(screen.lines(), 120);
        expect(layout.kind, how).toBe('single');
        expect(screen.text()).toMatch(/In \[1\]: hello/);
        // The conversation has the full width: the reply now runs past the old gutter.
        expect(
          layout.conversation.some((line) => line.length > 70),
          how,
        ).toBe(true);

        await toggle();
        await screen.waitFor(/│Timeline · cell 1 · \d+ events/);
        layout = layoutOf(screen.lines(), 120);
        expect(layout.kind, how).toBe('side');
        expect(layout.gutter, how).toBe(69);
        expect(layout.conversation.every((line) => line.length <= 69)).toBe(true);
      }
    } finally {
      screen.kill();
    }
  });

  test('a resize reflows the layout in place: beside, stacked, too small, and back', async () => {
    const screen = await PtyScreen.open([], { cols: 120, rows: 40 });
    try {
      await reply(screen, 'hello', 1);
      const pid = screen.process.pid;
      let layout = layoutOf(screen.lines(), 120);
      expect(layout.kind).toBe('side');
      expect(layout.status).toBe(38);

      screen.resize(80, 30);
      await screen.waitFor((s) => /^Timeline · cell 1/m.test(s) && !s.includes('│'));
      layout = layoutOf(screen.lines(), 80);
      expect(layout.kind).toBe('stacked');
      expect(layout.status).toBe(28);
      expect(layout.conversation.join('\n')).toMatch(/In \[1\]: hello/);
      expect(layout.timeline?.[0]).toMatch(/^Timeline · cell 1 · \d+ events/);
      // Under its title, filters and counts, the timeline names its columns.
      expect(layout.timeline?.[3]).toMatch(/ms event +idx delta · preview/);

      screen.resize(30, 10);
      const small = await screen.waitFor(/terminal too small: 30x10/);
      expect(small).not.toMatch(/In \[1\]|Timeline|─/);

      screen.resize(120, 40);
      await screen.waitFor(/│Timeline · cell 1/);
      layout = layoutOf(screen.lines(), 120);
      expect(layout.kind).toBe('side');
      expect(layout.gutter).toBe(69);
      expect(layout.status).toBe(38);
      expect(screen.text()).not.toMatch(/terminal too small/);
      // The same process and the same session: the cell is still there.
      expect(layout.conversation.join('\n')).toMatch(/In \[1\]: hello/);
      expect(screen.process.pid).toBe(pid);
      expect(screen.exit).toBeNull();

      // And it still works at the new size.
      await reply(screen, 'again', 2);
    } finally {
      screen.kill();
    }
  });

  test('NO_COLOR: no colour codes at all, and the same layout', async () => {
    const plain = new PtyScreen(['--offline', '--scenario', 'tool-use'], {
      env: cleanEnv({ NO_COLOR: '1' }),
    });
    const coloured = new PtyScreen(['--offline', '--scenario', 'tool-use']);
    try {
      const welcome = /Type a prompt, Enter sends/;
      await Promise.all([plain.waitFor(welcome), coloured.waitFor(welcome)]);
      expect(plain.text()).toBe(coloured.text());

      await Promise.all([reply(plain, 'weather in Paris?', 1), reply(coloured, 'weather in Paris?', 1)]);
      const a = layoutOf(plain.lines(), 120);
      const b = layoutOf(coloured.lines(), 120);
      expect(a.kind).toBe('side');
      expect({ ...a, conversation: null, timeline: null }).toEqual({
        ...b,
        conversation: null,
        timeline: null,
      });
      // The conversation is the same but for the timings of the metrics line.
      const timings = (line: string) => /TTFT|tok\/s/.test(line);
      expect(a.conversation.filter((line) => !timings(line))).toEqual(
        b.conversation.filter((line) => !timings(line)),
      );
      expect(a.conversation.join('\n')).toMatch(/⚙ tool_use/);
      // The timeline shows the same event rows, timings aside.
      const events = (rows: string[] | null) =>
        (rows ?? []).slice(3).map((row) => row.slice(8, 30).trimEnd());
      expect(events(a.timeline)).toEqual(events(b.timeline));

      expect(colourCodes(plain.output)).toEqual([]);
      // The check can fail: the coloured run has colour codes.
      expect(colourCodes(coloured.output).length).toBeGreaterThan(0);
    } finally {
      plain.kill();
      coloured.kill();
    }
  });
});
