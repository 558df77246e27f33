/** Working hours from the Open Line's WORKTIME_* settings (contract §4.12), read once and cached. */
import { describe, expect, it } from 'vitest';
import { useStack } from '../helpers/stack.js';

// Saturday 21 Nov 2026, 12:00 UTC.
const SATURDAY_NOON = Date.parse('2026-11-21T12:00:00Z');
const t = useStack({ clock: () => SATURDAY_NOON, env: { MENU_FILE: 'test/fixtures/menus/line-hours.yaml' } });

describe('hours: { source: line }', () => {
  it("uses the line's day-offs and time zone, with the installer token, and asks only once", async () => {
    const portal = await t.portal();
    portal.lines.set(1, {
      ID: '1',
      WORKTIME_ENABLE: 'Y',
      WORKTIME_FROM: '9.00',
      WORKTIME_TO: '18.00',
      WORKTIME_TIMEZONE: 'Europe/Moscow',
      WORKTIME_DAYOFF: ['SA', 'SU'],
      WORKTIME_HOLIDAYS: '',
    });
    portal.lines.set(3, { ID: '3', WORKTIME_ENABLE: 'N' });
    const closed = await t.chat(portal, { lineId: 1 });
    expect(t.customerView(closed)[0]).toMatch(/^We are closed/);
    await t.say(portal, closed, '1');
    expect(t.customerView(closed).at(-1)).toBe('Our operators are offline now. Your message is saved and we will answer when we open.');
    const open = await t.chat(portal, { lineId: 3 });
    expect(t.customerView(open)[0]).toMatch(/^We are open/);
    const lookups = t.stack.simulator.callsFor(portal.memberId).filter((call) => call.method === 'imopenlines.config.get');
    expect(lookups.map((call) => [call.params.CONFIG_ID, call.ok])).toEqual([
      [1, true],
      [3, true],
    ]);
  });
});
