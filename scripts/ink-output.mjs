import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Two of Ink's modules are swapped at build time for ours, which keep their interfaces:
 * its `Output` class (ink/build/output.js), which keeps its frames but not its cost, and its
 * log-update (ink/build/log-update.js), which writes only what changed between frames. Ink
 * imports them as `./output.js` and `./log-update.js`; ours (and the tests) reach the originals
 * as `ink/build/…`, paths Ink's exports do not list.
 */
const require = createRequire(import.meta.url);
export const INK_BUILD = dirname(require.resolve('ink'));
export const INK_OUTPUT = join(INK_BUILD, 'output.js');
export const OUR_OUTPUT = fileURLToPath(new URL('../src/ui/frame/output.ts', import.meta.url));
export const INK_LOG_UPDATE = join(INK_BUILD, 'log-update.js');
export const OUR_LOG_UPDATE = fileURLToPath(new URL('../src/ui/frame/line-diff-writer.ts', import.meta.url));

/** Ink's module an import names, ours in place of Ink's own, or undefined for anything else. */
export function swapped(source, importerDir) {
  if (source === 'ink/build/output.js') return INK_OUTPUT;
  if (source === 'ink/build/log-update.js') return INK_LOG_UPDATE;
  if (importerDir !== INK_BUILD) return undefined;
  if (source === './output.js') return OUR_OUTPUT;
  if (source === './log-update.js') return OUR_LOG_UPDATE;
  return undefined;
}

function installed(name) {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * The esbuild side. Ink must be bundled for its renderer's import to reach this plugin, so
 * `ink` resolves to its files even while other packages stay external; where a build bundles
 * every package, that rule changes nothing.
 */
export function inkOutputPlugin() {
  return {
    name: 'ink-output',
    setup(build) {
      build.onResolve({ filter: /^ink$/ }, () => ({ path: join(INK_BUILD, 'index.js') }));
      // Ink imports React's devtools only when DEV=true, and says how to install them if the
      // import fails; bundled, a missing package would fail at load, so it fails where Ink asks.
      build.onResolve({ filter: /^react-devtools-core$/ }, (args) =>
        args.resolveDir === INK_BUILD && !installed('react-devtools-core')
          ? { path: 'react-devtools-core', namespace: 'missing' }
          : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'missing' }, (args) => ({
        contents: `throw Object.assign(new Error("Cannot find package '${args.path}'"), { code: 'ERR_MODULE_NOT_FOUND' });`,
      }));
      build.onResolve({ filter: /^(ink\/build|\.)\/(output|log-update)\.js$/ }, (args) => {
        const path = swapped(args.path, args.resolveDir);
        return path ? { path } : undefined;
      });
    },
  };
}
