import { Box, Text } from 'ink';
import { useEffect, useLayoutEffect, useState } from 'react';
import type { CommandContext } from '../commands/command.js';
import { isStreaming, type SessionState, selectedCell } from '../store/session-state.js';
import { ConversationPane } from './components/ConversationPane.js';
import { HelpView } from './components/HelpView.js';
import { PromptInput, type PromptInputProps } from './components/PromptInput.js';
import { SessionsView } from './components/SessionsView.js';
import { StatusBar } from './components/StatusBar.js';
import { TextPageView } from './components/TextPageView.js';
import { TimelinePane } from './components/TimelinePane.js';
import { ToastLine, toastText } from './components/ToastLine.js';
import { Frames } from './frames.js';
import { useNotebookKeys } from './hooks/use-notebook-keys.js';
import { usePromptEditor } from './hooks/use-prompt-editor.js';
import { useRenderers } from './hooks/use-renderers.js';
import { useResumeRepaint } from './hooks/use-resume-repaint.js';
import { useSessionState } from './hooks/use-session-state.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { useToastTimeout } from './hooks/use-toast-timeout.js';
import { searchMatch } from './input/history-search.js';
import { promptLineCount } from './input/prompt-editor.js';
import { CellLineCache } from './render/cell-lines.js';
import { MAX_INPUT_LINES, MIN_COLUMNS, MIN_ROWS, mainArea, screenLayout } from './render/screen-layout.js';
import { TimelineRowCache } from './render/timeline-rows.js';
import { welcomeLines } from './render/welcome.js';

/** Hears about each frame: React's Profiler is off in production builds. */
export interface FrameClock {
  renderStarted(): void;
  committed(): void;
}

export interface AppProps {
  commands: CommandContext;
  /** Told when each render of the screen begins and when it is committed (the benchmark times frames by it). */
  frameClock?: FrameClock;
  /** When the screen reads the store; by default at most once per FRAME_MS while streaming. */
  frames?: Frames;
}

/** The notebook screen: conversation and timeline, the prompt, the toast and the status line. */
export function App({ commands, frameClock, frames }: AppProps) {
  frameClock?.renderStarted();
  const { session } = commands;
  const [ownFrames] = useState(() => frames ?? new Frames(session.store));
  const state = useSessionState(ownFrames);
  const size = useTerminalSize();
  const { editor, current, edit } = usePromptEditor();
  const [cellLines] = useState(() => new CellLineCache(session.hide, { settleLater: true }));
  const [timelineRows] = useState(() => new TimelineRowCache());
  const promptLines = promptLineCount(editor.value, MAX_INPUT_LINES);
  const toastLines = state.toast ? toastText(state.toast, size.columns).length : 0;
  const layout = screenLayout({ ...size, timelineShown: state.view.timelineShown, promptLines, toastLines });
  useToastTimeout(session, state.toast);
  const markdownLoaded = useRenderers();
  useResumeRepaint();
  useLayoutEffect(() => frameClock?.committed());
  useNotebookKeys({ commands, editor: current, edit, layout, timelineRows, cellLines });
  // /edit puts a cell's prompt in the input, once per request (its id).
  const editing = state.editing;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the id says when; the text comes with it
  useEffect(() => {
    if (editing) edit({ type: 'set', value: editing.text });
  }, [editing?.id]);

  if (layout.kind === 'too-small') {
    return (
      <Text wrap="wrap">{`terminal too small: ${layout.columns}x${layout.rows}, streambook needs ${MIN_COLUMNS}x${MIN_ROWS}`}</Text>
    );
  }
  const { focus } = state.view;
  const cell = selectedCell(state);
  const conversationPane = (
    <ConversationPane
      cells={state.cells}
      cellLines={cellLines}
      size={layout.conversation}
      rawText={state.view.rawText}
      thinkingHidden={state.view.thinkingHidden}
      selected={state.view.selected}
      focused={focus === 'conversation'}
      scroll={state.view.scroll}
      welcome={welcomeLines(state.source.describe)}
      markdownLoaded={markdownLoaded}
    />
  );
  const timelinePane = layout.timeline ? (
    <TimelinePane
      cell={cell}
      rows={timelineRows}
      view={state.timeline}
      size={layout.timeline}
      focused={focus === 'timeline'}
    />
  ) : null;
  const { page } = state.view;
  const panes = state.view.sessions ? (
    <SessionsView page={state.view.sessions} size={mainArea(layout)} />
  ) : page ? (
    // A page (/help, /settings) takes the whole area above the prompt, so its columns have room.
    page === 'help' ? (
      <HelpView size={mainArea(layout)} scroll={state.view.pageScroll} />
    ) : (
      <TextPageView page={page} size={mainArea(layout)} scroll={state.view.pageScroll} />
    )
  ) : (
    <Box flexDirection={layout.stacked ? 'column' : 'row'}>
      {conversationPane}
      {timelinePane && layout.stacked ? (
        <Separator width={layout.width} focused={focus === 'conversation'} heavy />
      ) : null}
      {timelinePane && !layout.stacked ? (
        <Gutter height={layout.conversation.height} focused={focus === 'conversation'} />
      ) : null}
      {timelinePane}
    </Box>
  );
  return (
    <Box flexDirection="column" width={layout.width} height={layout.height}>
      {panes}
      <Separator width={layout.width} focused={focus === 'prompt'} />
      <PromptInput
        editor={editor}
        search={searchShown(state)}
        focused={focus === 'prompt'}
        streaming={isStreaming(state)}
        width={layout.width}
        height={layout.inputLines}
      />
      {state.toast ? <ToastLine toast={state.toast} width={layout.width} lines={layout.toastLines} /> : null}
      <StatusBar state={state} width={layout.width} prompt={editor.value} />
    </Box>
  );
}

/** Ctrl+R's search as the prompt shows it, with the prompt it matched; null while closed. */
function searchShown(state: SessionState): PromptInputProps['search'] {
  const { search } = state.view;
  return search ? { state: search, match: searchMatch(search, state.promptHistory) } : null;
}

/**
 * A line across the screen, lit while the pane it edges has focus. `heavy`: drawn heavier too
 * while lit, so that the focus shows without colour (NO_COLOR); the line above the prompt
 * stays light, as the prompt's own cursor shows its focus.
 */
function Separator({ width, focused, heavy = false }: { width: number; focused: boolean; heavy?: boolean }) {
  return (
    <Text color={focused ? 'cyan' : undefined} dimColor={!focused}>
      {(focused && heavy ? '━' : '─').repeat(width)}
    </Text>
  );
}

/** The line between the panes side by side: the conversation's edge, lit and heavy while it has focus. */
function Gutter({ height, focused }: { height: number; focused: boolean }) {
  return (
    <Text color={focused ? 'cyan' : undefined} dimColor={!focused}>
      {Array.from({ length: height }, () => (focused ? '┃' : '│')).join('\n')}
    </Text>
  );
}
