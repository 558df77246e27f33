/**
 * App proof and the keep-alive settings: app.info CODE is the client_id for a local app
 * and the symbolic code for a Market app (contract §9.6, Bitrix24 docs
 * api-reference/widgets/universal/app-url.md); the documented ONAPPUPDATE body
 * (api-reference/common/events/on-app-update.md) parses to an update with tokens and the
 * new application token.
 */
import { describe, expect, it } from 'vitest';
import { isOurAppCode } from '../../lib/app/install.js';
import { parseEventBody } from '../../lib/bitrix/parse-event.js';
import { ConfigError, loadConfig } from '../../lib/config.js';
import { fixtureBody } from '../helpers/form.js';

describe('app.info CODE', () => {
  it('is ours when it is the client_id, or the configured Market code; nothing else', () => {
    const local = { clientId: 'local.abc123', appCode: undefined };
    const market = { clientId: 'app.65f0a1b2c3d4e5.12345678', appCode: 'acme.supportbot' };
    expect(isOurAppCode('local.abc123', local)).toBe(true);
    expect(isOurAppCode('acme.supportbot', local)).toBe(false);
    expect(isOurAppCode('acme.supportbot', market)).toBe(true);
    expect(isOurAppCode('app.65f0a1b2c3d4e5.12345678', market)).toBe(true);
    expect(isOurAppCode('acme.other', market)).toBe(false);
    expect(isOurAppCode(undefined, { clientId: 'x', appCode: undefined })).toBe(false);
    expect(isOurAppCode(7, market)).toBe(false);
  });
});

describe('configuration', () => {
  it('B24_APP_CODE is optional; B24_REFRESH_AFTER_DAYS defaults to 120 within 7-170', () => {
    expect(loadConfig({})).toMatchObject({ appCode: undefined, refreshAfterDays: 120 });
    expect(loadConfig({ B24_APP_CODE: ' acme.supportbot ', B24_REFRESH_AFTER_DAYS: '28' })).toMatchObject({ appCode: 'acme.supportbot', refreshAfterDays: 28 });
    expect(() => loadConfig({ B24_REFRESH_AFTER_DAYS: '1' })).toThrow(ConfigError); // daily refreshes may get the app blocked
    expect(() => loadConfig({ B24_REFRESH_AFTER_DAYS: '200' })).toThrow(/B24_REFRESH_AFTER_DAYS must be an integer from 7 to 170/);
  });
});

describe('ONAPPUPDATE as documented', () => {
  it('is an update with the app tokens and the updated application token', () => {
    const event = parseEventBody(fixtureBody('onappupdate'), 1_772_190_000);
    expect(event).toMatchObject({
      type: 'update',
      version: '2',
      language: 'en',
      portal: { memberId: 'a223c6b3710f85df22e9377d6c4f7553', domain: 'example.bitrix24.com', applicationToken: '51856fefc120afa4b628cc82d3935cce' },
      tokens: { accessToken: 'lh8ze36o8ulgrljbyscr36c7ay5sinva', refreshToken: '5f1ih5tsnsb11sc5heg3kp4ywqnjhd09', expiresAt: 1_772_190_000 + 3600 },
    });
  });
});
