// 排名变化 (spec §11): each row's rank against the previous period of the same kind — month ← the
// month before, quarter ← the quarter before, year ← the year before.

import { RESULT_LABELS, RowResult } from "./catalogue";
import { Evaluation, ResultRow } from "./evaluate";
import { Period } from "./period";

/**
 * up / down: ranked in both periods (by: places gained, negative when lost); same: the same rank;
 * new: ranked now, not evaluated in the previous period (not yet active); previousUnranked: ranked
 * now, 不合格 / 数据待核 / 缺报 then; unranked: not ranked now; noPrevious: the workbook has no
 * previous period to compare with.
 */
export type RankChangeKind = "up" | "down" | "same" | "new" | "previousUnranked" | "unranked" | "noPrevious";

export interface RankChange {
  readonly kind: RankChangeKind;
  /** Places gained (previous rank − rank): positive up, negative down, 0 the same; null without two ranks. */
  readonly by: number | null;
  readonly previousRank: number | null;
  /** The row's result in the previous period; null when it had no row there. */
  readonly previousResult: RowResult | null;
  /** ↑2, ↓3, 持平, 新, 上期不合格 …, "—" where there is nothing to compare. */
  readonly label: string;
}

/** The period before, of the same kind. */
export function previousPeriod(period: Period): Period {
  switch (period.kind) {
    case "month":
      return period.month === 1
        ? { kind: "month", year: period.year - 1, month: 12 }
        : { kind: "month", year: period.year, month: period.month - 1 };
    case "quarter":
      return period.quarter === 1
        ? { kind: "quarter", year: period.year - 1, quarter: 4 }
        : { kind: "quarter", year: period.year, quarter: period.quarter - 1 };
    case "year":
      return { kind: "year", year: period.year - 1 };
  }
}

/** What a rank change shows in a sheet or a notice. */
export function rankChangeLabel(kind: RankChangeKind, by: number | null, previousResult: RowResult | null): string {
  switch (kind) {
    case "up":
      return `↑${by}`;
    case "down":
      return `↓${-by!}`;
    case "same":
      return "持平";
    case "new":
      return "新";
    case "previousUnranked":
      return `上期${RESULT_LABELS[previousResult!]}`;
    case "unranked":
    case "noPrevious":
      return "—";
  }
}

function change(row: ResultRow, previous: ResultRow | undefined, hasPrevious: boolean): RankChange {
  const make = (kind: RankChangeKind, by: number | null = null): RankChange => ({
    kind,
    by,
    previousRank: previous?.rank ?? null,
    previousResult: previous?.result ?? null,
    label: rankChangeLabel(kind, by, previous?.result ?? null),
  });
  if (row.rank === null) return make(hasPrevious ? "unranked" : "noPrevious");
  if (!hasPrevious) return make("noPrevious");
  if (!previous) return make("new");
  if (previous.rank === null) return make("previousUnranked");
  const by = previous.rank - row.rank;
  return make(by > 0 ? "up" : by < 0 ? "down" : "same", by);
}

/**
 * Each row's change by unit code. `previous` is the previous period's evaluation, or null when the
 * workbook has none (every row is then noPrevious).
 */
export function rankChanges(current: Evaluation, previous: Evaluation | null): ReadonlyMap<string, RankChange> {
  const before = new Map((previous?.rows ?? []).map((r) => [r.unit.code, r]));
  return new Map(current.rows.map((r) => [r.unit.code, change(r, before.get(r.unit.code), previous !== null)]));
}
