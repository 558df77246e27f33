/**
 * The portal's REST side once a request has found its portal: the caller's access token
 * checked, the method run (rest-methods.ts, chat-apps.ts, and on a Chatbots 2.0 portal
 * v2-methods.ts), `batch` unpacked (contract §4.16), and every call recorded for the tests
 * and the playground.
 */
import qs from 'qs';
import { chatAppMethods } from './chat-apps.js';
import { catchUp } from './line-sessions.js';
import * as line from './lines.js';
import type { TimeBlock } from './misbehaviour.js';
import type { RestCall, SimPortal } from './model.js';
import type { Platform } from './platform.js';
import { type MethodContext, SimError } from './method-context.js';
import { methods } from './rest-methods.js';
import { v2Methods } from './v2-methods.js';

export function createRestCalls(p: Platform) {
  const { options, state, calls, clock, emit, nextId, misbehaviour, refusedInBatch } = p;

  function record(
    portal: SimPortal,
    method: string,
    params: Record<string, unknown>,
    outcome: { result?: unknown; error?: string; limited?: boolean },
    batch?: number,
    address?: string,
  ): RestCall {
    const call: RestCall = {
      seq: ++state.seq,
      memberId: portal.memberId,
      method,
      params,
      ok: outcome.error === undefined,
      ...outcome,
      ...(batch ? { batch } : {}),
      ...(address ? { address } : {}),
      at: clock(),
    };
    calls.push(call);
    if (calls.length > 20_000) calls.splice(0, 10_000);
    emit({ type: 'call', call });
    return call;
  }

  function invoke(
    portal: SimPortal,
    method: string,
    params: Record<string, unknown>,
    caller: MethodContext['caller'],
    batch?: number,
    address?: string,
  ): { result?: unknown; error?: SimError; time?: TimeBlock } {
    const impl = methods[method] ?? chatAppMethods[method] ?? (portal.api === 'v2' ? v2Methods[method] : undefined);
    const about = line.chatOfCall(portal, params);
    if (about) catchUp(p, portal, about);
    try {
      if (!impl) throw new SimError(404, 'ERROR_METHOD_NOT_FOUND', 'Method not found!');
      const fault = batch ? misbehaviour.take(method) : undefined;
      if (fault) throw new SimError(fault.status, fault.error ?? 'INTERNAL_SERVER_ERROR', 'injected');
      if (misbehaviour.operatingExhausted(portal.memberId, method)) {
        throw new SimError(429, 'OPERATION_TIME_LIMIT', 'Method is blocked due to operation time limit.');
      }
      const result = impl(params, {
        portal,
        clientId: options.clientId,
        caller,
        now: clock(),
        nextId,
        changed: (chat) => chat && emit({ type: 'chat', memberId: portal.memberId, chatId: chat.chatId }),
      });
      record(portal, method, params, { result }, batch, address);
      return { result, time: misbehaviour.timeBlock(portal.memberId, method, 0.01) };
    } catch (error) {
      const simError = error instanceof SimError ? error : new SimError(500, 'INTERNAL_SERVER_ERROR', (error as Error).message);
      record(portal, method, params, { error: simError.code }, batch, address);
      return { error: simError };
    }
  }

  function authorize(portal: SimPortal, auth: unknown): MethodContext['caller'] {
    const entry = typeof auth === 'string' ? portal.accessTokens.get(auth) : undefined;
    if (!entry) throw new SimError(401, 'invalid_token', 'The access token provided is invalid.');
    if (entry.expiresAt <= clock()) throw new SimError(401, 'expired_token', 'The access token provided has expired.');
    return { userId: entry.userId, kind: entry.kind };
  }

  function runBatch(portal: SimPortal, params: Record<string, unknown>, caller: MethodContext['caller'], address: string): unknown {
    const cmd = params.cmd;
    if (!cmd || typeof cmd !== 'object') throw new SimError(400, 'INVALID_REQUEST', 'cmd is required');
    const entries = Object.entries(cmd as Record<string, unknown>);
    if (entries.length > 50) throw new SimError(400, 'ERROR_BATCH_LENGTH_EXCEEDED', 'Max batch length exceeded');
    const halt = String(params.halt ?? '0') === '1';
    const batchSeq = state.seq + 1;
    record(
      portal,
      'batch',
      { halt: halt ? 1 : 0, cmd: Object.fromEntries(entries.map(([key, value]) => [key, String(value).split('?')[0]])) },
      { result: 'batch' },
      undefined,
      address,
    );
    const result: Record<string, unknown> = {};
    const times: Record<string, TimeBlock> = {};
    const errors: Record<string, { error: string; error_description: string }> = {};
    for (const [key, value] of entries) {
      const [method = '', query = ''] = String(value).split(/\?(.*)/s);
      if (method === 'batch' || refusedInBatch.has(method)) {
        errors[key] = { error: 'ERROR_BATCH_METHOD_NOT_ALLOWED', error_description: 'Method is not allowed for batch usage' };
        if (halt) break;
        continue;
      }
      const outcome = invoke(portal, method, qs.parse(query, { parseArrays: false, depth: 8 }) as Record<string, unknown>, caller, batchSeq, address);
      if (outcome.error) {
        errors[key] = { error: outcome.error.code, error_description: outcome.error.description };
        if (halt) break;
      } else {
        result[key] = outcome.result;
        if (outcome.time) times[key] = outcome.time;
      }
    }
    return { result, result_error: Object.keys(errors).length > 0 ? errors : [], result_total: [], result_next: [], result_time: times };
  }

  return { record, invoke, authorize, runBatch };
}

export type RestCalls = ReturnType<typeof createRestCalls>;
