// Indicator and month scores (spec §4), each an exact whole number of cents: an indicator by its
// method's scorer (methods.ts), the month's base score from them.

import { BASE_TOTAL, INDICATOR_IDS, IndicatorId, MeasureId, indicatorDef, perIndicator } from "./catalogue";
import { Ratio, decimalOf, roundHalfUpCents, toCents } from "./exact";
import { IndicatorScore, IndicatorScorer, SCORING_METHODS, ScoringMethod, methodOf } from "./methods";
import { IndicatorRule, RuleSet } from "./rules";

export type IndicatorScores = Readonly<Record<IndicatorId, IndicatorScore>>;

type Values = Readonly<Record<MeasureId, number>>;

/** Median of whole numbers as an exact ratio (the mean of the middle two for an even count). */
export function median(values: readonly number[]): Ratio | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? { num: sorted[mid], den: 1 } : { num: sorted[mid - 1] + sorted[mid], den: 2 };
}

/**
 * The rule as a scorer: its method's (methods.ts), with the parameters read as exact decimals once and
 * the fields it reads taken from the catalogue (INDICATORS[].fields).
 */
export function indicatorScorer(rule: IndicatorRule, methods: readonly ScoringMethod[] = SCORING_METHODS): IndicatorScorer {
  const points = toCents(rule.points);
  const whenZero: IndicatorScore = {
    cents: rule.zeroDenominator === "full" ? points : rule.zeroDenominator === "zero" ? 0 : null,
    rate: null,
    zeroDenominator: true,
  };
  const context = { points, params: rule.params.map(decimalOf), fields: indicatorDef(rule.id).fields, whenZero };
  return methodOf(rule.method, methods).scorer(context);
}

/**
 * Scores one indicator from a unit-month's values (only its own fields are read). `classMedian` is
 * the A1 comparison value: the median ordersTotal of the unit's class that month.
 */
export function scoreIndicator(
  rule: IndicatorRule,
  values: Values,
  classMedian: Ratio | null = null,
  methods: readonly ScoringMethod[] = SCORING_METHODS,
): IndicatorScore {
  return indicatorScorer(rule, methods)(values, classMedian);
}

export interface MonthScore {
  readonly scores: IndicatorScores;
  /** The indicators whose denominator was 0, in catalogue order. */
  readonly zeroDenominators: readonly IndicatorId[];
  /** 基本分 in cents: Σ scores, rescaled to 67 when a prorated indicator is left out. */
  readonly baseCents: number;
}

const NOT_SCORED: IndicatorScore = { cents: null, rate: null, zeroDenominator: false };

/**
 * A rule set made ready to score many unit-months: each rule's parameters are read once. The caller
 * keeps the function for as long as it scores with these rules.
 */
export type MonthScorer = (values: Values, classMedian: Ratio | null) => MonthScore;

export function monthScorer(rules: RuleSet, methods: readonly ScoringMethod[] = SCORING_METHODS): MonthScorer {
  const scorers = rules.indicators.map((rule) => ({ id: rule.id, points: toCents(rule.points), score: indicatorScorer(rule, methods) }));
  return (values, classMedian) => {
    const scores = perIndicator((): IndicatorScore => NOT_SCORED);
    let sum = 0;
    let applicable = 0;
    let leftOut = false;
    for (const { id, points, score } of scorers) {
      const s = (scores[id] = score(values, classMedian));
      if (s.cents === null) leftOut = true;
      else {
        sum += s.cents;
        applicable += points;
      }
    }
    // Σ scores × 67 ÷ the points of the indicators that apply, in cents.
    const baseCents = !leftOut ? sum : applicable === 0 ? 0 : roundHalfUpCents(BigInt(sum) * BigInt(BASE_TOTAL), BigInt(applicable));
    return { scores, baseCents, zeroDenominators: INDICATOR_IDS.filter((id) => scores[id].zeroDenominator) };
  };
}

/** All indicators of one unit-month and its base score. */
export function scoreMonth(rules: RuleSet, values: Values, classMedian: Ratio | null): MonthScore {
  return monthScorer(rules)(values, classMedian);
}
