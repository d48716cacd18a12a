import { fileURLToPath } from 'node:url';
import { INK_BUILD } from './ink-output.mjs';

/**
 * Ink's `widest-line` import is given ours (src/ui/frame/widest-line.ts): the same widths,
 * each line's worked out once while frames keep showing it. Only Ink's own import is swapped.
 */
export const OUR_WIDEST_LINE = fileURLToPath(new URL('../src/ui/frame/widest-line.ts', import.meta.url));

/** Whether an import of `source` from `importer` (a file) is Ink's of widest-line. */
export function isInksWidestLine(source, importer) {
  return source === 'widest-line' && typeof importer === 'string' && importer.startsWith(INK_BUILD);
}

/** The esbuild side; vitest.config.ts does the same for the tests. */
export function inkWidthsPlugin() {
  return {
    name: 'ink-widths',
    setup(build) {
      build.onResolve({ filter: /^widest-line$/ }, (args) =>
        isInksWidestLine(args.path, args.importer) ? { path: OUR_WIDEST_LINE } : undefined,
      );
    },
  };
}
