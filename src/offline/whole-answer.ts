import type { ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { streamEvents } from './events.js';
import { sendError, sendJson } from './json-response.js';
import { finalMessage, type ResponseMeta } from './message.js';
import type { Schedule } from './pace.js';
import type { MessagePlan } from './plan.js';

export interface WholeAnswer {
  answer: MessagePlan;
  meta: ResponseMeta;
  requestId: string;
  schedule: Schedule;
  /** performance.now() when the request arrived. */
  startedAt: number;
}

/** A `stream: false` answer: the message the stream would have built, sent when the stream would have ended. */
export async function answerWhole(res: ServerResponse, whole: WholeAnswer): Promise<void> {
  const { answer, meta, requestId } = whole;
  const interruption = answer.interruption;
  if (interruption) {
    switch (interruption.kind) {
      case 'drop':
        res.destroy();
        return;
      case 'error_event':
        // Without a stream to break, the same failure can only be an HTTP error.
        return sendError(res, requestId, interruption.error);
      case 'no_stop':
      case 'malformed':
        // Faults of the event stream itself; a whole response has neither.
        break;
      default: {
        const unreachable: never = interruption;
        throw new Error(`unknown interruption ${JSON.stringify(unreachable)}`);
      }
    }
  }
  const gone = new AbortController();
  res.once('close', () => gone.abort());
  try {
    await sleep(generationTime(whole), undefined, { signal: gone.signal });
  } catch {
    return;
  }
  sendJson(res, 200, finalMessage(answer, meta), requestId);
}

function generationTime({ answer, meta, schedule, startedAt }: WholeAnswer): number {
  let due = 0;
  for (const { event } of streamEvents(answer, meta)) due = schedule.dueAt(event) ?? due;
  return Math.max(0, startedAt + due - performance.now());
}
