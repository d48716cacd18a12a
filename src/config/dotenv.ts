import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { parse } from 'dotenv';

/** The most of a `.env` that is read: a real one is a few hundred bytes. */
export const DOTENV_LIMIT = 1024 * 1024;

/**
 * Fills in from `.env` what the environment lacks, never overriding it (dotenv's rule), and
 * adds the names it filled in to `filled` (so /settings can say a value came from `.env`).
 * Returns a one-line warning when the file is there but unfit to read, and startup goes on.
 * A `.env` that is a FIFO, a device (a link to /dev/zero) or a directory is never read: a
 * FIFO would block startup and /dev/zero never ends.
 */
export function loadDotenv(
  env: Record<string, string | undefined>,
  path = '.env',
  filled?: Set<string>,
): string | undefined {
  const read = readDotenv(path);
  if ('warning' in read) return `ignoring .env: ${read.warning}`;
  for (const [name, value] of Object.entries(parse(read.text))) {
    if (env[name] !== undefined) continue;
    env[name] = value;
    filled?.add(name);
  }
  return undefined;
}

function readDotenv(path: string): { text: string } | { warning: string } {
  let fd: number;
  try {
    // Non-blocking, so opening a FIFO with no writer returns at once instead of waiting.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { text: '' } : { warning: describeCode(code) };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { warning: `it is ${kindOf(stats)}, not a file` };
    // Read up to one byte past the cap: sizes can lie (/proc) or grow while reading.
    const buffer = Buffer.allocUnsafe(DOTENV_LIMIT + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > DOTENV_LIMIT) return { warning: 'it is larger than 1 MiB' };
    return { text: buffer.toString('utf8', 0, length) };
  } catch (error) {
    return { warning: describeCode((error as NodeJS.ErrnoException).code) };
  } finally {
    closeSync(fd);
  }
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isDirectory()) return 'a directory';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

function describeCode(code: string | undefined): string {
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'it is a symbolic link that loops';
  return `it could not be read (${code ?? 'error'})`;
}
