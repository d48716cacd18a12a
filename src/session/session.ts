import type Anthropic from '@anthropic-ai/sdk';
import type { SettingSource } from '../config/setting-source.js';
import { withPrompt } from '../engine/history.js';
import { type Hide, shownKeyHider } from '../engine/shown-key.js';
import { streamTurn } from '../engine/turn.js';
import type { MessageParam, TurnSettings, TurnUpdate } from '../engine/types.js';
import type { Journal } from '../journal/session-journal.js';
import type { OfflineServer } from '../offline/server.js';
import type { StepGate } from '../offline/step-gate.js';
import { newCell } from '../store/cell.js';
import { isStreaming, type SessionState, type Toast } from '../store/session-state.js';
import type { SessionStore } from '../store/session-store.js';
import {
  conversationCleared,
  turnBroke,
  turnEnded,
  turnStarted,
  turnUpdated,
} from '../store/turn-updates.js';
import { oneLine } from '../terminal/one-line.js';

/**
 * The notebook's actions: everything that changes the conversation goes through here, so
 * views only render the store and commands only call these.
 */
export class Session {
  readonly store: SessionStore;
  readonly #client: Anthropic;
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

  constructor(
    store: SessionStore,
    client: Anthropic,
    offline: OfflineServer | null,
    { journal = null, before = [] }: { journal?: Journal | null; before?: MessageParam[] } = {},
  ) {
    this.store = store;
    this.#client = client;
    this.#offline = offline;
    this.hide = shownKeyHider(client.apiKey);
    this.journal = journal;
    this.#before = before;
  }

  get state(): SessionState {
    return this.store.getSnapshot();
  }

  get offline(): boolean {
    return this.#offline !== null;
  }

  /** Offline only: step mode, a reply one event at a time (/step). */
  get steps(): StepGate | null {
    return this.#offline?.steps ?? null;
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
    if (isStreaming(this.state)) {
      this.toast('A reply is still streaming: Esc interrupts it.', 'warning');
      return false;
    }
    const state = this.state;
    const id = (state.cells.at(-1)?.id ?? 0) + 1;
    const cell = newCell(id, text, state.settings, state.scenario);
    const messages = withPrompt(history, text);
    this.#before = history;
    // The store owns the scenario; the offline server hears of it as each turn starts.
    this.#offline?.setScenario(state.scenario ?? 'chat');
    const abort = new AbortController();
    this.#abort = abort;
    this.store.update((s) => turnStarted(s, cell, replaces));
    this.journal?.turnStarted(cell, replaces, messages);
    const request = { client: this.#client, messages, settings: cell.settings, signal: abort.signal };
    const conversation = this.#conversation;
    let broken = false;
    // Whatever throws while a turn runs (the engine, or the store taking an update) ends that
    // turn's cell as failed; the session, its other cells and the next prompt carry on.
    const broke = (error: unknown) => {
      if (broken || conversation !== this.#conversation) return;
      broken = true;
      abort.abort();
      const text = brokenTurnText(error);
      this.journal?.broke(id, text);
      this.store.update((s) => turnBroke(s, id, text));
    };
    const apply = (update: TurnUpdate) => {
      // A turn cut short by /clear belongs to a conversation that is gone.
      if (broken || conversation !== this.#conversation) return;
      try {
        this.journal?.update(id, update);
        // The outcome reaches the store once, with the `end` update, and is shown at once.
        if (update.type === 'end') this.store.update((s) => turnEnded(s, id, messages, update.outcome));
        else this.store.update((s) => turnUpdated(s, id, update), 'batched');
      } catch (error) {
        broke(error);
      }
    };
    this.#running = streamTurn(request, apply)
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

  /** A new conversation: the cells, the history and the token totals go; the settings stay. */
  clear(): void {
    this.interrupt();
    this.#conversation++;
    this.#before = [];
    this.journal?.cleared();
    this.store.update(conversationCleared);
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

  /** Offline only: the scenario that answers the next turns; the server refuses one it can't play (throws). */
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

/** The one line a turn that broke inside streambook ends with. */
function brokenTurnText(error: unknown): string {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return oneLine(
    `streambook failed on this reply (${reason.slice(0, 200)}); the session is kept: /retry sends it again`,
  );
}
