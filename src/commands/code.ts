import { relative } from 'node:path';
import { formatBytes } from '../export/byte-size.js';
import { curlSnippet } from '../export/code-curl.js';
import { pythonSnippet } from '../export/code-python.js';
import { type CodeRequest, codeRequest, snippetPreview } from '../export/code-request.js';
import { typescriptSnippet } from '../export/code-typescript.js';
import { cellArgument } from './cell-argument.js';
import { type Command, type CommandResult, error } from './command.js';
import { resolveSavePath, writeRegularFile } from './save-file.js';

/** The languages /code writes, by the word that picks each, and the file endings that imply it. */
const LANGUAGES = {
  ts: { name: 'TypeScript', write: typescriptSnippet, endings: ['.ts', '.mts'] },
  py: { name: 'Python', write: pythonSnippet, endings: ['.py'] },
  curl: { name: 'curl', write: curlSnippet, endings: ['.sh'] },
} as const;

type Language = keyof typeof LANGUAGES;

export const codeCommand: Command = {
  name: 'code',
  args: '[ts|py|curl] [n] [file]',
  summary:
    "cell n's exact request as a runnable snippet (key from the environment), to the clipboard or a file",
  async run({ session, clipboard, cwd }, args) {
    const [first = '', ...others] = args.trim().split(/\s+/);
    const named = isLanguage(first) ? first : null;
    const found = cellArgument(session, named ? others.join(' ') : args);
    if ('kind' in found) return found;
    const { cell, rest: file } = found;
    if (/\s/.test(file)) return error(`/code takes one file name, not '${file}'`);
    const request = codeRequest(cell);
    if (typeof request === 'string') return error(request);
    const language = LANGUAGES[named ?? languageOfFile(file)];
    const snippet = language.write(request);
    const what = `Cell ${cell.id} as ${language.name} (${describe(request)}), ${formatBytes(Buffer.byteLength(snippet))}`;
    if (file) return written(what, file, cwd, snippet);
    const copied = await clipboard.copy(snippet);
    return {
      kind: 'toast',
      text: `${what}: ${copied.summary} | ${snippetPreview(snippet)}`,
      tone: copied.systemCopied ? 'success' : 'info',
    };
  },
};

function isLanguage(word: string): word is Language {
  return Object.hasOwn(LANGUAGES, word);
}

/** The language a file's name implies (x.py is Python, x.sh curl), else TypeScript. */
function languageOfFile(file: string): Language {
  const lower = file.toLowerCase();
  const implied = (Object.keys(LANGUAGES) as Language[]).find((language) =>
    LANGUAGES[language].endings.some((ending) => lower.endsWith(ending)),
  );
  return implied ?? 'ts';
}

function describe(request: CodeRequest): string {
  const count = request.messages.length;
  return `${request.mode} mode, ${count === 1 ? '1 message' : `${count} messages`}`;
}

async function written(what: string, file: string, cwd: string, snippet: string): Promise<CommandResult> {
  const path = resolveSavePath(file, cwd);
  const refused = await writeRegularFile(path, file, snippet);
  if (refused) return error(refused);
  const shown = relative(cwd, path).startsWith('..') ? path : `./${relative(cwd, path)}`;
  return { kind: 'toast', text: `${what}: written to ${shown}`, tone: 'success' };
}
