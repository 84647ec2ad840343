// The JSON of spec §9, exactly: period, status, publicityEnd, rows in published order, issues.

import { INDICATOR_IDS, IndicatorId, Evaluation, HonourList, Losses, lossesOf, periodKey } from "../engine";
import { LIFECYCLE_LABELS, LIFECYCLE_STATUS, LifecycleOutcome, LifecycleState, GenerationKind, NoticeFacts } from "../workbook";

export interface RowJson {
  readonly rank: number | null;
  readonly unitCode: string;
  readonly unitName: string;
  readonly total: number | null;
  readonly base: number | null;
  readonly bonus: number;
  readonly deduction: number;
  readonly connectRate: number | null;
  readonly scores: Record<IndicatorId, number | null>;
  readonly tieBreak: "none" | "resolved" | "shared";
  readonly result: "ranked" | "disqualified" | "pending" | "missing";
  readonly note: string;
  /** 失分分析: indicators with points lost (most first), bonus, deduction and caps; null for a row without scores. */
  readonly losses: Losses | null;
  /** 排名变化: places gained (negative: lost), 0 the same, null without a rank now and before. */
  readonly rankChange: number | null;
  /** ↑2, ↓3, 持平, 新, 上期不合格, or — . */
  readonly rankChangeLabel: string;
}

export interface ListJson {
  /** N of the rule (评分规则 N1, N2). */
  readonly size: number;
  /** Units tied at the cut are all listed: more than N, 不分先后. */
  readonly tiedAtCut: boolean;
  readonly units: readonly {
    readonly rank: number | null;
    readonly unitCode: string;
    readonly unitName: string;
    readonly total: number | null;
  }[];
}

/** 红榜, 黑榜 and 末位警示 (spec §11). */
export interface HonourListsJson {
  readonly red: ListJson;
  readonly black: ListJson;
  readonly warnings: readonly { readonly unitCode: string; readonly unitName: string; readonly months: readonly string[] }[];
}

export function honourListsJson(facts: NoticeFacts): HonourListsJson {
  const list = (l: HonourList, size: number): ListJson => ({
    size,
    tiedAtCut: l.tiedAtCut,
    units: l.rows.map((r) => ({ rank: r.rank, unitCode: r.unit.code, unitName: r.unit.name, total: r.total })),
  });
  return {
    red: list(facts.red, facts.rules.redList),
    black: list(facts.black, facts.rules.blackList),
    warnings: facts.warnings.map((w) => ({ unitCode: w.unitCode, unitName: w.unitName, months: [...w.months] })),
  };
}

export interface IssueJson {
  readonly severity: "error" | "warning";
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly message: string;
}

export interface EvaluationJson {
  readonly period: string;
  /** draft and final as before (final: complete — publishable, or published and past its 公示期); publicity 公示中, corrected 已更正. */
  readonly status: "final" | "draft" | "publicity" | "corrected";
  /** The lifecycle state: draft 草稿, ready 待发布, publicity 公示中, final 正式, corrected 已更正. */
  readonly state?: LifecycleState;
  readonly stateLabel?: string;
  /** The published version in force (1, 2 …), 0 while nothing is published. */
  readonly version?: number;
  readonly published?: string | null;
  /** What the run did: created, replaced, corrected, unchanged (结果未变化) or draftKept. */
  readonly generation?: GenerationKind;
  readonly publicityEnd: string | null;
  readonly rows: readonly RowJson[];
  readonly issues: readonly IssueJson[];
  /** 红榜, 黑榜 and 末位警示, where the caller worked them out (rank --json). */
  readonly honourLists?: HonourListsJson;
}

export function evaluationJson(evaluation: Evaluation, lifecycle?: LifecycleOutcome, facts?: NoticeFacts): EvaluationJson {
  return {
    period: periodKey(evaluation.period),
    status: lifecycle ? LIFECYCLE_STATUS[lifecycle.state] : evaluation.status,
    ...(lifecycle && {
      state: lifecycle.state,
      stateLabel: LIFECYCLE_LABELS[lifecycle.state],
      version: lifecycle.version,
      published: lifecycle.published ?? null,
      generation: lifecycle.kind,
    }),
    publicityEnd: evaluation.publication?.end ?? null,
    rows: evaluation.rows.map((r) => {
      const scores = {} as Record<IndicatorId, number | null>;
      for (const id of INDICATOR_IDS) scores[id] = r.scores[id];
      const change = evaluation.rankChanges?.get(r.unit.code);
      return {
        rank: r.rank,
        unitCode: r.unit.code,
        unitName: r.unit.name,
        total: r.total,
        base: r.base,
        bonus: r.bonus,
        deduction: r.deduction,
        connectRate: r.connectRate ? r.connectRate.num / r.connectRate.den : null,
        scores,
        tieBreak: r.tieBreak,
        result: r.result,
        note: r.note,
        losses: evaluation.rules && r.base !== null ? lossesOf(r, evaluation.rules) : null,
        rankChange: change?.by ?? null,
        rankChangeLabel: change?.label ?? "—",
      };
    }),
    issues: evaluation.problems.map((p) => ({
      severity: p.severity,
      sheet: p.at?.sheet ?? null,
      cell: p.at?.cell || null,
      message: p.message,
    })),
    ...(facts && { honourLists: honourListsJson(facts) }),
  };
}
