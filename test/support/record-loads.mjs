// Loaded with `node --import`: records the URL of every ES module the process loads in the
// file named by STREAMBOOK_LOADS (test/e2e/startup-imports.test.ts).
import { register } from 'node:module';

register('./record-loads-hooks.mjs', import.meta.url);
