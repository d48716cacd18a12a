import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';

/** A path as a shell would take it: `~` and `~/…` are the home folder, the rest is from cwd. */
export function resolveSavePath(path: string, cwd: string): string {
  if (path === '~') return homedir();
  if (path.startsWith('~/')) return join(homedir(), path.slice(2));
  return isAbsolute(path) ? path : join(cwd, path);
}

/** A written file's path as a toast names it: from cwd when it is below it. */
export function shownPath(path: string, cwd: string): string {
  const fromCwd = relative(cwd, path);
  return fromCwd.startsWith('..') ? path : `./${fromCwd}`;
}

/** Why a file was not written, in one line that names the fix. */
class Refused extends Error {}

/**
 * Writes `data` to a regular file, created with mode 0600 (a reply can hold private text).
 * Anything else is refused before a byte is written: opening a FIFO for writing waits for a
 * reader forever, and a device or a directory is never what was meant. The type is checked
 * before opening, and again on the open file (O_NONBLOCK makes a FIFO fail at once, not wait),
 * so a path swapped in between cannot hang the notebook either.
 * Resolves to why nothing was written, or to undefined once it was.
 */
export async function writeRegularFile(
  path: string,
  shown: string,
  data: string,
): Promise<string | undefined> {
  try {
    await writeFile(path, shown, data);
    return undefined;
  } catch (error) {
    if (error instanceof Refused) return error.message;
    throw error;
  }
}

/**
 * As writeRegularFile, but the file appears whole or not at all: the data is written to a
 * temporary file beside it, then renamed over the path, so a crash mid-write (an export can
 * be many megabytes) never leaves half a file, and an existing file stays as it was until the
 * new one is complete. The path is refused as writeRegularFile refuses it.
 */
export async function writeWholeFile(path: string, shown: string, data: string): Promise<string | undefined> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await refuseUnlessFileOrAbsent(path, shown);
    await writeFile(temp, shown, data);
    await rename(temp, path).catch((error: NodeJS.ErrnoException) => {
      throw new Refused(writeFailure(shown, error));
    });
    return undefined;
  } catch (error) {
    // The temp file may never have been made (a missing folder): nothing to remove then.
    await rm(temp, { force: true }).catch(() => {});
    if (error instanceof Refused) return error.message;
    throw error;
  }
}

async function refuseUnlessFileOrAbsent(path: string, shown: string): Promise<void> {
  const before = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new Refused(writeFailure(shown, error));
  });
  if (before) refuseUnlessFile(before, shown);
}

async function writeFile(path: string, shown: string, data: string): Promise<void> {
  await refuseUnlessFileOrAbsent(path, shown);
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_NONBLOCK | constants.O_NOCTTY;
  const file = await open(path, flags, 0o600).catch((error: NodeJS.ErrnoException) => {
    throw new Refused(writeFailure(shown, error));
  });
  try {
    refuseUnlessFile(await file.stat(), shown);
    await file.truncate(0);
    await file.writeFile(data);
  } catch (error) {
    if (error instanceof Refused) throw error;
    throw new Refused(writeFailure(shown, error as NodeJS.ErrnoException));
  } finally {
    await file.close();
  }
}

function refuseUnlessFile(stats: Stats, shown: string): void {
  if (stats.isFile()) return;
  const what = stats.isDirectory()
    ? 'a folder'
    : stats.isFIFO()
      ? 'a named pipe (FIFO)'
      : stats.isCharacterDevice() || stats.isBlockDevice()
        ? 'a device'
        : stats.isSocket()
          ? 'a socket'
          : 'not a regular file';
  const fix = stats.isDirectory()
    ? `name a file in it, e.g. ${join(shown, 'cell.json')}`
    : 'name a regular file';
  throw new Refused(`cannot save to ${shown}: it is ${what}; ${fix}`);
}

function writeFailure(shown: string, error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return `cannot save to ${shown}: its folder does not exist; create it first`;
    case 'ENOTDIR':
      return `cannot save to ${shown}: a part of the path is a file, not a folder`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `cannot save to ${shown}: not allowed to write there; choose another path`;
    case 'EISDIR':
      return `cannot save to ${shown}: it is a folder; name a file in it`;
    case 'ENXIO':
      return `cannot save to ${shown}: it is a named pipe (FIFO) or a device; name a regular file`;
    default:
      return `cannot save to ${shown}: ${error.code ?? error.message}`;
  }
}
