/**
 * Every log line of a Lambda invocation names it: the request id (to find all lines of
 * one event in CloudWatch, and the REPORT line with its duration) and whether it was the
 * instance's first (a cold start explains a slow one).
 */
import type { Context } from 'aws-lambda';
import { setInvocationFields } from '../log.js';

let coldStart = true;

export function inLambda<E, R>(handler: (event: E, context: Context) => Promise<R>): (event: E, context: Context) => Promise<R> {
  return async (event, context) => {
    setInvocationFields({ awsRequestId: context.awsRequestId, coldStart });
    coldStart = false;
    try {
      return await handler(event, context);
    } finally {
      setInvocationFields({});
    }
  };
}
