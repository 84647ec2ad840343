// The JSON of spec §9, exactly: period, status, publicityEnd, rows in published order, issues.

import { INDICATOR_IDS, IndicatorId, Evaluation, periodKey } from "../engine";

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
}

export interface IssueJson {
  readonly severity: "error" | "warning";
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly message: string;
}

export interface EvaluationJson {
  readonly period: string;
  readonly status: "final" | "draft";
  readonly publicityEnd: string | null;
  readonly rows: readonly RowJson[];
  readonly issues: readonly IssueJson[];
}

export function evaluationJson(evaluation: Evaluation): EvaluationJson {
  return {
    period: periodKey(evaluation.period),
    status: evaluation.status,
    publicityEnd: evaluation.publication?.end ?? null,
    rows: evaluation.rows.map((r) => {
      const scores = {} as Record<IndicatorId, number | null>;
      for (const id of INDICATOR_IDS) scores[id] = r.scores[id];
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
      };
    }),
    issues: evaluation.problems.map((p) => ({
      severity: p.severity,
      sheet: p.at?.sheet ?? null,
      cell: p.at?.cell || null,
      message: p.message,
    })),
  };
}
