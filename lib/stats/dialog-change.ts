/**
 * One change of a dialog item, whoever saw it: the DynamoDB stream in AWS (old and new
 * image, NEW_AND_OLD_IMAGES; infra/table.yml) or the local stack's change feed
 * (infra/local/change-feed.ts). Items other than dialogs (portal, budget, job failures,
 * the statistics themselves) are not changes of a dialog.
 */
import type { DialogState } from '../menu/state.js';
import type { DialogImage } from './outcome.js';

export interface DialogChange {
  readonly old: Readonly<Record<string, unknown>> | undefined;
  readonly new: Readonly<Record<string, unknown>> | undefined;
  /** Removed by DynamoDB's TTL (the customer never came back), not by a clean-up. */
  readonly expired: boolean;
}

export const isDialogSk = (sk: unknown): boolean => typeof sk === 'string' && sk.startsWith('D#');

/** A dialog item (as stored by lib/store/dialogs.ts) as the statistics read it. */
export function imageOf(item: Readonly<Record<string, unknown>> | undefined): DialogImage | undefined {
  if (!item || !isDialogSk(item.sk) || typeof item.pk !== 'string') return undefined;
  let state: DialogState | undefined;
  try {
    state = typeof item.state === 'string' ? (JSON.parse(item.state) as DialogState) : (item.state as DialogState | undefined);
  } catch {
    state = undefined;
  }
  return { memberId: item.pk.replace(/^P#/, ''), lineId: typeof item.line === 'string' ? item.line : undefined, state };
}

/** A DynamoDB attribute value (stream records are not unmarshalled): the types a dialog item holds. */
type AttributeValue = {
  S?: string;
  N?: string;
  BOOL?: boolean;
  NULL?: boolean;
  M?: Record<string, AttributeValue>;
  L?: AttributeValue[];
  SS?: string[];
  NS?: string[];
};

function plain(value: AttributeValue): unknown {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return Number(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.M !== undefined) return unmarshall(value.M);
  if (value.L !== undefined) return value.L.map(plain);
  if (value.SS !== undefined) return value.SS;
  if (value.NS !== undefined) return value.NS.map(Number);
  return null;
}

const unmarshall = (image: Record<string, AttributeValue> | undefined): Record<string, unknown> | undefined =>
  image ? Object.fromEntries(Object.entries(image).map(([key, value]) => [key, plain(value)])) : undefined;

/** The fields of a DynamoDB Streams record the statistics use (aws-lambda DynamoDBRecord). */
export interface StreamRecord {
  readonly eventName?: 'INSERT' | 'MODIFY' | 'REMOVE' | string;
  readonly userIdentity?: { readonly type?: string; readonly principalId?: string };
  readonly dynamodb?: { readonly OldImage?: Record<string, AttributeValue>; readonly NewImage?: Record<string, AttributeValue> };
}

/**
 * TTL deletions are stream records with userIdentity { type: Service, principalId:
 * dynamodb.amazonaws.com } (AWS docs, "DynamoDB Streams and Time to Live").
 */
export const changeOfRecord = (record: StreamRecord): DialogChange => ({
  old: unmarshall(record.dynamodb?.OldImage),
  new: record.eventName === 'REMOVE' ? undefined : unmarshall(record.dynamodb?.NewImage),
  expired: record.eventName === 'REMOVE' && record.userIdentity?.type === 'Service' && record.userIdentity.principalId === 'dynamodb.amazonaws.com',
});
