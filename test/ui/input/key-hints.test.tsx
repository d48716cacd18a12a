import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { DetailView } from '../../../src/ui/components/EventDetail.js';
import { HelpView } from '../../../src/ui/components/HelpView.js';
import { PromptInput } from '../../../src/ui/components/PromptInput.js';
import { TextPageView } from '../../../src/ui/components/TextPageView.js';
import { type Binding, KEYMAP } from '../../../src/ui/input/keymap.js';
import { EMPTY_PROMPT } from '../../../src/ui/input/prompt-editor.js';
import { plain, tick } from '../harness.js';

const size = { width: 90, height: 8 };

/** What each view shows, rendered by Ink, with the keymap as it is when called. */
const shown = {
  help: () => render(<HelpView size={size} />),
  page: () => render(<TextPageView page={{ title: 'Settings', lines: ['model x'] }} size={size} />),
  detail: () =>
    render(<DetailView content={{ title: 'message_start', body: () => ['{}'] }} size={size} scroll={0} />),
  prompt: (focused: boolean, streaming: boolean) =>
    render(
      <PromptInput
        editor={EMPTY_PROMPT}
        search={null}
        focused={focused}
        streaming={streaming}
        width={90}
        height={1}
      />,
    ),
};

async function text(view: ReturnType<typeof render>): Promise<string> {
  await tick(5);
  const frame = plain(view.lastFrame());
  view.unmount();
  return frame;
}

/** Rebinds every binding of `action` to `key` until the test ends: the table's objects are the live ones. */
const moved: Array<[Binding, string]> = [];
function rebind(action: Binding['action'], key: string): void {
  for (const group of KEYMAP)
    for (const binding of group.bindings)
      if (binding.action === action) {
        moved.push([binding, binding.key]);
        (binding as { key: string }).key = key;
      }
}
afterEach(() => {
  for (const [binding, key] of moved.splice(0).reverse()) (binding as { key: string }).key = key;
});

describe('key hints outside the keymap table', () => {
  it('name the keys the table binds today', async () => {
    expect(await text(shown.help())).toContain('Keys  (Esc closes)  ↑/↓ PgUp/PgDn scroll');
    expect(await text(shown.page())).toContain('Settings  (Esc closes)  ↑/↓ PgUp/PgDn scroll');
    expect(await text(shown.detail())).toContain('↑/↓ PgUp/PgDn scroll · Esc back');
    expect(await text(shown.prompt(true, false))).toContain(
      'Type a prompt, Enter sends · Ctrl+J newline · /help',
    );
    expect(await text(shown.prompt(true, true))).toContain('streaming… Esc interrupts');
    expect(await text(shown.prompt(false, false))).toContain('Tab returns here');
  });

  it('follow a binding moved in the table: help and page headers, the detail view, the prompt', async () => {
    rebind('close-help', 'Ctrl+G');
    rebind('close-detail', 'Ctrl+B');
    rebind('scroll-up', 'Ctrl+P');
    rebind('page-down', 'Ctrl+V');
    rebind('send', 'Ctrl+S');
    rebind('newline', 'Alt+N');
    rebind('stop', 'Ctrl+X');
    rebind('focus-next', 'Ctrl+F');
    expect(await text(shown.help())).toContain('(Ctrl+G closes)  Ctrl+P/↓ PgUp/Ctrl+V scroll');
    expect(await text(shown.page())).toContain('(Ctrl+G closes)  Ctrl+P/↓ PgUp/Ctrl+V scroll');
    expect(await text(shown.detail())).toContain('Ctrl+P/↓ PgUp/Ctrl+V scroll · Ctrl+B back');
    expect(await text(shown.prompt(true, false))).toContain('Type a prompt, Ctrl+S sends · Alt+N newline');
    expect(await text(shown.prompt(true, true))).toContain('streaming… Ctrl+X interrupts');
    expect(await text(shown.prompt(false, false))).toContain('Ctrl+F returns here');
  });
});
