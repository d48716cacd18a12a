import { hashString, pick, seededRandom } from './random.js';

interface Entry {
  /** What the prompt asks for, in the words the thinking block uses. */
  topic: string;
  keywords: readonly string[];
  /** Below 1 for entries that say how to answer rather than what about, so a subject keyword wins. */
  weight?: number;
  text: string;
}

const GREETING = ['hello', 'hi', 'hey', 'hiya', 'greetings', 'good morning', 'good evening'];

const ENTRIES: readonly Entry[] = [
  {
    topic: 'a greeting',
    keywords: GREETING,
    text: `Hello! It's nice to hear from you. I can help with writing, explaining ideas, working through code, or brainstorming, so feel free to ask about whatever is on your mind. What would you like to start with?`,
  },
  {
    topic: 'a greeting',
    keywords: GREETING,
    text: `Hi there! How can I help today? Whether you have a question, a draft that needs a second pair of eyes, or a bug that refuses to go away, I'm happy to dig in.`,
  },
  {
    topic: 'a request for a short description of a science-fiction world',
    keywords: [
      'sci-fi',
      'sci fi',
      'science fiction',
      'scifi',
      'futuristic',
      'alien',
      'planet',
      'galaxy',
      'spaceship',
    ],
    text: `In a distant future where humanity has scattered across the moons of Jupiter, the last free city drifts inside a hollowed-out comet, trading water and secrets with rival colonies while an ancient signal pulses, unanswered, from beneath the ice of Europa. Its people call themselves the Tidewalkers, and every child learns to read the comet's slow orbit the way sailors once read the stars.`,
  },
  {
    topic: 'a request to describe a database',
    keywords: ['database', 'databases', 'sql', 'postgres', 'schema', 'query', 'table'],
    text: `**Meridian** is a fictional document database that keeps every record as an immutable, timestamped revision, so any query can be asked "as of" any moment in its history. A few things make it distinctive:

- **Time-travel reads**: \`AS OF\` works on every collection.
- **Branchable datasets**: experiment on a copy without duplicating storage.
- **Schema hints, not schemas**: fields are typed on first write and validated after that.

It trades some write throughput for a complete audit trail, which makes it a good fit for finance and compliance work.`,
  },
  {
    topic: 'a question about streaming responses',
    keywords: [
      'stream',
      'streaming',
      'streamed',
      'sse',
      'server-sent',
      'token',
      'tokens',
      'latency',
      'real-time',
    ],
    text: `Streaming lets you show a response while it is still being generated, instead of waiting for the whole message. With the Messages API, the server sends a sequence of server-sent events:

1. \`message_start\` with an empty message
2. for each content block, a \`content_block_start\`, many \`content_block_delta\` events, and a \`content_block_stop\`
3. \`message_delta\` with the stop reason and the final usage
4. \`message_stop\`

The time to the first token is usually a small fraction of the total time, which is why streamed interfaces feel so much faster.`,
  },
  {
    topic: 'a request for a short poem',
    keywords: ['poem', 'poetry', 'haiku', 'verse', 'rhyme', 'sonnet', 'limerick'],
    text: `Here's a short poem for you:

*Packets in the Night*

A word arrives, and then a word,
like footsteps on a midnight stair;
the sentence isn't finished yet,
but you can hear it climbing there.

The cursor blinks, the tokens fall,
each one a pebble in a stream,
until the message, whole at last,
settles like the end of a dream.`,
  },
  {
    topic: 'a request for some TypeScript code',
    keywords: [
      'code',
      'typescript',
      'javascript',
      'function',
      'ts',
      'snippet',
      'implement',
      'program',
      'parser',
    ],
    text: `Here's a small TypeScript helper that reads a server-sent event stream and yields each event as it arrives:

\`\`\`ts
export async function* readEvents(body: AsyncIterable<Uint8Array>) {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    let end = buffer.indexOf('\\n\\n');
    while (end !== -1) {
      yield buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\\n\\n');
    }
  }
}
\`\`\`

Each yielded string holds the \`event:\` and \`data:\` lines of one event, so you can parse the JSON on the \`data:\` line and switch on its \`type\`.`,
  },
  {
    topic: 'a request for an explanation',
    keywords: ['explain', 'what is', 'how does', 'how do', 'why', 'describe', 'understand'],
    weight: 0.5,
    text: `Here's the intuition. A language model writes one token at a time: it looks at everything written so far, estimates how likely each possible next token is, picks one, and repeats. A token is usually a word or a piece of a word, so a paragraph takes a few hundred of these steps.

That loop is also why streaming fits so naturally: each token can be sent the moment it is chosen, rather than after the whole answer is done. Tell me which part you'd like to go deeper on and I'll expand on it.`,
  },
  {
    topic: 'a question about the weather',
    keywords: ['weather', 'forecast', 'temperature', 'rain', 'sunny', 'snow'],
    text: `I don't have access to live weather data, so I can't tell you the current conditions. A local forecast service or the weather app on your phone will have up-to-the-minute information. If you're planning something outdoors, the hourly forecast and the chance of rain are usually the most useful things to check.`,
  },
  {
    topic: 'a request for a joke',
    keywords: ['joke', 'jokes', 'funny', 'laugh', 'pun'],
    text: `Why do programmers prefer dark mode?

Because light attracts bugs.

Want another one? I have a few about databases, but they tend to have too many relationships.`,
  },
  {
    topic: 'a request for a few practical ideas',
    keywords: ['ideas', 'tips', 'suggest', 'suggestions', 'brainstorm', 'advice'],
    text: `Here are a few ideas to get you started:

- **Start small**: pick the simplest version that is still useful, and finish it.
- **Measure first**: decide what "better" means before you change anything.
- **Write it down**: a short note on what you tried and why saves hours later.

If you tell me more about your situation, I can tailor these.`,
  },
];

