// Pure helpers behind the pane's views: period choices and the summary of an evaluation.

import type { Evaluation, ResultRow, MonthKey, Period } from "../engine";
import { distinctPercent, formatTotal, tiedWith } from "../engine";
import type { Messages } from "./i18n";

export type PeriodKind = Period["kind"];

/** What the picker holds: all three selectors keep their value when the kind changes. */
export interface PeriodChoice {
  readonly kind: PeriodKind;
  readonly year: number;
  readonly month: number;
  readonly quarter: number;
}

export function toPeriod(c: PeriodChoice): Period {
  switch (c.kind) {
    case "month":
      return { kind: "month", year: c.year, month: c.month };
    case "quarter":
      return { kind: "quarter", year: c.year, quarter: c.quarter };
    case "year":
      return { kind: "year", year: c.year };
  }
}

/** The latest month with data; without data, the month before `today` (staff rank a month after it ends). */
export function defaultChoice(months: readonly MonthKey[], today: Date): PeriodChoice {
  let year: number;
  let month: number;
  const latest = [...months].sort().pop();
  if (latest) {
    year = Number(latest.slice(0, 4));
    month = Number(latest.slice(5, 7));
  } else {
    const d = new Date(today.getFullYear(), today.getMonth() - 1, 1);
    year = d.getFullYear();
    month = d.getMonth() + 1;
  }
  return { kind: "month", year, month, quarter: Math.floor((month - 1) / 3) + 1 };
}

/** The years the pickers offer: those with data, the workbook's, and the current and previous year. */
export function yearOptions(months: readonly MonthKey[], workbookYear: number | undefined, today: Date, chosen?: number): number[] {
  const years = new Set<number>([today.getFullYear(), today.getFullYear() - 1]);
  for (const m of months) years.add(Number(m.slice(0, 4)));
  if (workbookYear !== undefined) years.add(workbookYear);
  if (chosen !== undefined) years.add(chosen);
  return [...years].filter((y) => Number.isInteger(y) && y > 1900 && y < 3000).sort((a, b) => a - b);
}

/** A total as the pane shows it: the engine's one way of writing totals. */
export const totalText = formatTotal;

/** Ranked rows with rank 1–3 (more than three when ranks are shared). */
export function topThree(evaluation: Evaluation): ResultRow[] {
  return evaluation.rows.filter((r) => r.result === "ranked" && r.rank !== null && r.rank <= 3);
}

/** One sentence per tie decided by 人工接通率, one per group still sharing a rank. */
export function tieBreakLines(evaluation: Evaluation, t: Messages): string[] {
  const byCode = new Map(evaluation.rows.map((r) => [r.unit.code, r]));
  const nameOf = (code: string) => byCode.get(code)?.unit.name ?? code;
  const lines: string[] = [];
  const sharedDone = new Set<string>();
  for (const row of evaluation.rows) {
    if (row.result !== "ranked" || row.rank === null || row.tieBreak === "none") continue;
    const othersCodes = tiedWith(row.tieGroup, row.unit.code);
    const others = othersCodes.map(nameOf).join(t.listSeparator);
    if (row.tieBreak === "resolved") {
      const rates = [row.connectRate, ...othersCodes.map((c) => byCode.get(c)?.connectRate ?? null)];
      lines.push(t.tieResolved(row.unit.name, others, totalText(row.total), distinctPercent(row.connectRate, rates), row.rank));
    } else {
      const key = [...row.tieGroup].sort().join(",");
      if (sharedDone.has(key)) continue;
      sharedDone.add(key);
      lines.push(t.tieShared(row.unit.name, others, totalText(row.total), row.rank));
    }
  }
  return lines;
}

export function resultCounts(evaluation: Evaluation): { ranked: number; disqualified: number; pending: number; missing: number } {
  const count = (kind: ResultRow["result"]) => evaluation.rows.filter((r) => r.result === kind).length;
  return { ranked: count("ranked"), disqualified: count("disqualified"), pending: count("pending"), missing: count("missing") };
}

export function problemCounts(problems: Evaluation["problems"]): { errors: number; warnings: number } {
  const errors = problems.filter((p) => p.severity === "error").length;
  return { errors, warnings: problems.length - errors };
}
