/** The error types the Messages API answers with, each tied to one HTTP status. */
export type ApiErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'request_too_large'
  | 'rate_limit_error'
  | 'api_error'
  | 'overloaded_error';

export interface ApiError {
  type: ApiErrorType;
  message: string;
}

export function statusOf(type: ApiErrorType): number {
  switch (type) {
    case 'invalid_request_error':
      return 400;
    case 'authentication_error':
      return 401;
    case 'permission_error':
      return 403;
    case 'not_found_error':
      return 404;
    case 'request_too_large':
      return 413;
    case 'rate_limit_error':
      return 429;
    case 'api_error':
      return 500;
    case 'overloaded_error':
      return 529;
    default: {
      const unreachable: never = type;
      throw new Error(`unknown error type ${String(unreachable)}`);
    }
  }
}

/** The body of an HTTP error response. An `error` event's data is the same without request_id. */
export function errorBody(error: ApiError, requestId: string) {
  return { type: 'error', error, request_id: requestId } as const;
}
