/** The switch rule of a V1 → Chatbots 2.0 migration (lib/app/migrate/switch-to-v2.ts). */
import { expect, it } from 'vitest';
import type { DialogEvent } from '../../lib/bitrix/events.js';
import { switchesToV2 } from '../../lib/app/migrate/switch-to-v2.js';
import type { PortalRecord } from '../../lib/store/portals.js';

const portal = { botId: 7, botApi: 'v1', migration: { botId: 42, botCode: 'x_v2', startedAt: 0 } } as unknown as PortalRecord;
const event = (botId: number, entityType: string): DialogEvent => ({
  type: 'join',
  ts: 0,
  portal: {} as never,
  bot: { id: botId, code: undefined, accessToken: undefined, expiresAt: undefined },
  chat: { dialogId: 'chat5', chatId: 5, entityType, lineId: '1', connector: 'x', sessionId: '9' },
  customer: undefined,
  language: undefined,
});

it('switches on an Open Lines event of the pending V2 bot only', () => {
  expect(switchesToV2(event(42, 'LINES'), portal)).toBe(true);
  expect(switchesToV2(event(42, ''), portal)).toBe(false); // the new bot tried in a private or group chat
  expect(switchesToV2(event(7, 'LINES'), portal)).toBe(false); // the V1 bot's own events
  expect(switchesToV2(event(42, 'LINES'), { ...portal, migration: undefined })).toBe(false);
});
