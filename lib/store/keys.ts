/** Key design (infra/table.yml): one partition per portal, so a portal is read and removed by its pk. */
export const portalPk = (memberId: string) => `P#${memberId}`;

export const keys = {
  portal: (memberId: string) => ({ pk: portalPk(memberId), sk: 'PORTAL' }),
  dialog: (memberId: string, botId: number, dialogId: string) => ({ pk: portalPk(memberId), sk: `D#${botId}#${dialogId}` }),
  budget: (memberId: string) => ({ pk: portalPk(memberId), sk: 'BUDGET' }),
  /** A fetch-mode bot's event feed: its offset and the poller's lease (lib/store/feeds.ts). */
  feed: (memberId: string) => ({ pk: portalPk(memberId), sk: 'FEED' }),
} as const;

export type Key = { readonly pk: string; readonly sk: string };

/**
 * The sparse index of stored token pairs by age (infra/table.yml, TokensByAge): only a
 * portal item that holds tokens has `tokensShard`, so the keep-alive job finds the pairs
 * older than a day with one Query (`tokensRefreshedAt < cutoff`), never a Scan.
 */
export const tokenIndex = { name: 'TokensByAge', shard: 'TOKENS' } as const;

/**
 * The sparse index of portals whose bot is in fetch mode (infra/table.yml, FetchFeeds): only
 * a FEED item has `feedShard`, so the poller lists them with one Query, never a Scan.
 */
export const feedIndex = { name: 'FetchFeeds', shard: 'FETCH' } as const;
