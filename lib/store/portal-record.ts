/**
 * What a portal is to us: its record as stored (one item per portal, lib/store/portals.ts
 * reads and writes it) and the shapes derived from it.
 */
import type { BotApi } from '../bitrix/bot-api.js';
import type { PendingMigration } from './migrations.js';

export interface PortalRecord {
  readonly memberId: string;
  readonly domain: string;
  readonly clientEndpoint: string;
  readonly serverEndpoint: string;
  readonly applicationToken: string;
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Unix seconds. */
  readonly tokenExpiresAt: number;
  readonly scope: string;
  /** Bumped by every token change; refreshes are conditional on it. */
  readonly tokenVersion: number;
  readonly botId: number;
  readonly botCode: string;
  /**
   * The API the bot was registered with: its events come only in that API's format
   * (chat-bots-v2/migration.md). Absent on portals installed before V2 support: `v1`.
   */
  readonly botApi?: BotApi;
  readonly language: string | undefined;
  readonly installedAt: number;
  readonly updatedAt: number;
  /** `active`, or `removed` between an uninstall and the end of its clean-up. */
  readonly status: 'active' | 'removed';
  /** Methods this portal refused inside `batch`; sent one by one from then on. */
  readonly batchRefused?: readonly string[];
  /** REST budget override (Enterprise plans: 5/s, burst 250). */
  readonly rate?: { readonly perSecond: number; readonly burst: number };
  /** The operators' chat app registered for this install (lib/app/chat-app.ts); `hash` signs its frames. */
  readonly chatApp?: ChatAppRecord;
  /** When the pair was last stored (install, update, refresh), ms; the keep-alive job's index key. */
  readonly tokensRefreshedAt?: number;
  /** The OAuth server refused the stored pair (keep-alive job); cleared when tokens are stored again. */
  readonly tokenProblem?: TokenProblem;
  /** The URL `npm run repoint` last pointed this portal's handlers at (lib/app/repoint.ts). */
  readonly handlerUrl?: string;
  /** A Chatbots 2.0 bot registered beside this V1 portal's bot, not yet the line's (lib/store/migrations.ts). */
  readonly migration?: PendingMigration;
  /** After the switch to V2: the V1 bot, still answering its own chats until `migrate-v2 --finish`. */
  readonly retiredBotId?: number;
}

export interface TokenProblem {
  /** invalid_grant, invalid_client, PAYMENT_REQUIRED… (the OAuth server's error code). */
  readonly code: string;
  /** ms */
  readonly at: number;
}

export interface ChatAppRecord {
  readonly id: number;
  /** The per-install HASH of imbot.app.register: a secret, never logged. */
  readonly hash: string;
  readonly url: string;
}

/** Where a portal lives: its domain (host[:port]), REST endpoint and OAuth server endpoint. */
export type PortalAddresses = Pick<PortalRecord, 'domain' | 'clientEndpoint' | 'serverEndpoint'>;

export type NewPortal = Omit<PortalRecord, 'tokenVersion' | 'updatedAt' | 'status' | 'tokensRefreshedAt' | 'tokenProblem' | 'migration' | 'retiredBotId'>;

/** A stored item as a PortalRecord (keys and the refresh lease are storage details). */
export const portalFromItem = (item: Record<string, unknown>): PortalRecord => {
  const { pk: _pk, sk: _sk, refreshLease: _lease, tokensShard: _shard, ...rest } = item;
  return rest as unknown as PortalRecord;
};
