import type { TurnSettings } from '../engine/types.js';

/** What the tap reads of a request to file it as a turn: never what it forwards. */
export interface ExchangeRequest {
  /** The cell's prompt: the last user message's text, or the method and path of another endpoint. */
  prompt: string;
  settings: TurnSettings;
  /** A streaming Messages request: its answer is recorded event by event. */
  streamed: boolean;
}

/** Settings a request that names none is filed with (count_tokens, models, a bad body). */
const UNKNOWN: TurnSettings = { model: 'unknown', maxTokens: 0, mode: 'raw' };

/**
 * The turn a request makes. A client's body is its own affair: whatever it holds (bad JSON,
 * odd types), the request is forwarded as it is and filed with what could be read of it.
 */
export function exchangeRequest(method: string, path: string, body: string): ExchangeRequest {
  const messages = path === '/v1/messages';
  let fields: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      fields = parsed as Record<string, unknown>;
  } catch {}
  return {
    prompt: (messages && lastUserText(fields.messages)) || `${method} ${path}`,
    settings: settingsOf(fields),
    streamed: messages && fields.stream === true,
  };
}

function settingsOf(fields: Record<string, unknown>): TurnSettings {
  const settings: TurnSettings = {
    ...UNKNOWN,
    ...(typeof fields.model === 'string' ? { model: fields.model } : {}),
    ...(typeof fields.max_tokens === 'number' ? { maxTokens: fields.max_tokens } : {}),
  };
  const system = textOf(fields.system);
  if (system) settings.system = system;
  if (typeof fields.temperature === 'number') settings.temperature = fields.temperature;
  const thinking = fields.thinking as { budget_tokens?: unknown } | undefined;
  if (typeof thinking?.budget_tokens === 'number') settings.thinkingBudget = thinking.budget_tokens;
  return settings;
}

/** The text of the conversation's last user message; a tool result alone is named as such. */
function lastUserText(messages: unknown): string {
  if (!Array.isArray(messages)) return '';
  const last = [...messages].reverse().find((m) => (m as { role?: unknown })?.role === 'user') as
    | { content?: unknown }
    | undefined;
  if (!last) return '';
  const text = textOf(last.content);
  if (text) return text;
  const types = Array.isArray(last.content)
    ? [...new Set(last.content.map((block) => String((block as { type?: unknown })?.type)))]
    : [];
  return types.length > 0 ? `[${types.join(', ')}]` : '';
}

/** A string, or the text blocks of a content list joined. */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .filter((block) => (block as { type?: unknown })?.type === 'text')
    .map((block) => String((block as { text?: unknown }).text ?? ''))
    .join('\n');
}
