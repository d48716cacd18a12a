import type Anthropic from '@anthropic-ai/sdk';
import type { SettingSource } from '../config/setting-source.js';
import { withPrompt } from '../engine/history.js';
import { PendingClient, withClient } from '../engine/pending-client.js';
import { type Hide, shownKeyHider } from '../engine/shown-key.js';
import { streamTurn } from '../engine/turn.js';
import type { MessageParam, TurnSettings } from '../engine/types.js';
import type { PromptHistory } from '../journal/prompt-history.js';
import { continueFrom, type ResumedSession } from '../journal/resume.js';
import type { Journal } from '../journal/session-journal.js';
import type { OfflineServer } from '../offline/server.js';
import { newCell } from '../store/cell.js';
import { stateBefore } from '../store/fork.js';
import { isStreaming, type SessionState, type Toast } from '../store/session-state.js';
import type { SessionStore } from '../store/session-store.js';
import { conversationCleared, turnStarted } from '../store/turn-updates.js';
import type { SessionParts } from './session-parts.js';
import { turnSink } from './turn-sink.js';

/**
 * The notebook's actions: everything that changes the conversation goes through here, so
 * views only render the store and commands only call these.
 */
export class Session {
  readonly store: SessionStore;
  #client: Anthropic | PendingClient;
  readonly #offline: OfflineServer | null;
  /** Hides the key in a line about to be shown, for renderers that can make it again (shown-key.ts). */
  readonly hide: Hide;
  #abort: AbortController | null = null;
  #running: Promise<void> = Promise.resolve();
  #toastId = 0;
  /** Bumped by /clear, so a turn still ending from before it changes nothing. */
  #conversation = 0;
  /** The history the last turn was sent after, for /retry to replace that turn. */
  #before: MessageParam[] = [];
  /** Where the session is saved as it happens; null with --no-save. */
  readonly journal: Journal | null;
  /** Where each prompt sent is kept for later runs' recall; null when none is. */
  readonly #prompts: Pick<PromptHistory, 'add'> | null;
  /** Where saved sessions are, for /sessions (known with --no-save too, which only stops writing). */
  readonly stateDir: string | null;

