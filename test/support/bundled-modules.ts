import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The modules a built file holds, as paths relative to the project, read from its source map:
 * the bundle is minified, so its own text no longer names them. A file without a map is its
 * own module.
 */
export function modulesOf(path: string): string[] {
  const map = `${path}.map`;
  if (!existsSync(map)) return [relative(process.cwd(), resolve(path))];
  const sources: string[] = JSON.parse(readFileSync(map, 'utf8')).sources;
  return sources.map((source) => relative(process.cwd(), resolve(dirname(map), source)));
}

/** Every module in dist's entry files and chunks. Run `npm run build` first. */
export function bundledModules(): string[] {
  const files = [
    ...readdirSync('dist').map((name) => join('dist', name)),
    ...readdirSync(join('dist', 'chunks')).map((name) => join('dist', 'chunks', name)),
  ].filter((path) => path.endsWith('.js'));
  return files.flatMap(modulesOf);
}
