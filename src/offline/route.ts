/** What a request asks of the offline API, by its method and path. */
export type Route =
  | { kind: 'messages' }
  | { kind: 'count_tokens' }
  /** A path we serve, asked with a method it does not take: 405 with an `allow` header. */
  | { kind: 'wrong_method'; allow: string }
  | { kind: 'not_found' };

// A Map, not an object: a path such as `constructor` must not find a property of Object.
const PATHS = new Map<string, Route>([
  ['/v1/messages', { kind: 'messages' }],
  ['/v1/messages/count_tokens', { kind: 'count_tokens' }],
]);

/** The path of a request target, without its query: the SDK adds `?beta=true` to some calls. */
export function pathOf(url: string | undefined): string {
  return (url ?? '/').split('?')[0] as string;
}

export function routeOf(method: string | undefined, url: string | undefined): Route {
  const route = PATHS.get(pathOf(url));
  if (!route) return { kind: 'not_found' };
  return method === 'POST' ? route : { kind: 'wrong_method', allow: 'POST' };
}
