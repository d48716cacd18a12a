import { type HttpAttempt, KNOWN_EVENT_TYPES, type WireEvent } from '../../engine/types.js';
import { UNNAMED_EVENT } from '../../store/event-counts.js';
import type { TimelineDetail } from '../../store/session-state.js';
import { cutText, neutralize } from '../../terminal/neutralize.js';
import { oneLine } from '../../terminal/one-line.js';
import { shownJson } from './shown-json.js';

export interface TimelineRow {
  /** The wire event's seq; null for HTTP rows. */
  seq: number | null;
  /** What Enter opens: the event, or the HTTP attempt's request or response. */
  detail: TimelineDetail;
  t: number;
  kind: 'http' | 'event' | 'error' | 'unknown';
  name: string;
  index: string;
  deltaType: string;
  preview: string;
  /** How many wire events the row stands for (more than 1 when deltas are folded). */
  count: number;
}

const PREVIEW_CHARS = 80;

/** The event's name as shown: it comes from the network, so is made safe for the terminal. */
export function shownName(event: WireEvent): string {
  return oneLine(neutralize(event.event ?? UNNAMED_EVENT));
}

export function eventRow(event: WireEvent, name: string): TimelineRow {
  // `json` and `malformed` each parse the data when read: read once, and `malformed` only
  // where there is no JSON (a burst's 20k deltas were parsed three times each).
  const json = event.json;
  const malformed = json === undefined && event.malformed === true;
  const data = (json ?? {}) as Record<string, unknown>;
  const delta = data.delta as Record<string, unknown> | undefined;
  const kind = name === 'error' || malformed ? 'error' : KNOWN_EVENT_TYPES.has(name) ? 'event' : 'unknown';
  return {
    seq: event.seq,
    detail: event.seq,
    t: event.t,
    kind,
    name,
    index: typeof data.index === 'number' ? String(data.index) : '',
    deltaType:
      name === 'content_block_delta' && typeof delta?.type === 'string' ? neutralize(delta.type) : '',
    preview: malformed ? `malformed: ${clip(event.data)}` : preview(name, data),
    count: 1,
  };
}

function preview(name: string, data: Record<string, unknown>): string {
  switch (name) {
    case 'message_start': {
      const message = data.message as
        | { id?: string; model?: string; usage?: { input_tokens?: number } }
        | undefined;
      return clip(`${message?.id ?? ''} ${message?.model ?? ''} in=${message?.usage?.input_tokens ?? '?'}`);
    }
    case 'content_block_start': {
      const block = data.content_block as { type?: string; name?: string } | undefined;
      return clip(`${block?.type ?? '?'}${block?.name ? ` ${block.name}` : ''}`);
    }
    case 'content_block_delta': {
      const delta = (data.delta ?? {}) as Record<string, unknown>;
      const text =
        delta.text ?? delta.thinking ?? delta.partial_json ?? delta.signature ?? delta.citation ?? delta;
      return clip(shownJson(text));
    }
    case 'message_delta': {
      const delta = data.delta as { stop_reason?: string } | undefined;
      const usage = data.usage as { output_tokens?: number } | undefined;
      return clip(`${delta?.stop_reason ?? ''} out=${usage?.output_tokens ?? '?'}`);
    }
    case 'error': {
      const error = data.error as { type?: string; message?: string } | undefined;
      return clip(`${error?.type ?? ''}: ${error?.message ?? ''}`);
    }
    case 'content_block_stop':
    case 'message_stop':
    case 'ping':
      return '';
    default:
      return clip(shownJson(data));
  }
}

export function attemptRows(attempts: HttpAttempt[]): TimelineRow[] {
  return attempts.flatMap((a) => {
    const base = { seq: null, kind: 'http' as const, index: '', deltaType: '', count: 1 };
    const sent: TimelineRow = {
      ...base,
      detail: { attempt: a.attempt, part: 'request' },
      t: a.sentAt,
      name: a.attempt === 0 ? 'request' : 'retry',
      preview: `POST /v1/messages${a.attempt ? ` (attempt ${a.attempt + 1})` : ''}`,
    };
    if (a.respondedAt === undefined && !a.failure) return [sent];
    const details = [
      a.status !== undefined ? `HTTP ${a.status}` : `failed: ${a.failure ?? ''}`,
      a.requestId,
      a.retryAfterMs !== undefined ? `retry-after ${Math.round(a.retryAfterMs)} ms` : undefined,
    ].filter(Boolean);
    const failed = a.failure !== undefined || (a.status ?? 0) >= 400;
    return [
      sent,
      {
        ...base,
        kind: failed ? ('error' as const) : base.kind,
        detail: { attempt: a.attempt, part: 'response' as const },
        t: a.respondedAt ?? a.sentAt,
        name: 'response',
        // The request id and the failure come from the network.
        preview: clip(details.join(' · ')),
      },
    ];
  });
}

export function foldPreview(kept: string, added: string): string {
  if (kept.length >= PREVIEW_CHARS) return kept;
  const join =
    kept.endsWith('"') && added.startsWith('"')
      ? `${kept.slice(0, -1)}${added.slice(1)}`
      : `${kept} ${added}`;
  return clip(join);
}

function clip(text: string): string {
  // A row is one line: an error message's line break must not start another.
  const safe = oneLine(neutralize(text));
  return safe.length > PREVIEW_CHARS ? `${cutText(safe, PREVIEW_CHARS - 1)}…` : safe;
}
