import type {
  CitationsWebSearchResultLocation,
  WebSearchResultBlock,
} from '@anthropic-ai/sdk/resources/messages';
import type { PlannedBlock } from './plan.js';
import { opaqueString, type Random } from './random.js';
import { splitIntoPieces } from './tokens.js';

interface Source {
  url: string;
  title: string;
  pageAge: string | null;
  /** The passage an answer cites from this page. */
  passage: string;
}

// Canned pages about streaming: the offline server cannot search, and these match the demo answer.
const SOURCES = [
  {
    url: 'https://docs.anthropic.com/en/docs/build-with-claude/streaming',
    title: 'Streaming Messages - Anthropic',
    pageAge: 'March 3, 2026',
    passage:
      'When creating a Message, you can set "stream": true to incrementally stream the response using server-sent events (SSE).',
  },
  {
    url: 'https://developer.mozilla.org/en-US/docs/Web/API/Server-sent_events/Using_server-sent_events',
    title: 'Using server-sent events - Web APIs | MDN',
    pageAge: 'December 18, 2025',
    passage:
      'The event stream is a simple stream of text data which must be encoded using UTF-8. Messages in the event stream are separated by a pair of newline characters.',
  },
  {
    url: 'https://html.spec.whatwg.org/multipage/server-sent-events.html',
    title: 'HTML Standard: Server-sent events',
    pageAge: null,
    passage:
      'This specification defines an API for opening an HTTP connection for receiving push notifications.',
  },
] as const satisfies readonly Source[];

/** A web_search call, its results, and an answer whose cited sentences each come in a block of their own. */
export function webSearchExchange(query: string, random: Random): PlannedBlock[] {
  const toolUseId = `srvtoolu_01${opaqueString(22, random)}`;
  const results: WebSearchResultBlock[] = SOURCES.map((source) => ({
    type: 'web_search_result',
    title: source.title,
    url: source.url,
    encrypted_content: opaqueString(96, random),
    page_age: source.pageAge,
  }));
  const [docs, mdn] = SOURCES;
  return [
    { kind: 'tool_use', type: 'server_tool_use', id: toolUseId, name: 'web_search', input: { query } },
    { kind: 'whole', block: { type: 'web_search_tool_result', tool_use_id: toolUseId, content: results } },
    text("Here's what I found. "),
    cited(
      'Setting `stream: true` makes the Messages API send its reply incrementally as server-sent events',
      docs,
      random,
    ),
    text('. '),
    cited(
      'On the wire, each event is a few lines of text followed by a blank line, which is why a client can handle events the moment they arrive',
      mdn,
      random,
    ),
    text(
      '.\n\nIn practice that means you can render text as soon as the first delta lands, instead of waiting for the whole message.',
    ),
  ];
}

function text(value: string): PlannedBlock {
  return { kind: 'text', pieces: splitIntoPieces(value) };
}

function cited(value: string, source: Source, random: Random): PlannedBlock {
  const citation: CitationsWebSearchResultLocation = {
    type: 'web_search_result_location',
    cited_text: source.passage,
    url: source.url,
    title: source.title,
    encrypted_index: opaqueString(48, random),
  };
  return { kind: 'text', pieces: splitIntoPieces(value), citations: [citation] };
}
