import { type LiteralStyle, literal, stringLiteral } from './code-literal.js';
import { type CodeRequest, isSdkField, writeSnippet } from './code-request.js';

/**
 * The request as Python in the seed notebooks' style: load_dotenv(), `client = Anthropic()`,
 * the history as a list, then `messages.stream(...)` and its text stream in helper mode, or
 * `messages.create(..., stream=True)` and its events in raw mode.
 */
export function pythonSnippet(request: CodeRequest): string {
  const client = request.baseURL ? `Anthropic(base_url=${stringLiteral(request.baseURL)})` : 'Anthropic()';
  return writeSnippet(request, {
    comment: '#',
    needs: 'Needs: pip install anthropic python-dotenv',
    setup: [
      'from anthropic import Anthropic',
      'from dotenv import load_dotenv',
      '',
      'load_dotenv()',
      '',
      `client = ${client}  # the key comes from ANTHROPIC_API_KEY`,
      '',
      `messages = ${pyLiteral(request.messages, '')}`,
    ],
    call: request.mode === 'helper' ? helperCall(request) : rawCall(request),
  });
}

function helperCall(request: CodeRequest): string[] {
  return [
    `with client.messages.stream(${keywords(request, false)}) as stream:`,
    '    for text in stream.text_stream:',
    '        print(text, end="", flush=True)',
    '',
    'print()',
    'print(stream.get_final_message())',
  ];
}

function rawCall(request: CodeRequest): string[] {
  return [
    `stream = client.messages.create(${keywords(request, true)})`,
    '',
    'for event in stream:',
    '    print(event)',
  ];
}

/**
 * The request's fields as keyword arguments, in the order sent. A field the SDK does not list
 * goes in `extra_body`, which the SDK adds to the JSON as is.
 */
function keywords(request: CodeRequest, stream: boolean): string {
  const lines: string[] = [];
  const extra: Record<string, unknown> = {};
  for (const [name, value] of request.fields) {
    if (name === 'messages') lines.push('    messages=messages,');
    else if (isSdkField(name)) lines.push(`    ${name}=${pyLiteral(value, '    ')},`);
    else extra[name] = value;
  }
  if (stream) lines.push('    stream=True,');
  if (Object.keys(extra).length > 0)
    lines.push(`    extra_body=${pyLiteral(extra, '    ')},  # not in the SDK's types`);
  return `\n${lines.join('\n')}\n`;
}

const PYTHON: LiteralStyle = {
  step: '    ',
  key: stringLiteral,
  scalar: (value) =>
    value === true ? 'True' : value === false ? 'False' : value === null ? 'None' : String(value),
};

/**
 * A JSON value as a Python literal, laid out over lines, `indent` deep: JSON's strings and
 * numbers read the same in Python, and true, false and null become True, False and None.
 */
export function pyLiteral(value: unknown, indent: string): string {
  return literal(value, indent, PYTHON);
}
