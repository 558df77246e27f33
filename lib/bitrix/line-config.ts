/**
 * An Open Line's working hours as its settings say them (imopenlines.config.get,
 * api-reference/imopenlines/openlines/imopenlines-config-get.md; contract §4.12):
 * WORKTIME_ENABLE, WORKTIME_FROM / WORKTIME_TO, WORKTIME_DAYOFF, WORKTIME_HOLIDAYS and
 * WORKTIME_TIMEZONE. This reads Bitrix24's format only; the result is a plain structure
 * of the same shape as the menu's weekly hours (lib/menu/types.ts `Hours`), so lib/app
 * hands it to lib/menu/hours.ts without either layer importing the other.
 */

/** Open from the first minute of the day to the second (minutes from midnight, end excluded). */
export type WorktimeInterval = readonly [number, number];

export interface LineWorktime {
  /** IANA time zone; UTC when the line names none or one this runtime does not know. */
  readonly timezone: string;
  /** Per weekday (0 = Sunday … 6 = Saturday): the open intervals. */
  readonly weekly: { readonly days: readonly (readonly WorktimeInterval[])[] };
  /** `MM-DD`: every year (Bitrix24 keeps holidays as DD.MM without a year). */
  readonly holidays: readonly string[];
}

/** Bitrix24's day-off codes in JavaScript's weekday order (0 = Sunday). */
const BITRIX_DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** "9.00", "18:00" → minutes from midnight; undefined when it is not a time of day. */
const minutes = (hhmm: string): number | undefined => {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(hhmm.trim());
  if (!match) return undefined;
  const total = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && total <= 24 * 60 ? total : undefined;
};

/**
 * An Open Line's settings as working hours, or undefined when WORKTIME_ENABLE is not Y
 * (the line is always open). Read values look like "9.00"/"18.00" or "0"/"23.59"; day-offs
 * are MO…SU codes; holidays are DD.MM.
 */
export function worktimeFromLineConfig(config: Readonly<Record<string, unknown>>): LineWorktime | undefined {
  if (String(config.WORKTIME_ENABLE ?? 'N') !== 'Y') return undefined;
  const parse = (value: unknown, fallback: number): number => {
    const text = String(value ?? '').trim();
    if (/^\d{1,2}$/.test(text)) return Number(text) * 60;
    return minutes(text) ?? fallback;
  };
  const from = parse(config.WORKTIME_FROM, 0);
  let to = parse(config.WORKTIME_TO, 24 * 60);
  // "23.59" is how the portal's form says "until midnight".
  if (to === 23 * 60 + 59) to = 24 * 60;
  const dayOff = Array.isArray(config.WORKTIME_DAYOFF)
    ? config.WORKTIME_DAYOFF.map(String)
    : String(config.WORKTIME_DAYOFF ?? '')
        .split(',')
        .map((day) => day.trim());
  const days = BITRIX_DAYS.map((code) => (dayOff.includes(code) ? [] : to > from ? [[from, to] as WorktimeInterval] : []));
  const holidays = String(config.WORKTIME_HOLIDAYS ?? '')
    .split(',')
    .map((day) => /^(\d{1,2})\.(\d{1,2})$/.exec(day.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => `${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`);
  let timezone = String(config.WORKTIME_TIMEZONE || 'UTC');
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
  } catch {
    timezone = 'UTC';
  }
  return { timezone, weekly: { days }, holidays };
}
