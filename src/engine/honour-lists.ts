// 红榜 / 黑榜 and 末位警示 (spec §11): the top and bottom N ranked units, every unit tied at a cut
// listed (不分先后); and the units last among the ranked in M consecutive months.

import { Evaluation, ResultRow } from "./evaluate";
import { MonthKey, monthsOf, periodKey } from "./period";

/** How long the lists are and when a warning is given: rows of 评分规则 (N1–N3). */
export interface NoticeRules {
  /** 红榜: the top N ranked units. */
  readonly redList: number;
  /** 黑榜: the bottom N ranked units. */
  readonly blackList: number;
  /** 末位警示: last among the ranked in this many consecutive months. */
  readonly warningMonths: number;
}

export const DEFAULT_NOTICE_RULES: NoticeRules = { redList: 5, blackList: 5, warningMonths: 3 };

/** Their rows of 评分规则, after X: 编号, 指标, 方法, and the number in 参数1 (an integer ≥ 0; 0 turns it off). */
export const NOTICE_ROWS = [
  {
    id: "N1",
    key: "redList",
    label: "红榜",
    method: "通报名单",
    param: "单位数",
    explanation: "参数1 为红榜单位数（前 N 名，并列的一并列入，不分先后）",
  },
  {
    id: "N2",
    key: "blackList",
    label: "黑榜",
    method: "通报名单",
    param: "单位数",
    explanation: "参数1 为黑榜单位数（后 N 名，并列的一并列入，不分先后）",
  },
  {
    id: "N3",
    key: "warningMonths",
    label: "末位警示",
    method: "连续末位",
    param: "连续月数",
    explanation: "参数1 为连续末位的月数，达到即予警示",
  },
] as const satisfies readonly { readonly id: string; readonly key: keyof NoticeRules; readonly [k: string]: string }[];

export interface HonourList {
  /** In published order (the black list from the bottom up: the last first). */
  readonly rows: readonly ResultRow[];
  /** More rows than N: units tied at the cut are all listed, and the list is 不分先后. */
  readonly tiedAtCut: boolean;
}

/** The top n ranked rows, and every row sharing the nth row's rank. */
function top(ranked: readonly ResultRow[], n: number): HonourList {
  if (n <= 0 || !ranked.length) return { rows: [], tiedAtCut: false };
  const cut = ranked[Math.min(n, ranked.length) - 1].rank;
  const rows = ranked.filter((r) => r.rank! <= cut!);
  return { rows, tiedAtCut: rows.length > n };
}

/** The bottom n ranked rows, last first, and every row sharing the rank at the cut. */
function bottom(ranked: readonly ResultRow[], n: number): HonourList {
  if (n <= 0 || !ranked.length) return { rows: [], tiedAtCut: false };
  const cut = ranked[Math.max(ranked.length - n, 0)].rank!;
  const rows = ranked.filter((r) => r.rank! >= cut).reverse();
  return { rows, tiedAtCut: rows.length > n };
}

/** 红榜 and 黑榜 of a result: only ranked rows (不合格 and unranked rows are on neither). */
export function honourLists(evaluation: Evaluation, rules: NoticeRules = DEFAULT_NOTICE_RULES): { red: HonourList; black: HonourList } {
  const ranked = evaluation.rows.filter((r) => r.rank !== null);
  return { red: top(ranked, rules.redList), black: bottom(ranked, rules.blackList) };
}

/** The unit codes last among the ranked in a month's result (all of them when the last rank is shared). */
export function lastRanked(evaluation: Evaluation): ReadonlySet<string> {
  const ranked = evaluation.rows.filter((r) => r.rank !== null);
  const last = ranked[ranked.length - 1]?.rank;
  return new Set(ranked.filter((r) => r.rank === last).map((r) => r.unit.code));
}

export interface LastPlaceWarning {
  readonly unitCode: string;
  readonly unitName: string;
  /** The consecutive months it was last, oldest first. */
  readonly months: readonly MonthKey[];
}

/**
 * 末位警示: the units last in `rules.warningMonths` consecutive months ending in a month of the period
 * (for a month: ending in it). `months` are the monthly results the workbook has, any order; a month
 * missing from them breaks a run.
 */
export function lastPlaceWarnings(
  period: Evaluation["period"],
  months: readonly Evaluation[],
  rules: NoticeRules = DEFAULT_NOTICE_RULES,
): LastPlaceWarning[] {
  const m = rules.warningMonths;
  if (m <= 0) return [];
  const byMonth = new Map(months.filter((e) => e.period.kind === "month").map((e) => [periodKey(e.period), e]));
  const names = new Map(months.flatMap((e) => e.rows.map((r) => [r.unit.code, r.unit.name] as const)));
  const sorted = [...byMonth.keys()].sort();
  const last = new Map(sorted.map((k) => [k, lastRanked(byMonth.get(k)!)]));
  const warnings = new Map<string, MonthKey[]>();
  for (const end of monthsOf(period)) {
    const run = consecutiveMonths(end, m);
    if (!run.every((k) => last.has(k))) continue;
    for (const code of last.get(end)!) {
      if (run.every((k) => last.get(k)!.has(code)) && !warnings.has(code)) warnings.set(code, run);
    }
  }
  return [...warnings].map(([unitCode, run]) => ({ unitCode, unitName: names.get(unitCode) ?? unitCode, months: run }));
}

/** The n months ending in `end`, oldest first. */
export function consecutiveMonths(end: MonthKey, n: number): MonthKey[] {
  const out: MonthKey[] = [];
  let year = Number(end.slice(0, 4));
  let month = Number(end.slice(5, 7));
  for (let i = 0; i < n; i++) {
    out.unshift(`${year}-${String(month).padStart(2, "0")}`);
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return out;
}