const FALLBACKS: readonly ((quote: string) => string)[] = [
  (quote) =>
    `You asked: "${quote}". That's a good question, and the best answer depends a little on the context you have in mind. If you can tell me what you're trying to achieve, and any constraints such as time, tools, or audience, I can give you a much more specific answer. In the meantime, a good first step is to separate the parts you already understand from the parts you don't.`,
  (quote) =>
    `Let me take a first pass at "${quote}". I'd start by pinning down what a good outcome looks like, then work backwards to the smallest step that moves toward it. If you share a bit more detail, such as an example or what you've already tried, I can make this far more concrete.`,
];

export interface Reply {
  text: string;
  /** What a thinking block would say before this reply. */
  thinking: string;
}

/** A plausible reply to the prompt, always the same one for the same prompt. */
export function replyTo(prompt: string): Reply {
  const random = seededRandom(hashString(normalize(prompt)));
  const quote = quoteOf(prompt);
  const candidates = bestMatches(prompt);
  if (candidates.length === 0) {
    return { text: pick(FALLBACKS, random)(quote), thinking: thinkingFor(quote, 'an open-ended question') };
  }
  const entry = pick(candidates, random);
  return { text: entry.text, thinking: thinkingFor(quote, entry.topic) };
}

/** An endless run of corpus answers, starting at one chosen by the prompt, for long replies. */
export function* answersFor(prompt: string): Generator<string, never> {
  let index = hashString(normalize(prompt)) % ENTRIES.length;
  for (;;) {
    const entry = ENTRIES[index % ENTRIES.length];
    if (entry) yield entry.text;
    index++;
  }
}

/** What the model says once the get_weather tool it called has answered with a tool_result. */
export function replyToWeatherReport(result: string): string {
  const shown = result.trim() === '' ? 'nothing' : `\`${clip(result.replace(/\s+/g, ' ').trim(), 160)}\``;
  return `Thanks, the tool returned ${shown}. Based on that, it looks mild right now, so a light jacket should be plenty. Let me know if you'd like me to check anywhere else.`;
}

function thinkingFor(quote: string, topic: string): string {
  return `The user wrote "${quote}". This looks like ${topic}. I should answer directly rather than pad the reply, so I'll lead with the substance, keep it to a few sentences, and use formatting only where it helps. If there's ambiguity, a short offer to go deeper at the end covers it.`;
}

function bestMatches(prompt: string): Entry[] {
  const text = normalize(prompt);
  let best = 0;
  let matches: Entry[] = [];
  for (const entry of ENTRIES) {
    const hits = entry.keywords.filter((keyword) => containsWord(text, keyword)).length;
    const score = hits * (entry.weight ?? 1);
    if (score > best) {
      best = score;
      matches = [entry];
    } else if (score > 0 && score === best) {
      matches.push(entry);
    }
  }
  return matches;
}

// Compiling a Unicode regex per keyword per request was the offline API's main cost.
const wordPatterns = new Map<string, RegExp>();

function containsWord(text: string, keyword: string): boolean {
  let pattern = wordPatterns.get(keyword);
  if (!pattern) {
    const escaped = keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u');
    wordPatterns.set(keyword, pattern);
  }
  return pattern.test(text);
}

function normalize(prompt: string): string {
  return prompt.toLowerCase().replace(/\s+/g, ' ').trim();
}

function quoteOf(prompt: string): string {
  const words = prompt.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  if (words.length === 0) return 'your message';
  return words.length > 12 ? `${words.slice(0, 12).join(' ')}...` : words.join(' ');
}

function clip(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}...` : text;
}
