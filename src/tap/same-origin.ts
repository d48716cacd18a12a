import { networkInterfaces } from 'node:os';
import { isLoopback } from '../config/loopback.js';

/** Addresses that mean "every address of this machine" when listened on. */
const WILDCARD: ReadonlySet<string> = new Set(['0.0.0.0', '::', '[::]']);

/**
 * Whether the upstream is the tap's own listening address, which would loop every request
 * into the tap again: the same port, and a host that reaches the tap. A tap on a wildcard
 * address is reached on loopback and on each of this machine's addresses.
 */
export function isOwnAddress(bindHost: string, port: string, upstream: string): boolean {
  const target = new URL(upstream);
  const targetPort = target.port || (target.protocol === 'https:' ? '443' : '80');
  if (target.protocol !== 'http:' || targetPort !== port) return false;
  const host = target.hostname;
  if (host === bindHost || (isLoopback(host) && isLoopback(bindHost))) return true;
  if (WILDCARD.has(bindHost)) return isLocal(host);
  return WILDCARD.has(host) && isLocal(bindHost);
}

/** Loopback, a wildcard, or one of this machine's interface addresses. */
function isLocal(host: string): boolean {
  if (isLoopback(host) || WILDCARD.has(host)) return true;
  const bare = host.replace(/^\[|\]$/g, '');
  return Object.values(networkInterfaces()).some((list) => list?.some((one) => one.address === bare));
}
