import type { MessageParam } from '../engine/types.js';
import type { PromptHistory } from '../journal/prompt-history.js';
import type { Journal } from '../journal/session-journal.js';

/** What a session keeps besides its store: where it saves, what it goes on from. */
export interface SessionParts {
  journal?: Journal | null;
  before?: MessageParam[];
  prompts?: Pick<PromptHistory, 'add'> | null;
  stateDir?: string | null;
}
