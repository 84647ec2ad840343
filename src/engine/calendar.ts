// 公示期 (第十三条): 5 working days after publication, on mainland China's calendar of statutory
// holidays and 调休 working days (holiday-table.ts, generated at build time from chinese-days), with
// the workbook's 节假日调整 rows taking precedence.

import { CellValue, displayText, normalizeLabel } from "./cells";
import { HOLIDAY_TABLE } from "./holiday-table";
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

/** The words a 类型 cell of 节假日调整 may hold (booleans: TRUE a working day, FALSE a day off). */
export const HOLIDAY_KINDS = {
  workday: ["工作日", "上班", "班", "调休上班", "补班", "workday", "true"],
  dayOff: ["休息日", "放假", "休", "休息", "节假日", "假日", "假", "holiday", "false"],
} as const;

/** What a 类型 cell should say, for messages. */
export const HOLIDAY_KIND_HINT = "“工作日”或“休息日”";

/** A 类型 cell as a working day (true), a day off (false), or undefined when it is neither. */
export function readHolidayKind(cell: CellValue | undefined): boolean | undefined {
  const word = normalizeLabel(typeof cell === "boolean" ? String(cell) : displayText(cell));
  if (HOLIDAY_KINDS.workday.some((w) => normalizeLabel(w) === word)) return true;
  if (HOLIDAY_KINDS.dayOff.some((w) => normalizeLabel(w) === word)) return false;
  return undefined;
}

/** Whether the holiday table carries the State Council's arrangement for that year. */
export function calendarKnowsYear(year: number): boolean {
  return Object.prototype.hasOwnProperty.call(HOLIDAY_TABLE, year);
}

/** Per known year, the days that break the Monday-to-Friday rule, read from the table once. */
const exceptions = new Map<number, { readonly off: ReadonlySet<string>; readonly work: ReadonlySet<string> }>();

function yearExceptions(year: number): { readonly off: ReadonlySet<string>; readonly work: ReadonlySet<string> } {
  let e = exceptions.get(year);
  if (!e) {
    const { off, work } = HOLIDAY_TABLE[year] ?? { off: "", work: "" };
    const days = (list: string) => new Set(list.split(" ").filter(Boolean));
    e = { off: days(off), work: days(work) };
    exceptions.set(year, e);
  }
  return e;
}

/** A working day by the State Council's calendar (a year the table knows). */
export function isCalendarWorkday(iso: string): boolean {
  const e = yearExceptions(Number(iso.slice(0, 4)));
  const mmdd = iso.slice(5, 7) + iso.slice(8, 10);
  if (e.work.has(mmdd)) return true;
  return !isWeekend(iso) && !e.off.has(mmdd);
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

/**
 * The last day of the 公示期: the `days`-th working day after `published` (the publication day itself
 * not counted). A year the calendar does not know gives a warning, never a silent guess; it names
 * `overridesSheet`, where the caller reads overrides from, as the place to add the year.
 */
export function publicityEnd(
  published: string,
  days = PUBLICITY_WORKING_DAYS,
  overrides: readonly HolidayOverride[] = [],
  overridesSheet?: string,
): PublicityPeriod {
  const byDate = new Map(overrides.map((o) => [o.date, o.workday]));
  const covered = new Set(overrides.map((o) => Number(o.date.slice(0, 4))));
  const known = new Map<number, boolean>();
  const unknown = new Set<number>();
  let date = published;
  let counted = 0;
  // A bound for safety: no real calendar has 60 days off in a row.
  for (let guard = 0; counted < Math.max(0, days) && guard < 366; guard++) {
    date = addDays(date, 1);
    const year = Number(date.slice(0, 4));
    if (!known.has(year)) known.set(year, calendarKnowsYear(year));
    const override = byDate.get(date);
    let workday: boolean;
    if (override !== undefined) workday = override;
    else if (known.get(year)) workday = isCalendarWorkday(date);
    else {
      workday = !isWeekend(date);
      if (!covered.has(year)) unknown.add(year);
    }
    if (workday) counted++;
  }
  const unknownYears = [...unknown].sort();
  const warning = unknownYears.length
    ? `节假日数据未包含 ${unknownYears.join("、")} 年，公示期截止日仅按周末推算，可能不准确；${addYearHint(overridesSheet)}。`
    : undefined;
  return { published, end: date, days, unknownYears, warning };
}

/** Where to add a year the calendar does not know. */
export function addYearHint(overridesSheet?: string): string {
  return overridesSheet ? `请在“${overridesSheet}”表中填写该年的放假与调休安排` : "请补充该年的放假与调休安排";
}
