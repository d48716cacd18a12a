import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import type { TimelineView } from '../../src/store/session-state.js';
import { ConversationPane, type ConversationPaneProps } from '../../src/ui/components/ConversationPane.js';
import { TimelinePane, type TimelinePaneProps } from '../../src/ui/components/TimelinePane.js';
import { CellLineCache } from '../../src/ui/render/cell-lines.js';
import { markdownRenderer } from '../../src/ui/render/markdown-loader.js';
import { TimelineRowCache } from '../../src/ui/render/timeline-rows.js';
import { plain, tick } from '../ui/harness.js';

/** The timeline's view as the App starts it: every event, no cursor, no detail open. */
export const TIMELINE_VIEW: TimelineView = {
  hidePings: false,
  foldDeltas: false,
  cursor: null,
  detail: null,
  detailScroll: 0,
};

/** A ConversationPane as the App first shows it (following the bottom, no focus), but for `props`. */
export function conversationPane(
  props: Pick<ConversationPaneProps, 'cells' | 'size'> & Partial<ConversationPaneProps>,
) {
  return (
    <ConversationPane
      cellLines={new CellLineCache()}
      rawText={false}
      thinkingHidden={false}
      selected={null}
      focused={false}
      scroll={0}
      welcome={[]}
      markdownLoaded={markdownRenderer() !== null}
      {...props}
    />
  );
}

/** A TimelinePane as the App first shows it (every event, no focus), but for `props`. */
export function timelinePane(props: Pick<TimelinePaneProps, 'cell' | 'size'> & Partial<TimelinePaneProps>) {
  return <TimelinePane rows={new TimelineRowCache()} view={TIMELINE_VIEW} focused={false} {...props} />;
}

/** The frame Ink draws for `pane` (colour codes and all), once its first render is done; it is then unmounted. */
export async function paneFrame(pane: ReactElement): Promise<string> {
  const { lastFrame, unmount } = render(pane);
  await tick(15);
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
}

/** The lines of `pane` as a person reads them: its frame without colour codes. */
export async function paneLines(pane: ReactElement): Promise<string[]> {
  return plain(await paneFrame(pane)).split('\n');
}
