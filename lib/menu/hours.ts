/**
 * Working hours: parsing the menu file's weekly schedule and deciding whether "now" is
 * open. An Open Line's own WORKTIME_* settings are read by lib/bitrix/line-config.ts into
 * the same shape. Pure: the caller passes the time.
 */
import type { Hours, WeeklyHours } from './types.js';

type Interval = readonly [number, number];
const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const minutes = (hhmm: string): number | undefined => {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(hhmm.trim());
  if (!match) return undefined;
  const total = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && total <= 24 * 60 ? total : undefined;
};

/**
 * `weekly: { mon-fri: "09:00-18:00", sat: "10:00-14:00, 15:00-17:00", sun: closed }`.
 * Days not listed are closed; an interval ending before it starts runs past midnight.
 */
export function parseWeekly(value: unknown, fail: (key: string | undefined, message: string) => void): WeeklyHours {
  const days: Interval[][] = DAY_KEYS.map(() => []);
  if (value === undefined || value === null) return { days };
  if (typeof value !== 'object' || Array.isArray(value)) {
    fail(undefined, 'hours.weekly must map days (mon … sun, or ranges like mon-fri) to hours like "09:00-18:00"');
    return { days };
  }
  for (const [key, spec] of Object.entries(value as Record<string, unknown>)) {
    const range = /^([a-z]{3})(?:-([a-z]{3}))?$/.exec(key.toLowerCase());
    const from = range ? DAY_KEYS.indexOf(range[1] as (typeof DAY_KEYS)[number]) : -1;
    const to = range?.[2] ? DAY_KEYS.indexOf(range[2] as (typeof DAY_KEYS)[number]) : from;
    if (from < 0 || to < 0) {
      fail(key, `hours.weekly.${key}: use mon, tue, wed, thu, fri, sat, sun or a range such as mon-fri`);
      continue;
    }
    const parts = Array.isArray(spec) ? spec.map(String) : spec === false || spec === 'closed' || spec === null ? [] : String(spec).split(',');
    const intervals: Interval[] = [];
    for (const part of parts) {
      const [start, end] = part.split('-').map((piece) => minutes(piece));
      if (start === undefined || end === undefined || part.split('-').length !== 2) {
        fail(key, `hours.weekly.${key}: "${part.trim()}" must look like 09:00-18:00 (or closed)`);
        continue;
      }
      intervals.push([start, end]);
    }
    for (let day = from; ; day = (day + 1) % 7) {
      for (const [start, end] of intervals) {
        if (end > start) days[day]!.push([start, end]);
        else {
          days[day]!.push([start, 24 * 60]);
          days[(day + 1) % 7]!.push([0, end]);
        }
      }
      if (day === to) break;
    }
  }
  return { days };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Local weekday, minute of day and date in a time zone. */
export function localTime(now: number, timezone: string): { weekday: number; minute: number; date: string } {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timezone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(now)).map((part) => [part.type, part.value]));
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday ?? 'Sun');
  return {
    weekday,
    minute: Number(parts.hour) * 60 + Number(parts.minute),
    date: `${parts.year}-${parts.month}-${parts.day}`,
  };
}

const lastAnswers = new WeakMap<object, { minute: number; open: boolean }>();

export function isOpen(hours: Pick<Hours, 'timezone' | 'weekly' | 'holidays'>, now: number): boolean {
  // Asked on every message; the answer can only change at a minute boundary.
  const minute = Math.floor(now / 60_000);
  const last = lastAnswers.get(hours);
  if (last?.minute === minute) return last.open;
  const open = computeOpen(hours, now);
  lastAnswers.set(hours, { minute, open });
  return open;
}

function computeOpen(hours: Pick<Hours, 'timezone' | 'weekly' | 'holidays'>, now: number): boolean {
  const local = localTime(now, hours.timezone);
  if (hours.holidays.some((day) => day === local.date || day === local.date.slice(5))) return false;
  return (hours.weekly.days[local.weekday] ?? []).some(([start, end]) => local.minute >= start && local.minute < end);
}
