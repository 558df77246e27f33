/**
 * Errors that end a request with a 4xx. Each carries a one-line reason that is safe
 * to send back (never a token or a raw body) and a stable code for logs and tests.
 */
export class RequestError extends Error {
  override readonly name: string = 'RequestError';
  constructor(
    readonly status: number,
    readonly code: string,
    reason: string,
  ) {
    super(reason);
  }
}

export const badRequest = (code: string, reason: string) => new RequestError(400, code, reason);
export const unauthorized = (reason: string) => new RequestError(401, 'UNAUTHORIZED', reason);
export const forbidden = (code: string, reason: string) => new RequestError(403, code, reason);
export const notFound = (reason: string) => new RequestError(404, 'NOT_FOUND', reason);
export const tooLarge = (limit: number) => new RequestError(413, 'BODY_TOO_LARGE', `body is larger than ${limit} bytes`);
export const unsupportedMediaType = (type: string) =>
  new RequestError(415, 'UNSUPPORTED_MEDIA_TYPE', `expected application/x-www-form-urlencoded, got ${type || 'none'}`);
