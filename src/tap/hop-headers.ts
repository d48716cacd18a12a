/**
 * Headers that describe one connection, not the message (RFC 9110 §7.6.1): a proxy answers
 * them itself and never passes them on. Everything else goes through as it came.
 */
const HOP_BY_HOP: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * The end-to-end headers of a message, from node's raw list (names as sent, in order), as the
 * flat list node writes again. Headers the `connection` header names are hop-by-hop too;
 * `host` is dropped for the caller to set (the upstream's, not the tap's).
 */
export function endToEnd(raw: readonly string[], options: { dropHost: boolean }): string[] {
  const named = new Set<string>();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if ((raw[i] as string).toLowerCase() !== 'connection') continue;
    for (const token of (raw[i + 1] as string).split(',')) named.add(token.trim().toLowerCase());
  }
  const kept: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    if (HOP_BY_HOP.has(name) || named.has(name) || (options.dropHost && name === 'host')) continue;
    kept.push(raw[i] as string, raw[i + 1] as string);
  }
  return kept;
}

/** A flat list as fetch's Headers, for what the tap records of a message. */
export function fetchHeaders(flat: readonly string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < flat.length; i += 2) {
    try {
      headers.append(flat[i] as string, flat[i + 1] as string);
    } catch {
      // A header fetch refuses (a byte it does not allow) is still forwarded; only the record lacks it.
    }
  }
  return headers;
}
