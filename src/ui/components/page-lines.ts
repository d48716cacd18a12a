import type { Page } from '../../store/session-state.js';
import type { PaneSize } from '../render/screen-layout.js';
import { helpLines } from './HelpView.js';
import { textPageLines } from './TextPageView.js';

/** A page's lines at a width: what its view shows, and so what its scrolling is bounded by. */
export function pageLines(page: Page, width: number): string[] {
  return page === 'help' ? helpLines(width) : textPageLines(page, width);
}

/** How far a page can scroll in an area of this size: to its own last line, no further. */
export function maxPageScroll(page: Page, size: PaneSize): number {
  return Math.max(0, pageLines(page, size.width).length - size.height);
}
