import { type LiteralStyle, literal, stringLiteral } from './code-literal.js';
import { type CodeRequest, isSdkField, writeSnippet } from './code-request.js';

/**
 * The request as a TypeScript program on @anthropic-ai/sdk that sends it again: the SDK's
 * `messages.stream` helper when the cell ran in helper mode, `create({ stream: true })` and
 * its events when raw. The key is the SDK's own default, ANTHROPIC_API_KEY.
 */
export function typescriptSnippet(request: CodeRequest): string {
  const client = request.baseURL
    ? `new Anthropic({ baseURL: ${stringLiteral(request.baseURL)} })`
    : 'new Anthropic()';
  return writeSnippet(request, {
    comment: '//',
    needs: `Save it as cell-${request.cell}.mts (an ES module, for the top-level await), and run: npx tsx cell-${request.cell}.mts`,
    setup: [
      "import Anthropic from '@anthropic-ai/sdk';",
      '',
      `const client = ${client}; // the key comes from ANTHROPIC_API_KEY`,
      '',
      `const messages: Anthropic.MessageParam[] = ${tsLiteral(request.messages, '')};`,
    ],
    call: request.mode === 'helper' ? helperCall(request) : rawCall(request),
  });
}

function helperCall(request: CodeRequest): string[] {
  return [
    `const stream = client.messages.stream(${params(request, false)});`,
    "stream.on('text', (text) => process.stdout.write(text));",
    'const message = await stream.finalMessage();',
    "console.log('\\n');",
    'console.dir(message, { depth: null });',
  ];
}

function rawCall(request: CodeRequest): string[] {
  return [
    `const stream = await client.messages.create(${params(request, true)});`,
    'for await (const event of stream) {',
    '  console.dir(event, { depth: null });',
    '}',
  ];
}

/**
 * The request's fields in the order they were sent. A field the SDK's types do not list is
 * spread in from an untyped object: the compiler lets it through, and the SDK sends it as is.
 */
function params(request: CodeRequest, stream: boolean): string {
  const lines = request.fields.map(([name, value]) => {
    if (name === 'messages') return '  messages,';
    const field = `${propertyName(name)}: ${tsLiteral(value, '  ')}`;
    return isSdkField(name) ? `  ${field},` : `  ...({ ${field} } as object), // not in the SDK's types`;
  });
  if (stream) lines.push('  stream: true,');
  return `{\n${lines.join('\n')}\n}`;
}

const TYPESCRIPT: LiteralStyle = { step: '  ', key: propertyName, scalar: (value) => JSON.stringify(value) };

/** A JSON value as a TypeScript literal, laid out over lines, `indent` deep. */
export function tsLiteral(value: unknown, indent: string): string {
  return literal(value, indent, TYPESCRIPT);
}

/**
 * A key as an object literal takes it: bare when it is an identifier. `__proto__` is computed,
 * since a literal's `__proto__:` sets the prototype instead of making the field JSON sent.
 */
function propertyName(key: string): string {
  if (key === '__proto__') return '["__proto__"]';
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : stringLiteral(key);
}
