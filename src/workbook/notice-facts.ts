// What the 通报 adds to a period's result, from the same workbook (spec §11): the rank change against
// the previous period of the same kind, 红榜 / 黑榜 and 末位警示. The previous periods are evaluated
// from the workbook's own data, as they stand now.

import {
  DEFAULT_NOTICE_RULES,
  Evaluation,
  HonourList,
  LastPlaceWarning,
  NoticeRules,
  Period,
  RankChange,
  consecutiveMonths,
  evaluate,
  honourLists,
  lastPlaceWarnings,
  monthOfKey,
  monthsOf,
  previousPeriod,
  rankChanges,
} from "../engine";
import { monthsWithData } from "./overview";
import { WorkbookInput } from "./read";

export interface NoticeFacts {
  /** The previous period of the same kind, when the workbook has data for it. */
  readonly previous: Evaluation | null;
  readonly rankChanges: ReadonlyMap<string, RankChange>;
  readonly red: HonourList;
  readonly black: HonourList;
  readonly warnings: readonly LastPlaceWarning[];
  readonly rules: NoticeRules;
}

/** A period of the workbook's input, evaluated for comparison only (its problems are the period's own business). */
function evaluatePeriod(input: WorkbookInput, period: Period): Evaluation {
  return evaluate({ period, units: input.units, records: input.records, events: input.events, rules: input.rules });
}

/** The previous period's evaluation, or null when none of its months has data in the workbook. */
export function previousEvaluation(input: WorkbookInput, period: Period): Evaluation | null {
  const withData = new Set(monthsWithData(input));
  const before = previousPeriod(period);
  return monthsOf(before).some((m) => withData.has(m)) ? evaluatePeriod(input, before) : null;
}

/** The evaluation with each row's rank change against the previous period, where the workbook has one (result sheets, 公示表, JSON). */
export function withRankChanges(input: WorkbookInput, evaluation: Evaluation): Evaluation {
  const previous = previousEvaluation(input, evaluation.period);
  // Without a previous period (January of a year's workbook) there is no column of dashes.
  return previous ? { ...evaluation, rankChanges: rankChanges(evaluation, previous) } : evaluation;
}

/** Rank changes, 红黑榜 and 末位警示 of a period's result. */
export function noticeFacts(input: WorkbookInput, evaluation: Evaluation): NoticeFacts {
  const rules = evaluation.rules?.notice ?? DEFAULT_NOTICE_RULES;
  const withData = new Set(monthsWithData(input));
  const months = monthsOf(evaluation.period);
  // 末位警示 looks back M − 1 months before the period's first.
  const span = [...consecutiveMonths(months[0], rules.warningMonths).slice(0, -1), ...months].filter((m) => withData.has(m));
  const monthly = span.map((m) =>
    evaluation.period.kind === "month" && m === months[0] ? evaluation : evaluatePeriod(input, { kind: "month", ...monthOfKey(m) }),
  );
  const previous = previousEvaluation(input, evaluation.period);
  return {
    previous,
    rankChanges: evaluation.rankChanges ?? rankChanges(evaluation, previous),
    ...honourLists(evaluation, rules),
    warnings: lastPlaceWarnings(evaluation.period, monthly, rules),
    rules,
  };
}
