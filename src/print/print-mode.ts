import type Anthropic from '@anthropic-ai/sdk';
import type { OutputFormat } from '../config/config.js';
import { withPrompt } from '../engine/history.js';
import { describeRetryWait } from '../engine/retry-policy.js';
import { shownKeyHider } from '../engine/shown-key.js';
import { streamTurn } from '../engine/turn.js';
import type { MessageParam, TurnOutcome, TurnSettings } from '../engine/types.js';
import { outcomeJson } from '../export/message-json.js';
import type { Journal } from '../journal/session-journal.js';
import { newCell } from '../store/cell.js';
import { escapeControlsForJson, neutralize } from '../terminal/neutralize.js';
import { BatchedOutput } from './batched-output.js';

/** Where print mode writes: stdout gets only the requested output. */
export interface PrintTarget {
  write(chunk: string): void;
  /** True when a person's terminal is on the other end (then model text is neutralized). */
  isTTY: boolean;
}

export interface PrintRequest {
  client: Anthropic;
  settings: TurnSettings;
  prompt: string;
  format: OutputFormat;
  stdout: PrintTarget;
  signal?: AbortSignal;
  /** Where print mode says what it is doing that is not output (a retry wait), as one line. */
  notice?: (line: string) => void;
  /** The conversation this prompt follows (-c, -r); empty for a new one. */
  history?: readonly MessageParam[];
  /** Where the turn is saved, as cell `cell` of its session; absent with --no-save. */
  journal?: { journal: Journal; cell: number; scenario: string | null } | undefined;
  /** Where the prompt is kept for the notebook's Up and Ctrl+R; absent with --no-save. */
  prompts?: { add(prompt: string): void } | null;
}

/**
 * One turn without the UI, following `claude -p`: text streams the text deltas, json prints
 * the final message (or the partial one with an `error`, see outcomeJson), stream-json prints
 * each wire event's data exactly as received.
 */
export async function runPrint({
  client,
  settings,
  prompt,
  format,
  stdout,
  signal,
  notice,
  history = [],
  journal,
  prompts,
}: PrintRequest): Promise<TurnOutcome> {
  const out = new BatchedOutput((chunk) => stdout.write(chunk));
  // On a terminal, nothing from the network may act as a control sequence; in a pipe the
  // output is exactly what came. Each piece is made safe alone, as it came, before it is batched.
  const writeText = stdout.isTTY ? (text: string) => out.write(neutralize(text)) : out.write.bind(out);
  const writeJson = stdout.isTTY
    ? (json: string) => out.write(escapeControlsForJson(json))
    : out.write.bind(out);
  let wroteText = false;
  const messages = withPrompt(history, prompt);
  const request = { client, messages, settings, ...(signal ? { signal } : {}) };
  const saved = journal;
  // What is saved never holds the key, even pasted into the prompt; the request is as typed.
  const hide = shownKeyHider(client.apiKey);
  saved?.journal.turnStarted(newCell(saved.cell, hide(prompt), settings, saved.scenario), null, messages);
  prompts?.add(hide(prompt));
  const outcome = await streamTurn(request, (update) => {
    saved?.journal.update(saved.cell, update);
    // A wait the script would otherwise sit through in silence.
    if (update.type === 'retry_wait') {
      out.flush();
      notice?.(describeRetryWait(update.wait, Math.ceil(update.wait.waitMs / 1000)));
    }
    if (format === 'text' && update.type === 'text') {
      writeText(update.text);
      wroteText ||= update.text.length > 0;
    } else if (format === 'stream-json' && update.type === 'wire') {
      writeJson(`${update.event.data}\n`);
    }
  });
  if (format === 'text' && wroteText) out.write('\n');
  if (format === 'json') {
    // A turn that fails or is interrupted still writes what arrived, with the reason beside it.
    const json = outcomeJson(outcome.message, outcome.status, outcome.error, outcome.metrics.usageFinal);
    if (json) writeJson(`${JSON.stringify(json)}\n`);
  }
  out.flush();
  return outcome;
}
