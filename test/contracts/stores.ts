/**
 * What the store contracts run against: a fresh set of stores over one table (DynamoDB on
 * dynalite through the real AWS SDK, or lib/store/memory). Each case uses member ids of
 * its own, so one table serves a whole file.
 */
import type { DialogState } from '../../lib/menu/state.js';
import type { StoreSet } from '../../lib/store/store-set.js';
import type { NewPortal } from '../../lib/store/portals.js';

export type { StoreSet } from '../../lib/store/store-set.js';

export type MakeStores = () => StoreSet;

let next = 0;
/** A member id no other case of this process uses. */
export const memberId = (): string => `contract-${process.pid}-${++next}`;

export const newPortal = (id: string, over: Partial<NewPortal> = {}): NewPortal => ({
  memberId: id,
  domain: 'example.bitrix24.com',
  clientEndpoint: 'https://example.bitrix24.com/rest/',
  serverEndpoint: 'https://oauth.bitrix.info/rest/',
  applicationToken: 'app-token',
  accessToken: 'access-1',
  refreshToken: 'refresh-1',
  tokenExpiresAt: 2_000_000_000,
  scope: 'imbot,imopenlines',
  botId: 7,
  botCode: 'support_bot',
  language: 'en',
  installedAt: 1_000,
  ...over,
});

export const tokens = (n: number) => ({ accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresAt: 2_000_000_000 + n, scope: 'imbot,imopenlines' });

export const state = (menu: string): DialogState => ({ menu, history: [], path: [], misses: 0, missed: [], vars: {}, status: 'bot' }) as unknown as DialogState;
