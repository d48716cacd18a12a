import { memo } from 'react';
import type { Cell } from '../../store/cell.js';
import { useSettledLayouts } from '../hooks/use-settled-layouts.js';
import type { CellLineCache } from '../render/cell-lines.js';
import { conversationWindow } from '../render/conversation-window.js';
import type { PaneSize } from '../render/screen-layout.js';
import { wrap } from '../render/wrap.js';
import { Lines } from './Lines.js';
import { sameProps } from './same-props.js';

export interface ConversationPaneProps {
  cells: readonly Cell[];
  /** The cells' lines, laid out once and kept: a frame lays out only what changed. */
  cellLines: CellLineCache;
  size: PaneSize;
  rawText: boolean;
  thinkingHidden: boolean;
  /** The cell chosen with ↑/↓, shown from its top while the pane has focus; null follows the bottom. */
  selected: number | null;
  focused: boolean;
  scroll: number;
  welcome: readonly string[];
  /** Whether Markdown has loaded: the cells are laid out again when it arrives. */
  markdownLoaded: boolean;
}

/**
 * The notebook's cells, windowed to the pane: only the lines in view are rendered. Drawn again
 * only when its props change, so a key typed while a reply streams costs no layout here.
 */
export const ConversationPane = memo(function ConversationPane(props: ConversationPaneProps) {
  const { size } = props;
  const lines = paneLines(props);
  // Read once the lines are laid out: a reply that just ended is shown as it streamed.
  useSettledLayouts(props.cellLines);
  return <Lines lines={lines} width={size.width} height={size.height} />;
}, sameProps);

function paneLines(props: ConversationPaneProps): string[] {
  const { size } = props;
  if (props.cells.length === 0) {
    return props.welcome.flatMap((line) => wrap(line, size.width)).slice(0, size.height);
  }
  return conversationWindow({
    cells: props.cells,
    cellLines: props.cellLines,
    options: { width: size.width, rawText: props.rawText, thinkingHidden: props.thinkingHidden },
    height: size.height,
    scroll: props.scroll,
    selected: props.focused ? props.selected : null,
    // With focus, some cell is always marked: the chosen one, else the newest.
    highlight: props.focused ? (props.selected ?? props.cells.at(-1)?.id ?? null) : null,
  }).lines;
}
