import { shown } from '../config/shown.js';
import type { RequestRecord } from '../offline/request-record.js';

/**
 * One request as a line of the server's log on stderr: when it came, what it asked, which
 * scenario answered and how. The method, path and scenario are the client's words: shown, so
 * no control character acts on the terminal and no line break forges a line.
 */
export function logLine(record: RequestRecord, at: Date): string {
  const status = record.status === null ? 'no response' : String(record.status);
  const events = record.events === 1 ? '1 event' : `${record.events} events`;
  const parts = [
    at.toISOString(),
    shown(record.method),
    shown(record.path),
    record.scenario === null ? '-' : shown(record.scenario),
    status,
    events,
    `${Math.round(record.durationMs)} ms`,
  ];
  if (!record.complete && record.status !== null) parts.push('(cut short)');
  return parts.join(' ');
}