  constructor(
    store: SessionStore,
    client: Anthropic | PendingClient,
    offline: OfflineServer | null,
    { journal = null, before = [], prompts = null, stateDir = null }: SessionParts = {},
  ) {
    this.store = store;
    this.#client = client;
    if (client instanceof PendingClient) client.ready.then((ready) => (this.#client = ready)).catch(() => {});
    this.#offline = offline;
    this.hide = shownKeyHider(client.apiKey);
    this.journal = journal;
    this.#before = before;
    this.#prompts = prompts;
    this.stateDir = stateDir;
  }

  get state(): SessionState {
    return this.store.getSnapshot();
  }

  /** The built-in API's controls for commands (step mode); null when answers are live. */
  get offline(): Pick<OfflineServer, 'steps'> | null {
    return this.#offline;
  }

  /** Sends a prompt as a new cell; refused (with a toast) while a reply streams. */
  submit(prompt: string): boolean {
    const text = prompt.trim();
    if (!text) return false;
    return this.#send(text, this.state.history, null);
  }

  /**
   * Sends `text` after `history`. A cell that `replaces` another stays on screen, marked, and
   * its turn is out of the history: `history` is the one from before it.
   */
  #send(text: string, history: MessageParam[], replaces: number | null): boolean {
    if (this.#busy()) return false;
    const state = this.state;
    const id = (state.cells.at(-1)?.id ?? 0) + 1;
    // The cell (and so its file and exports) never holds the key, even pasted into the
    // prompt; the request sends the prompt as typed.
    const cell = newCell(id, this.hide(text), state.settings, state.scenario);
    const messages = withPrompt(history, text);
    this.#before = history;
    // The store owns the scenario; the offline server hears of it as each turn starts.
    this.#offline?.setScenario(state.scenario ?? 'chat');
    const abort = new AbortController();
    this.#abort = abort;
    this.store.update((s) => turnStarted(s, cell, replaces));
    this.journal?.turnStarted(cell, replaces, messages);
    this.#prompts?.add(cell.prompt);
    const conversation = this.#conversation;
    const { apply, broke } = turnSink(this, {
      id,
      messages,
      abort,
      current: () => conversation === this.#conversation,
    });
    const request = { messages, settings: cell.settings, signal: abort.signal };
    const stream = (client: Anthropic) => streamTurn({ ...request, client }, apply);
    this.#running = withClient(this.#client, stream)
      .then(() => {}, broke)
      .then(() => {
        if (this.#abort === abort) this.#abort = null;
      });
    return true;
  }

  /** Stops the streaming reply; its partial text stays and the cell says "interrupted". */
  interrupt(): boolean {
    if (!this.#abort || !isStreaming(this.state)) return false;
    this.#abort.abort();
    return true;
  }

  /** Resolves when the current turn (if any) has ended and been recorded. */
  settled(): Promise<void> {
    return this.#running;
  }

  /**
   * Sends the last prompt again. A turn that did not complete is replaced: the request is
   * the history from before it, so the conversation never holds the prompt twice.
   */
  retry(): boolean {
    const last = this.state.cells.at(-1);
    if (!last) {
      this.toast('Nothing to retry yet.', 'warning');
      return false;
    }
    if (last.status === 'complete' || last.status === 'streaming') return this.submit(last.prompt);
    return this.#send(last.prompt, this.#before, last.id);
  }

  /**
   * Sends `prompt` as cell `n` again (/rerun, /edit), after the history before it. It forks:
   * cells from n on leave the screen, the turn goes to a new session holding the cells before
   * n (one /retry replaced with n stays out of the history there too); the old one is kept.
   */
  forkAt(n: number, prompt: string): boolean {
    if (this.#busy()) return false;
    const text = prompt.trim();
    if (!text || !this.state.cells.some((cell) => cell.id === n)) return false;
    const parent = this.journal?.id ?? null;
    this.journal?.fork(n);
    this.#conversation++;
    this.store.update((s) => ({ ...stateBefore(s, n), editing: null }));
    const replaced = this.state.cells.find((cell) => cell.replacedBy === n)?.id ?? null;
    if (!this.#send(text, this.state.history, replaced)) return false;
    if (parent) this.toast(`forked from session ${parent} at cell ${n}; that session is kept as it was`);
    return true;
  }

  /** /edit: puts cell n's prompt in the input; sending it forks at n (Esc cancels). */
  editCell(n: number): boolean {
    const cell = this.state.cells.find((c) => c.id === n);
    if (!cell) return false;
    const id = (this.state.editing?.id ?? 0) + 1;
    this.store.update((s) => ({ ...s, editing: { cell: n, text: cell.prompt, id } }));
    return true;
  }

  cancelEdit(): void {
    if (this.state.editing) this.store.update((s) => ({ ...s, editing: null }));
  }

  /** A new conversation: the cells, the history and the token totals go; the settings stay. */
  clear(): void {
    this.interrupt();
    this.#conversation++;
    this.#before = [];
    this.journal?.cleared();
    this.store.update(conversationCleared);
  }

  /**
   * Goes on with a saved session (Enter in /sessions), as --resume would have: its cells,
   * history and settings replace these (flags still win), and the next turns are appended to
   * its file. The session left stays as it was. Refused (with a toast) while a reply streams.
   */
  open(resumed: ResumedSession): boolean {
    if (this.#busy()) return false;
    this.#conversation++;
    this.#before = resumed.before;
    this.journal?.resumed(resumed.id);
    this.store.update((s) => ({
      ...continueFrom(conversationCleared(s), resumed),
      promptHistory: s.promptHistory,
    }));
    return true;
  }

  /** True, with a toast saying why, while a reply streams: nothing else may start then. */
  #busy(): boolean {
    const busy = isStreaming(this.state);
    if (busy) this.toast('A reply is still streaming: Esc interrupts it.', 'warning');
    return busy;
  }

  /** Settings for the next turns; `source` (a /command) is recorded for each one changed. */
  setSettings(change: Partial<TurnSettings>, source?: SettingSource): void {
    const sources = source ? Object.fromEntries(Object.keys(change).map((name) => [name, source])) : {};
    this.store.update((s) => ({
      ...s,
      settings: { ...s.settings, ...change },
      settingSources: { ...s.settingSources, ...sources },
    }));
  }

  /** Offline only: the scenario for the next turns; the server throws on one it can't play. */
  setScenario(name: string): void {
    this.#offline?.setScenario(name);
    this.store.update((s) => ({ ...s, scenario: name }));
  }

  toast(text: string, tone: Toast['tone'] = 'info'): void {
    const id = ++this.#toastId;
    this.store.update((s) => ({ ...s, toast: { id, text, tone } }));
  }

  dismissToast(id: number): void {
    if (this.state.toast?.id === id) this.store.update((s) => ({ ...s, toast: null }));
  }

  view(change: (view: SessionState['view']) => Partial<SessionState['view']>): void {
    this.store.update((s) => ({ ...s, view: { ...s.view, ...change(s.view) } }));
  }

  /** Ctrl+T and /timeline: shows or hides the timeline pane; hiding it takes the focus off it. */
  toggleTimeline(): void {
    this.view((view) => ({
      timelineShown: !view.timelineShown,
      focus: view.focus === 'timeline' ? 'prompt' : view.focus,
    }));
  }

  timeline(change: (timeline: SessionState['timeline']) => Partial<SessionState['timeline']>): void {
    this.store.update((s) => ({ ...s, timeline: { ...s.timeline, ...change(s.timeline) } }));
  }

  /** Asks to quit: `key` pressed again quits (null takes the question back). */
  armQuit(key: string | null): void {
    this.store.update((s) => ({ ...s, quitArmed: key }));
  }
}
