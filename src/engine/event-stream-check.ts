import { EndingError } from './ending-error.js';

/** A 2xx reply to a streaming request that is not an event stream: most often a wrong --base-url. */
export class NotEventStreamError extends EndingError {
  constructor(response: Response) {
    const message = `the server answered ${response.status} with ${describeBody(response)}, not an event stream; is --base-url right?`;
    super({ kind: 'not_event_stream', status: response.status, message });
    this.name = 'NotEventStreamError';
  }
}

export function isEventStream(response: Response): boolean {
  return mediaType(response) === 'text/event-stream';
}

function describeBody(response: Response): string {
  const type = mediaType(response);
  if (type === null)
    return response.headers.get('content-length') === '0' ? 'an empty body' : 'no content type';
  // The header comes from the server: only a well-formed media type is quoted back.
  return /^[\w.+-]{1,40}\/[\w.+-]{1,60}$/.test(type) ? type : 'an unknown content type';
}

function mediaType(response: Response): string | null {
  const header = response.headers.get('content-type');
  if (header === null || header.trim() === '') return null;
  return header.split(';')[0]?.trim().toLowerCase() ?? '';
}
