/** An Open Line's WORKTIME_* settings read in lib/bitrix, in the shape lib/menu/hours.ts decides on. */
import { describe, expect, it } from 'vitest';
import { worktimeFromLineConfig } from '../../lib/bitrix/line-config.js';
import { isOpen } from '../../lib/menu/hours.js';

describe('worktimeFromLineConfig', () => {
  it('WORKTIME_ENABLE other than Y: no hours (always open)', () => {
    expect(worktimeFromLineConfig({})).toBeUndefined();
    expect(worktimeFromLineConfig({ WORKTIME_ENABLE: 'N', WORKTIME_FROM: '9' })).toBeUndefined();
  });

  it('reads hours, day-offs, holidays (DD.MM) and the time zone as Bitrix24 sends them', () => {
    const hours = worktimeFromLineConfig({
      WORKTIME_ENABLE: 'Y',
      WORKTIME_FROM: '9.30',
      WORKTIME_TO: '23.59',
      WORKTIME_DAYOFF: ['SA', 'SU'],
      WORKTIME_HOLIDAYS: '1.1, 25.12,junk',
      WORKTIME_TIMEZONE: 'Europe/Berlin',
    });
    expect(hours).toEqual({
      timezone: 'Europe/Berlin',
      weekly: { days: [[], [[570, 1440]], [[570, 1440]], [[570, 1440]], [[570, 1440]], [[570, 1440]], []] },
      holidays: ['01-01', '12-25'],
    });
    // Tuesday 2026-12-01 10:00 in Berlin (09:00 UTC): open; the menu's isOpen takes the shape as is.
    expect(isOpen(hours!, Date.UTC(2026, 11, 1, 9, 0))).toBe(true);
    expect(isOpen(hours!, Date.UTC(2026, 11, 1, 7, 0))).toBe(false);
  });

  it('whole hours, a comma-separated day-off list and an unknown time zone (UTC)', () => {
    expect(
      worktimeFromLineConfig({ WORKTIME_ENABLE: 'Y', WORKTIME_FROM: '8', WORKTIME_TO: '17', WORKTIME_DAYOFF: 'SU, MO', WORKTIME_TIMEZONE: 'Mars/Base' }),
    ).toEqual({
      timezone: 'UTC',
      weekly: { days: [[], [], [[480, 1020]], [[480, 1020]], [[480, 1020]], [[480, 1020]], [[480, 1020]]] },
      holidays: [],
    });
  });
});
