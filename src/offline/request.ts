import { estimateTokens } from './tokens.js';

type ContentBlock = { type?: unknown } & Record<string, unknown>;

interface RequestMessage {
  role: string;
  content: string | readonly ContentBlock[];
}

/** A Messages API request body that passed validation. */
export interface OfflineRequest {
  model: string;
  maxTokens: number;
  stream: boolean;
  messages: readonly RequestMessage[];
  /** The thinking budget when the request enables extended thinking, else null. */
  thinkingBudget: number | null;
  body: Readonly<Record<string, unknown>>;
}

export type ParsedRequest = { ok: true; request: OfflineRequest } | { ok: false; message: string };

/**
 * Checks a body the way the API does, with its wording where we know it. A count_tokens body
 * has no max_tokens (`forCount`); it is then taken as 1, which nothing there reads.
 */
export function parseRequest(text: string, forCount = false): ParsedRequest {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return invalid(`Request body is not valid JSON: ${(error as Error).message}`);
  }
  if (!isRecord(body)) return invalid('Request body must be a JSON object');

  const { model, messages } = body;
  const maxTokens = forCount ? 1 : body.max_tokens;
  if (model === undefined) return invalid('model: Field required');
  if (typeof model !== 'string' || model === '') return invalid('model: Input should be a non-empty string');
  if (maxTokens === undefined) return invalid('max_tokens: Field required');
  if (typeof maxTokens !== 'number' || !Number.isInteger(maxTokens)) {
    return invalid('max_tokens: Input should be a valid integer');
  }
  if (maxTokens < 1) return invalid('max_tokens: Input should be greater than or equal to 1');
  if (messages === undefined) return invalid('messages: Field required');
  if (!Array.isArray(messages)) return invalid('messages: Input should be a valid list');
  if (messages.length === 0) return invalid('messages: at least one message is required');

  for (const [index, message] of messages.entries()) {
    const problem = messageProblem(message, index, index === messages.length - 1);
    if (problem) return invalid(problem);
  }

  return {
    ok: true,
    request: {
      model,
      maxTokens,
      stream: body.stream === true,
      messages: messages as RequestMessage[],
      thinkingBudget: thinkingBudgetOf(body.thinking),
      body,
    },
  };
}

function messageProblem(message: unknown, index: number, isLast: boolean): string | null {
  if (!isRecord(message)) return `messages.${index}: Input should be a valid dictionary`;
  if (typeof message.role !== 'string') return `messages.${index}.role: Field required`;
  const { content } = message;
  if (typeof content !== 'string' && !Array.isArray(content)) {
    return `messages.${index}.content: Input should be a valid string or list of content blocks`;
  }
  // A trailing assistant message may be empty: it is the prefill the reply continues from.
  if (content.length === 0 && !(isLast && message.role === 'assistant')) {
    return `messages.${index}: all messages must have non-empty content except for the optional final assistant message`;
  }
  if (typeof content === 'string') return null;
  for (const block of content) {
    if (!isRecord(block)) return `messages.${index}.content: Input should be a valid list of content blocks`;
    if (block.type !== 'text') continue;
    if (typeof block.text !== 'string' || block.text === '') {
      return 'messages: text content blocks must be non-empty';
    }
    if (block.text.trim() === '') return 'messages: text content blocks must contain non-whitespace text';
  }
  return null;
}

function thinkingBudgetOf(thinking: unknown): number | null {
  if (!isRecord(thinking) || thinking.type !== 'enabled') return null;
  return typeof thinking.budget_tokens === 'number' ? thinking.budget_tokens : null;
}

/** The text of the last user turn, tool results included, which is what the reply is about. */
export function lastUserText(request: OfflineRequest): string {
  const last = [...request.messages].reverse().find((message) => message.role === 'user');
  return last ? textOf(last.content) : '';
}

/** True when the last message hands back a tool's result, so the model should answer with it. */
export function endsWithToolResult(request: OfflineRequest): boolean {
  const last = request.messages.at(-1);
  return !!last && typeof last.content !== 'string' && last.content.some((b) => b.type === 'tool_result');
}

/** A rough input token count, close to the API's for short prompts (message framing included). */
export function estimateInputTokens(request: OfflineRequest): number {
  const system = request.body.system === undefined ? '' : textOf(request.body.system);
  const tools = request.body.tools === undefined ? '' : JSON.stringify(request.body.tools);
  const messages = request.messages.map((message) => textOf(message.content)).join('\n');
  return estimateTokens(system + messages + tools) + 3 * request.messages.length + 4;
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((block: unknown) => {
      if (!isRecord(block)) return '';
      if (block.type === 'text' && typeof block.text === 'string') return block.text;
      if (block.type === 'tool_result') return textOf(block.content);
      return JSON.stringify(block);
    })
    .join('\n');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(message: string): ParsedRequest {
  return { ok: false, message };
}
