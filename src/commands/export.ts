import { extname } from 'node:path';
import { formatBytes } from '../export/byte-size.js';
import { type ExportedSession, sessionFromJournal, sessionFromState } from '../export/exported-session.js';
import { harExport } from '../export/har-export.js';
import { markdownExport } from '../export/markdown-export.js';
import { notebookExport } from '../export/notebook-export.js';
import { sessionJsonExport } from '../export/session-json-export.js';
import { JournalError, readJournal } from '../journal/read-journal.js';
import type { Session } from '../session/session.js';
import { isStreaming } from '../store/session-state.js';
import { oneLine } from '../terminal/one-line.js';
import { type Command, type CommandResult, error, toast } from './command.js';
import { resolveSavePath, shownPath, writeWholeFile } from './save-file.js';

/** Each format, by the extension that asks for it. */
const FORMATS: Record<string, { name: string; write: (session: ExportedSession) => string }> = {
  '.ipynb': { name: 'a notebook', write: notebookExport },
  '.md': { name: 'Markdown', write: markdownExport },
  '.json': { name: 'JSON', write: sessionJsonExport },
  '.har': { name: 'HAR', write: harExport },
};

export const exportCommand: Command = {
  name: 'export',
  args: 'FILE.ipynb|.md|.json|.har',
  summary: 'write the session as a Jupyter notebook, a Markdown transcript, JSON or HAR (by the extension)',
  async run({ session, cwd }, args) {
    const path = args.trim();
    if (!path) return error('/export needs a file: /export FILE.ipynb (or .md, .json, .har)');
    const format = FORMATS[extname(path).toLowerCase()];
    if (!format)
      return error(
        `/export can't tell the format of ${oneLine(path)}: end the name with .ipynb, .md, .json or .har`,
      );
    if (isStreaming(session.state))
      return error('a reply is still streaming: wait for it (or Esc), then /export');
    const exported = savedSession(session);
    if ('kind' in exported) return exported;
    if (exported.turns.length === 0) return error('nothing to export yet: send a prompt first');
    const data = format.write(exported);
    const target = resolveSavePath(path, cwd);
    const refused = await writeWholeFile(target, path, data);
    if (refused) return error(refused);
    const cells = exported.turns.length === 1 ? '1 cell' : `${exported.turns.length} cells`;
    const size = formatBytes(Buffer.byteLength(data));
    return toast(`Exported ${cells} as ${format.name} (${size}) to ${shownPath(target, cwd)}`, 'success');
  },
};

/**
 * The session as its file holds it, so a resumed session exports the same as the live one
 * it continues. With --no-save (or when the file could not be written) there is no file, and
 * the notebook's own cells are exported: the same data the file restores to, but for the
 * wall-clock times, which only the file keeps (the export's time stands in for them).
 */
function savedSession(session: Session): ExportedSession | Extract<CommandResult, { kind: 'error' }> {
  const path = session.journal?.saved() ?? null;
  if (path === null) return sessionFromState(session.state, new Date().toISOString());
  try {
    return sessionFromJournal(readJournal(path));
  } catch (thrown) {
    if (thrown instanceof JournalError) return error(oneLine(thrown.message));
    throw thrown;
  }
}
