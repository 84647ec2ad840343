// Months, quarters and years: the periods the method ranks (第九条).

import { CellValue, excelSerialToIso, toHalfWidth } from "./cells";

/** A month as "YYYY-MM". */
export type MonthKey = string;

export type Period =
  | { readonly kind: "month"; readonly year: number; readonly month: number }
  | { readonly kind: "quarter"; readonly year: number; readonly quarter: number }
  | { readonly kind: "year"; readonly year: number };

export function monthKey(year: number, month: number): MonthKey {
  return `${year}-${String(month).padStart(2, "0")}`;
}

export function monthOfKey(key: MonthKey): { year: number; month: number } {
  return { year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)) };
}

/** "2026-10" | "2026-Q4" | "2026" (also 2026年10月, 2026年第4季度, 2026年度); undefined when not a period. */
export function parsePeriod(text: string): Period | undefined {
  const t = toHalfWidth(text).trim().replace(/\s+/g, "");
  let m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(t);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { kind: "month", year: Number(m[1]), month: Number(m[2]) };
  m = /^(\d{4})(?:-?[Qq]|年第)([1-4])(?:季度)?$/.exec(t);
  if (m) return { kind: "quarter", year: Number(m[1]), quarter: Number(m[2]) };
  m = /^(\d{4})(?:年度?)?$/.exec(t);
  if (m) return { kind: "year", year: Number(m[1]) };
  return undefined;
}

export function periodKey(p: Period): string {
  switch (p.kind) {
    case "month":
      return monthKey(p.year, p.month);
    case "quarter":
      return `${p.year}-Q${p.quarter}`;
    case "year":
      return String(p.year);
  }
}

/** The Chinese name used in sheet names and titles: 2026年10月, 2026年第4季度, 2026年度. */
export function periodLabel(p: Period): string {
  switch (p.kind) {
    case "month":
      return `${p.year}年${p.month}月`;
    case "quarter":
      return `${p.year}年第${p.quarter}季度`;
    case "year":
      return `${p.year}年度`;
  }
}

export function monthsOf(p: Period): MonthKey[] {
  switch (p.kind) {
    case "month":
      return [monthKey(p.year, p.month)];
    case "quarter":
      return [1, 2, 3].map((i) => monthKey(p.year, (p.quarter - 1) * 3 + i));
    case "year":
      return Array.from({ length: 12 }, (_, i) => monthKey(p.year, i + 1));
  }
}

export function monthLabel(key: MonthKey): string {
  const { year, month } = monthOfKey(key);
  return `${year}年${month}月`;
}

/**
 * A 月份 cell as a month: "2026-10", "2026年10月", "2026/10", an Excel date or serial in that month;
 * "10月" or 10 only with the workbook's year given.
 */
export function readMonth(value: CellValue | undefined, year?: number): MonthKey | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : monthKey(value.getUTCFullYear(), value.getUTCMonth() + 1);
  }
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= 1 && value <= 12 && year !== undefined) return monthKey(year, value);
    const iso = value > 366 ? excelSerialToIso(value) : undefined;
    return iso ? iso.slice(0, 7) : undefined;
  }
  if (typeof value !== "string") return undefined;
  // The common case, already a month key: "2026-10".
  if (/^\d{4}-(?:0[1-9]|1[0-2])$/.test(value)) return value;
  const t = toHalfWidth(value).trim().replace(/\s+/g, "");
  let m = /^(\d{4})[-/.年](\d{1,2})(?:月(?:份)?)?(?:[-/.](\d{1,2})日?|\d{1,2}日)?$/.exec(t);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? monthKey(Number(m[1]), month) : undefined;
  }
  m = /^(\d{1,2})月(?:份)?$/.exec(t);
  if (m && year !== undefined) {
    const month = Number(m[1]);
    return month >= 1 && month <= 12 ? monthKey(year, month) : undefined;
  }
  return undefined;
}

/** When something was generated, as stamped on result sheets and 修正记录: "2026-11-05 09:00", local time. */
export function generationStamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
