import { type CodeRequest, writeSnippet } from './code-request.js';

/**
 * The request as a curl command that shows the reply's server-sent events as they come
 * (`--no-buffer`). The body is the one sent, in a quoted here-document, so the shell changes
 * nothing in it; the key is read from ANTHROPIC_API_KEY when the command runs.
 */
export function curlSnippet(request: CodeRequest): string {
  const end = delimiter(request.body);
  return writeSnippet(request, {
    comment: '#',
    needs: '',
    setup: [],
    call: [
      `curl --no-buffer ${shellQuote(request.url)} \\`,
      '  -H "x-api-key: $ANTHROPIC_API_KEY" \\',
      `  -H "anthropic-version: ${request.version}" \\`,
      '  -H "content-type: application/json" \\',
      `  --data-binary @- <<'${end}'`,
      request.body,
      end,
    ],
  });
}

/** A here-document's end marker that no line of the body can be mistaken for. */
function delimiter(body: string): string {
  for (let n = 0; ; n++) {
    const end = n === 0 ? 'JSON' : `JSON_${n}`;
    if (!body.includes(end)) return end;
  }
}

/** A word the shell takes as it is: single quotes, each single quote in it closed and escaped. */
function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
