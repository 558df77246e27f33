/**
 * `hours:` — when the line is open: a weekly schedule and holidays in a time zone
 * (source: file), or the Open Line's own settings (source: line); and the menu shown
 * first when closed.
 */
import { parseWeekly } from '../../hours.js';
import type { Hours } from '../../types.js';
import { isObj, type Reader } from '../reader.js';

export function readHours(r: Reader, value: unknown, menuExists: (id: string) => boolean): Hours | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObj(value)) return r.fail(['hours'], 'hours must be a mapping { timezone, weekly, holidays }');
  const source = value.source ?? 'file';
  if (source !== 'file' && source !== 'line') r.fail(['hours', 'source'], 'hours.source must be file or line');
  const timezone = r.str(value, 'timezone', ['hours']) ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
  } catch {
    r.fail(['hours', 'timezone'], `hours.timezone "${timezone}" is not a known IANA time zone (e.g. Europe/Berlin)`);
  }
  const weekly = parseWeekly(value.weekly, (key, message) => r.fail(['hours', 'weekly', ...(key ? [key] : [])], message));
  if (source === 'file' && value.weekly === undefined) r.fail(['hours', 'weekly'], 'hours.weekly is required when hours.source is file');
  const holidays: string[] = [];
  if (value.holidays !== undefined) {
    if (!Array.isArray(value.holidays)) r.fail(['hours', 'holidays'], 'hours.holidays must be a list of dates');
    else
      value.holidays.forEach((day, index) => {
        const text = day instanceof Date ? day.toISOString().slice(0, 10) : String(day);
        if (!/^(\d{4}-)?\d{2}-\d{2}$/.test(text)) r.fail(['hours', 'holidays', index], `hours.holidays[${index}] must be YYYY-MM-DD or MM-DD`);
        else holidays.push(text);
      });
  }
  const closedStart = r.str(value, 'closedStart', ['hours']);
  if (closedStart && !menuExists(closedStart)) r.fail(['hours', 'closedStart'], `hours.closedStart names menu "${closedStart}", which does not exist`);
  return { source: source === 'line' ? 'line' : 'file', timezone, weekly, holidays, ...(closedStart ? { closedStart } : {}) };
}
