import { readFileSync } from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';

// WebAssembly memories (yoga's) are neither V8's heap nor its `external` count; this module
// is the child's first import (a bare one, which import sorting leaves first), so it sees yoga's instance made.
const memories: WebAssembly.Memory[] = [];
const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = (async (...args: Parameters<typeof instantiate>) => {
  const made: unknown = await instantiate(...args);
  const instance =
    made instanceof WebAssembly.Instance ? made : (made as { instance: WebAssembly.Instance }).instance;
  for (const value of Object.values(instance.exports)) {
    if (value instanceof WebAssembly.Memory) memories.push(value);
  }
  return made;
}) as typeof instantiate;

const MB = 1024 * 1024;
const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

/** Where the process's resident memory is, in MB, by the parts that can be told apart. */
export function memoryParts(): Record<string, number> {
  const usage = process.memoryUsage();
  const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, s.space_size]));
  return {
    rss: mb(usage.rss),
    heap_total: mb(usage.heapTotal),
    heap_used: mb(usage.heapUsed),
    new_space: mb((spaces.new_space ?? 0) + (spaces.new_large_object_space ?? 0)),
    old_space: mb(spaces.old_space ?? 0),
    code_space: mb(spaces.code_space ?? 0),
    large_object_space: mb(spaces.large_object_space ?? 0),
    external: mb(usage.external),
    array_buffers: mb(usage.arrayBuffers),
    wasm: mb(memories.reduce((sum, memory) => sum + memory.buffer.byteLength, 0)),
    ...residentKinds(),
  };
}

/** Resident memory backed by files (Node's own code, mostly) against anonymous memory. */
function residentKinds(): Record<string, number> {
  try {
    const rollup = readFileSync('/proc/self/smaps_rollup', 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0);
    return {
      rss_file: mb(kb('Rss') * 1024 - kb('Anonymous') * 1024),
      rss_anonymous: mb(kb('Anonymous') * 1024),
    };
  } catch {
    return {};
  }
}
