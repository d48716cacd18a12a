import { readFileSync } from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';

const MB = 1024 * 1024;
const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

/** Where the process's resident memory is, in MB, by the parts that can be told apart. */
export function memoryParts(): Record<string, number> {
  const usage = process.memoryUsage();
  const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, s.space_size]));
  const used = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, s.space_used_size]));
  return {
    rss: mb(usage.rss),
    heap_total: mb(usage.heapTotal),
    heap_used: mb(usage.heapUsed),
    new_space: mb((spaces.new_space ?? 0) + (spaces.new_large_object_space ?? 0)),
    old_space: mb(spaces.old_space ?? 0),
    old_space_used: mb(used.old_space ?? 0),
    code_space: mb(spaces.code_space ?? 0),
    large_object_space: mb(spaces.large_object_space ?? 0),
    external: mb(usage.external),
    array_buffers: mb(usage.arrayBuffers),
    ...residentKinds(),
  };
}

/**
 * From Linux's map of the process: resident memory backed by files (Node's own code, mostly),
 * and that of WebAssembly memories (yoga's). V8 reserves each of those as a region of many GB,
 * listed as adjacent mappings (the part in use, then the guard), which the system backs page
 * by page as they are touched.
 */
function residentKinds(): Record<string, number> {
  let smaps: string;
  try {
    smaps = readFileSync('/proc/self/smaps', 'utf8');
  } catch {
    return {};
  }
  let file = 0;
  let wasm = 0;
  let region = { end: -1, size: 0, rss: 0 };
  const closeRegion = () => {
    if (region.size >= WASM_RESERVATION) wasm += region.rss;
  };
  for (const mapping of smaps.split(/\n(?=[0-9a-f]+-[0-9a-f]+ )/)) {
    const [range = '', , , , inode = '0'] = mapping.slice(0, mapping.indexOf('\n')).split(/\s+/);
    const [from = 0, to = 0] = range.split('-').map((hex) => Number.parseInt(hex, 16));
    const rss = Number(/^Rss:\s+(\d+) kB/m.exec(mapping)?.[1] ?? 0) * 1024;
    if (inode !== '0') {
      file += rss;
      continue;
    }
    if (from !== region.end) {
      closeRegion();
      region = { end: from, size: 0, rss: 0 };
    }
    region = { end: to, size: region.size + to - from, rss: region.rss + rss };
  }
  closeRegion();
  return { rss_file: mb(file), wasm: mb(wasm) };
}

/** No other anonymous region here comes near this size. */
const WASM_RESERVATION = 4 * 1024 * MB;
