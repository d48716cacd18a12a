/**
 * Whether a host (as given to --host, or a URL's hostname) is this machine's loopback, which
 * only this machine can reach: 127.0.0.0/8, ::1 (bracketed or not) or localhost.
 */
export function isLoopback(host: string): boolean {
  return (
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) ||
    host === '::1' ||
    host === '[::1]' ||
    host === 'localhost'
  );
}
