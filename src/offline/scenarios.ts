import type { StopReason } from '@anthropic-ai/sdk/resources/messages';
import { answersFor, replyTo, replyToWeatherReport } from './corpus.js';
import type { ApiError } from './errors.js';
import type { MessagePlan, Plan, PlannedBlock } from './plan.js';
import { hashString, opaqueString, type Random, seededRandom } from './random.js';
import { endsWithToolResult, lastUserText, type OfflineRequest } from './request.js';
import type { Scenario } from './scenario-names.js';
import { splitIntoPieces } from './tokens.js';
import { webSearchExchange } from './web-search.js';

export interface PlanContext {
  request: OfflineRequest;
  /** The SDK's retry count for this request (its x-stainless-retry-count header): 0 first. */
  attempt: number;
  retryAfterMs: number;
}

const OVERLOADED: ApiError = { type: 'overloaded_error', message: 'Overloaded' };

/** What the scenario answers to this request, before max_tokens is applied. */
export function planFor(scenario: Scenario, context: PlanContext): Plan {
  const { request, attempt } = context;
  const prompt = lastUserText(request);
  const random = seededRandom(hashString(`${scenario.name}\n${prompt}`));
  switch (scenario.name) {
    case 'chat':
      return chat(request, random);
    case 'long':
      return message([{ kind: 'text', pieces: longPieces(prompt, scenario.deltas) }], 'end_turn');
    case 'thinking': {
      const reply = replyTo(prompt);
      return message([thinkingBlock(reply.thinking, random), textBlock(reply.text)], 'end_turn');
    }
    case 'tool-use':
      return toolUse(request, random);
    case 'server-tool':
      return {
        ...message(webSearchExchange(queryFrom(prompt), random), 'end_turn'),
        serverToolUse: { web_search_requests: 1 },
      };
    case 'refusal':
      return {
        ...message(
          [textBlock("I can help with a lot of things, but I'm not able to continue with")],
          'refusal',
        ),
        stopDetails: { type: 'refusal', category: null, explanation: null },
      };
    case 'max-tokens':
      // Always longer than the request allows, so the cut is sure to happen.
      return message([{ kind: 'text', pieces: longPieces(prompt, request.maxTokens + 25) }], 'end_turn');
    case 'overloaded':
      return {
        ...chat(request, random),
        interruption: { kind: 'error_event', afterDeltas: 5, error: OVERLOADED },
      };
    case 'rate-limit':
      return attempt === 0 ? rateLimited(context.retryAfterMs) : chat(request, random);
    case 'overloaded-529':
      return attempt === 0
        ? { kind: 'http_error', error: OVERLOADED, headers: retryAfter(context.retryAfterMs) }
        : chat(request, random);
    case 'unauthorized':
      return { kind: 'http_error', error: { type: 'authentication_error', message: 'invalid x-api-key' } };
    case 'dropped':
      return { ...chat(request, random), interruption: { kind: 'drop', afterEvents: 10 } };
    case 'no-stop':
      return { ...chat(request, random), interruption: { kind: 'no_stop' } };
    case 'malformed':
      return { ...chat(request, random), interruption: { kind: 'malformed', atDelta: 4 } };
    case 'unknown-event':
      return unknownTypes(prompt);
    default: {
      const unreachable: never = scenario;
      throw new Error(`unknown scenario ${JSON.stringify(unreachable)}`);
    }
  }
}

function chat(request: OfflineRequest, random: Random): MessagePlan {
  const reply = replyTo(lastUserText(request));
  const thinking = request.thinkingBudget === null ? [] : [thinkingBlock(reply.thinking, random)];
  return message([...thinking, textBlock(reply.text)], 'end_turn');
}

function toolUse(request: OfflineRequest, random: Random): MessagePlan {
  const prompt = lastUserText(request);
  if (endsWithToolResult(request)) return message([textBlock(replyToWeatherReport(prompt))], 'end_turn');
  const location = locationIn(prompt) ?? 'San Francisco, CA';
  return message(
    [
      textBlock(`I'll check the current weather in ${location} for you.`),
      {
        kind: 'tool_use',
        type: 'tool_use',
        id: `toolu_01${opaqueString(22, random)}`,
        name: 'get_weather',
        input: { location, unit: 'celsius' },
      },
    ],
    'tool_use',
  );
}

function rateLimited(retryAfterMs: number): Plan {
  return {
    kind: 'http_error',
    error: {
      type: 'rate_limit_error',
      message:
        'This request would exceed the rate limit for your organization of 50 requests per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits.',
    },
    headers: {
      ...retryAfter(retryAfterMs),
      'anthropic-ratelimit-requests-limit': '50',
      'anthropic-ratelimit-requests-remaining': '0',
    },
  };
}

function retryAfter(ms: number): Record<string, string> {
  // retry-after is whole seconds by the HTTP spec; the SDK prefers the finer retry-after-ms.
  return { 'retry-after': String(Math.max(1, Math.ceil(ms / 1000))), 'retry-after-ms': String(ms) };
}

function unknownTypes(prompt: string): MessagePlan {
  return {
    ...message(
      [
        textBlock(replyTo(prompt).text),
        {
          kind: 'whole',
          block: {
            type: 'future_widget',
            id: 'fw_1',
            payload: { kind: 'progress', label: 'Summarizing', value: 0 },
          },
          deltas: [
            { type: 'future_widget_delta', patch: '{"value":0.5}' },
            { type: 'future_widget_delta', patch: '{"value":1}' },
          ],
        },
      ],
      'end_turn',
    ),
    extraEvents: [
      {
        afterBlock: 0,
        event: 'content_block_annotation',
        data: { type: 'content_block_annotation', index: 0, annotation: { kind: 'confidence', value: 0.92 } },
      },
    ],
  };
}

const DEFAULT_LONG_DELTAS = 600;

/** Exactly `deltas` pieces when asked for; otherwise whole answers up to about 600 pieces. */
function longPieces(prompt: string, deltas: number | null): string[] {
  const target = deltas ?? DEFAULT_LONG_DELTAS;
  const pieces: string[] = [];
  for (const answer of answersFor(prompt)) {
    if (pieces.length > 0) pieces.push('\n\n');
    for (const piece of splitIntoPieces(answer)) pieces.push(piece);
    if (pieces.length >= target) break;
  }
  return deltas === null ? pieces : pieces.slice(0, deltas);
}

function thinkingBlock(text: string, random: Random): PlannedBlock {
  return { kind: 'thinking', pieces: splitIntoPieces(text), signature: `Ep4B${opaqueString(176, random)}` };
}

function textBlock(text: string): PlannedBlock {
  return { kind: 'text', pieces: splitIntoPieces(text) };
}

function message(content: PlannedBlock[], stopReason: StopReason): MessagePlan {
  return { kind: 'message', content, stopReason };
}

function locationIn(prompt: string): string | null {
  return /\b(?:in|for|at)\s+(\p{Lu}\p{L}+(?:[ -]\p{Lu}\p{L}+)*)/u.exec(prompt)?.[1] ?? null;
}

function queryFrom(prompt: string): string {
  const words = prompt.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean).slice(0, 10);
  return words.length > 0 ? words.join(' ') : 'how does streaming work in the Messages API';
}
