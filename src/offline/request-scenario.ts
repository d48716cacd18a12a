import type { OfflineRequest } from './request.js';

/** The header a client sets to pick the scenario of one request, without restarting the server. */
export const SCENARIO_HEADER = 'x-streambook-scenario';

// `[scenario:tool-use] What's the weather?`: a name without spaces or brackets, then the prompt.
const PREFIX = /^\s*\[scenario:([^\]\s]{1,200})\]\s*/;

/** Where a request's own scenario came from, if it named one. */
export interface RequestScenario {
  /** The scenario as named (`tool-use`, `long:50`, `replay:ID:N`), or null for the server's own. */
  name: string | null;
  from: 'header' | 'prompt' | null;
  /** The request as the scenario sees it: every prompt's prefix taken off. */
  request: OfflineRequest;
}

type Message = OfflineRequest['messages'][number];

/**
 * The scenario a request asks for: the header's, else the prefix of its latest prompt (a tool
 * result is no prompt, so a tool round trip stays in the scenario that asked for the tool). The
 * prefix is taken off every prompt either way: the conversation carries it from earlier turns.
 */
export function requestScenario(
  header: string | string[] | undefined,
  request: OfflineRequest,
): RequestScenario {
  const named = typeof header === 'string' ? header.trim() : undefined;
  const latest = request.messages.findLastIndex(isPrompt);
  let prefixed: string | null = null;
  const messages = request.messages.map((message, index) => {
    if (message.role !== 'user') return message;
    const { name, stripped } = withoutPrefix(message);
    if (index === latest) prefixed = name;
    return stripped;
  });
  const changed = messages.some((message, index) => message !== request.messages[index]);
  const seen = changed ? { ...request, messages, body: { ...request.body, messages } } : request;
  if (named) return { name: named, from: 'header', request: seen };
  if (prefixed !== null) return { name: prefixed, from: 'prompt', request: seen };
  return { name: null, from: null, request: seen };
}

/** A user message that says something: not only tool results handed back. */
function isPrompt(message: Message): boolean {
  if (message.role !== 'user') return false;
  return typeof message.content === 'string' || message.content.some((block) => block.type !== 'tool_result');
}

/** The message without the prefix of its text (its first text block), and the name it gave. */
function withoutPrefix(message: Message): { name: string | null; stripped: Message } {
  const { content } = message;
  if (typeof content === 'string') {
    const match = PREFIX.exec(content);
    return match
      ? { name: match[1] as string, stripped: { ...message, content: content.slice(match[0].length) } }
      : { name: null, stripped: message };
  }
  const at = content.findIndex((block) => block.type === 'text');
  const block = content[at];
  const match = block && typeof block.text === 'string' ? PREFIX.exec(block.text) : null;
  if (!block || !match) return { name: null, stripped: message };
  const text = (block.text as string).slice(match[0].length);
  const blocks = content.map((b, index) => (index === at ? { ...b, text } : b));
  return { name: match[1] as string, stripped: { ...message, content: blocks } };
}
