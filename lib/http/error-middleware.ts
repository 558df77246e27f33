/**
 * Errors → HTTP answers, in one place (a middy onError). 4xx carry the one-line reason
 * of a RequestError, PayloadError (lib/bitrix) or RefusedError (lib/app); everything else is a 5xx with a generic text, and a structured
 * log line either way. Nothing from a token or a raw body reaches an answer.
 */
import type { MiddlewareObj } from '@middy/core';
import { RefusedError } from '../app/errors.js';
import { BitrixApiError, BitrixHttpError, OAuthError, PayloadError, PortalAddressError } from '../bitrix/errors.js';
import type { Logger } from '../log.js';
import { MenuError } from '../menu/errors.js';
import { metric } from '../metrics.js';
import { RequestError } from './errors.js';
import { requestIdOf, text, type HttpEvent, type HttpResult } from './request.js';

/** The one table from the layers' errors to HTTP statuses. */
export function classify(error: unknown): { status: number; code: string; reason: string } {
  if (error instanceof RequestError) return { status: error.status, code: error.code, reason: error.message };
  if (error instanceof PayloadError) return { status: error.status, code: error.code, reason: error.message };
  if (error instanceof RefusedError) return { status: error.status, code: error.code, reason: error.message };
  if (error instanceof PortalAddressError) return { status: 403, code: 'HOST_NOT_ALLOWED', reason: 'portal address is not allowed' };
  if (error instanceof BitrixApiError) return { status: 502, code: 'BITRIX_ERROR', reason: `Bitrix24 answered ${error.code} to ${error.method}` };
  if (error instanceof BitrixHttpError) return { status: 504, code: 'BITRIX_UNREACHABLE', reason: `Bitrix24 did not answer ${error.method}` };
  if (error instanceof OAuthError) return { status: 502, code: 'OAUTH_ERROR', reason: `token refresh failed (${error.code})` };
  if (error instanceof MenuError) return { status: 500, code: 'MENU_INVALID', reason: 'the menu file is invalid (see logs)' };
  return { status: 500, code: 'INTERNAL', reason: 'internal error' };
}

export function httpErrors(log: Logger, render?: (status: number, reason: string) => HttpResult): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    onError: async (request) => {
      const { status, code, reason } = classify(request.error);
      const fields = { requestId: requestIdOf(request.event), path: request.event.rawPath, status, code, reason };
      if (status >= 500) log.error('request failed', { ...fields, error: request.error });
      else log.warn('request refused', fields);
      metric(status >= 500 ? 'EventFailed' : 'EventRefused', 1, { Reason: code });
      request.response = render ? render(status, reason) : text(status, reason);
    },
  };
}
