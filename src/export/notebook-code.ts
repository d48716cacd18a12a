import { NO_TOOL_RESULT } from '../engine/history.js';
import type { MessageParam, TurnSettings } from '../engine/types.js';
import type { Cell } from '../store/cell.js';
import { pythonLiteral, pythonString } from './python-literal.js';

/*
 * The Python of an exported notebook, in the seeds' style: one client, the conversation kept
 * as a list of message dicts that each turn appends to, and each turn's call made as the turn
 * made it. Replies are kept as dicts too (what the API took back from streambook), so a tool
 * call's result can name its block's id in either mode.
 */

/** The first code cell: the key from .env, the client, the model, the conversation. */
export function setupCode(model: string): string {
  return [
    'import json',
    '',
    'from anthropic import Anthropic',
    'from dotenv import load_dotenv',
    '',
    '# Loads ANTHROPIC_API_KEY from .env',
    'load_dotenv()',
    '',
    'client = Anthropic()',
    `MODEL_NAME = ${pythonString(model)}`,
    '',
    'messages = []',
  ].join('\n');
}

/** A turn: its prompt appended, its request streamed (helper or raw, as it ran), its reply appended. */
export function turnCode(cell: Cell, model: string): string {
  const args = requestArguments(cell.settings, model);
  const call =
    cell.settings.mode === 'raw'
      ? [
          'stream = client.messages.create(',
          ...args,
          '    messages=messages,',
          '    stream=True,',
          ')',
          '',
          ...RAW_LOOP,
        ]
      : [
          'with client.messages.stream(',
          ...args,
          '    messages=messages,',
          ') as stream:',
          '    for text in stream.text_stream:',
          '        print(text, end="", flush=True)',
          '',
          'content = stream.get_final_message().to_dict()["content"]',
        ];
  return [
    ...userMessageCode(userMessage(cell)),
    '',
    ...call,
    '',
    '# An empty reply cannot be sent back.',
    'if content:',
    '    messages.append({"role": "assistant", "content": content})',
  ].join('\n');
}

/** The raw events made into the reply's blocks, as the SDK's helper does; the text is printed as it comes. */
const RAW_LOOP = [
  'content = []',
  'for event in stream:',
  '    if event.type == "content_block_start":',
  '        content.append(event.content_block.to_dict())',
  '    elif event.type == "content_block_delta":',
  '        block, delta = content[event.index], event.delta',
  '        if delta.type == "text_delta":',
  '            print(delta.text, end="", flush=True)',
  '            block["text"] += delta.text',
  '        elif delta.type == "thinking_delta":',
  '            block["thinking"] += delta.thinking',
  '        elif delta.type == "signature_delta":',
  '            block["signature"] = delta.signature',
  '        elif delta.type == "input_json_delta":',
  '            block["partial_json"] = block.get("partial_json", "") + delta.partial_json',
  '    elif event.type == "content_block_stop":',
  '        block = content[event.index]',
  '        if "partial_json" in block:',
  '            block["input"] = json.loads(block.pop("partial_json") or "{}")',
];

/** The request's settings as the turn sent them (turn.ts), one keyword argument a line. */
function requestArguments(settings: TurnSettings, model: string): string[] {
  const args = [
    `    model=${settings.model === model ? 'MODEL_NAME' : pythonString(settings.model)},`,
    `    max_tokens=${settings.maxTokens},`,
  ];
  if (settings.system) args.push(`    system=${pythonString(settings.system)},`);
  if (settings.temperature !== undefined) args.push(`    temperature=${settings.temperature},`);
  if (settings.thinkingBudget !== undefined)
    args.push(`    thinking={"type": "enabled", "budget_tokens": ${settings.thinkingBudget}},`);
  return args;
}

/**
 * The user message appended. After a reply that called tools it began with a result for each
 * call (streambook runs none: see history.ts); those are made from the reply this notebook
 * got, whose ids are not the recorded ones.
 */
function userMessageCode(message: MessageParam): string[] {
  const content = message.content;
  if (!Array.isArray(content) || content[0]?.type !== 'tool_result')
    return [`messages.append(${pythonLiteral(message)})`];
  const rest = content.filter((block) => block.type !== 'tool_result');
  return [
    '# streambook runs no tools: each tool call of the reply gets an error result, as the turn sent.',
    'tool_results = [',
    `    {"type": "tool_result", "tool_use_id": block["id"], "is_error": True, "content": ${pythonString(NO_TOOL_RESULT)}}`,
    '    for block in messages[-1]["content"]',
    '    if block["type"] == "tool_use"',
    ']',
    `messages.append({"role": "user", "content": [*tool_results, ${rest.map(pythonLiteral).join(', ')}]})`,
  ];
}

/**
 * The user message exactly as the turn sent it: the last of its request's messages (after a
 * tool call it carries the tool results too), else the prompt.
 */
function userMessage(cell: Cell): MessageParam {
  const body = cell.attempts[0]?.request?.body;
  try {
    const sent = (JSON.parse(body ?? '') as { messages?: MessageParam[] }).messages?.at(-1);
    if (sent?.role === 'user') return sent;
  } catch {
    // A body that is not JSON (it never is from the SDK): the prompt says the same.
  }
  return { role: 'user', content: cell.prompt };
}
