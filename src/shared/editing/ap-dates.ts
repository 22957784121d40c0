/**
 * Photo dates in AP style, for template variables and caption checks. AP abbreviates a
 * month only when it stands with a day — Jan., Feb., Aug., Sept., Oct., Nov., Dec. — and
 * always spells out March, April, May, June and July; a month with a year alone is spelled
 * out ("June 2024"). The long form with the weekday is "Wednesday, June 19, 2024". Dates are
 * read as written in ISO 8601, never shifted to another time zone: a photo made at 23:30
 * in New York on June 19 stays June 19.
 */

/** Weekday names, Sunday first (as Date.getUTCDay counts). */
export const WEEKDAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];
/** Month names as AP writes them with a day ("Sept. 5"). */
export const AP_MONTHS_WITH_DAY = [
  'Jan.',
  'Feb.',
  'March',
  'April',
  'May',
  'June',
  'July',
  'Aug.',
  'Sept.',
  'Oct.',
  'Nov.',
  'Dec.',
] as const;
/** Month names spelled out (AP: alone or with a year only, "June 2024"). */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

interface CalendarDate {
  year: number;
  month: number | null;
  day: number | null;
}

/** The calendar date an ISO 8601 text starts with, as written: "2024-06-19T23:00-05:00" is June 19. */
function calendarDate(iso: string | null): CalendarDate | null {
  const match = /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T\s])/.exec(iso ?? '');
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null) {
    const last = new Date(Date.UTC(year, month!, 0)).getUTCDate();
    if (day < 1 || day > last) return null;
  }
  return { year, month, day };
}

function weekdayOf(date: CalendarDate): string {
  return WEEKDAYS[new Date(Date.UTC(date.year, date.month! - 1, date.day!)).getUTCDay()]!;
}

/**
 * A date as `{date:…}` prints it: "iso" 2024-06-19, "long" Wednesday, June 19, 2024, "ap"
 * June 19, 2024, "weekday" Wednesday. A date with no day prints "2024-06" / "June 2024" (and
 * "" for "weekday"); a year alone prints the year; an unreadable date prints "".
 */
export function formatTemplateDate(
  iso: string | null,
  form: 'iso' | 'long' | 'ap' | 'weekday' = 'iso',
): string {
  const date = calendarDate(iso);
  if (!date) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  if (date.month === null) return form === 'weekday' ? '' : String(date.year);
  if (date.day === null) {
    if (form === 'weekday') return '';
    return form === 'iso'
      ? `${date.year}-${pad(date.month)}`
      : `${MONTHS[date.month - 1]} ${date.year}`;
  }
  switch (form) {
    case 'iso':
      return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
    case 'weekday':
      return weekdayOf(date);
    case 'ap':
      return `${AP_MONTHS_WITH_DAY[date.month - 1]} ${date.day}, ${date.year}`;
    case 'long':
      return `${weekdayOf(date)}, ${AP_MONTHS_WITH_DAY[date.month - 1]} ${date.day}, ${date.year}`;
  }
}

const WEEKDAY = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;
const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const DATE = new RegExp(
  `\\b${MONTH}\\s+\\d{1,2}(?!\\d)|\\b\\d{1,2}\\s+${MONTH}(?![\\p{L}])|\\b${MONTH}\\s+\\d{4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b`,
  'u',
);

/** True when the text names a weekday or a date. */
export function namesDayOrDate(text: string): boolean {
  return WEEKDAY.test(text) || DATE.test(text);
}
