// 公示期 (第十三条): 5 working days after publication, on mainland China's calendar of statutory
// holidays and 调休 working days (chinese-days), with the workbook's 节假日调整 rows taking precedence.

import { getHolidaysInRange, isWorkday } from "chinese-days";
import { CellRef } from "./problems";

export interface HolidayOverride {
  /** YYYY-MM-DD */
  readonly date: string;
  /** true: a working day (调休上班); false: a day off. */
  readonly workday: boolean;
  readonly note?: string;
  readonly at?: CellRef;
}

export interface PublicityPeriod {
  readonly published: string;
  /** The last day of the 公示期, YYYY-MM-DD. */
  readonly end: string;
  readonly days: number;
  /** Years the calendar does not know and no override covers: the end is then only a weekday count. */
  readonly unknownYears: readonly number[];
  /** A visible warning in Chinese when unknownYears is not empty. */
  readonly warning?: string;
}

export const PUBLICITY_WORKING_DAYS = 5;

const knownYearCache = new Map<number, boolean>();

/** Whether chinese-days carries the State Council's holiday table for that year. */
export function calendarKnowsYear(year: number): boolean {
  let known = knownYearCache.get(year);
  if (known === undefined) {
    // Every published year has statutory holidays (元旦 at least); an unknown year has none.
    known = getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    knownYearCache.set(year, known);
  }
  return known;
}

function addDays(iso: string, n: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

function isWeekend(iso: string): boolean {
  const [y, m, d] = iso.split("-").map(Number);
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 || day === 6;
}

/** Whether a day is a working day, and whether that answer came from a known calendar. */
export function workingDay(
  iso: string,
  overrides: ReadonlyMap<string, boolean>,
  coveredYears: ReadonlySet<number>,
): { workday: boolean; known: boolean } {
  const override = overrides.get(iso);
  if (override !== undefined) return { workday: override, known: true };
  const year = Number(iso.slice(0, 4));
  if (calendarKnowsYear(year)) return { workday: isWorkday(iso), known: true };
  return { workday: !isWeekend(iso), known: coveredYears.has(year) };
}

/**
 * The last day of the 公示期: the `days`-th working day after `published` (the publication day itself
 * not counted). A year the calendar does not know gives a warning, never a silent guess.
 */
export function publicityEnd(
  published: string,
  days = PUBLICITY_WORKING_DAYS,
  overrides: readonly HolidayOverride[] = [],
): PublicityPeriod {
  const map = new Map(overrides.map((o) => [o.date, o.workday]));
  const covered = new Set(overrides.map((o) => Number(o.date.slice(0, 4))));
  const unknown = new Set<number>();
  let date = published;
  let counted = 0;
  // A bound for safety: no real calendar has 60 days off in a row.
  for (let guard = 0; counted < Math.max(0, days) && guard < 366; guard++) {
    date = addDays(date, 1);
    const day = workingDay(date, map, covered);
    if (!day.known) unknown.add(Number(date.slice(0, 4)));
    if (day.workday) counted++;
  }
  const unknownYears = [...unknown].sort();
  const warning = unknownYears.length
    ? `节假日数据未包含 ${unknownYears.join("、")} 年，公示期截止日仅按周末推算，可能不准确；请在“节假日调整”表中填写该年的放假与调休安排。`
    : undefined;
  return { published, end: date, days, unknownYears, warning };
}
