// Indicator scores (spec §4), each an exact whole number of cents. Rates, rule parameters and shares
// are BigInt fractions; a score is rounded half-up once, at the end.

import { BASE_TOTAL, INDICATOR_IDS, IndicatorId, MeasureId, indicatorDef, perIndicator } from "./catalogue";
import { Fraction, Ratio, compareFractions, decimalOf, fraction, roundHalfUp, roundHalfUpCents, toCents } from "./exact";
import { IndicatorRule, RuleSet } from "./rules";

export interface IndicatorScore {
  /** Points in cents, or null where the rule leaves the indicator out (prorate, zero denominator). */
  readonly cents: number | null;
  /** The indicator's rate where it is one; null when its denominator is 0. */
  readonly rate: Ratio | null;
  /** True when the denominator was 0 and the zero-denominator policy decided the score. */
  readonly zeroDenominator: boolean;
}

export type IndicatorScores = Readonly<Record<IndicatorId, IndicatorScore>>;

type Values = Readonly<Record<MeasureId, number>>;

/** An indicator's score from a unit-month's values and, for A1, the class median. */
export type IndicatorScorer = (values: Values, classMedian: Ratio | null) => IndicatorScore;

/** Median of whole numbers as an exact ratio (the mean of the middle two for an even count). */
export function median(values: readonly number[]): Ratio | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? { num: sorted[mid], den: 1 } : { num: sorted[mid - 1] + sorted[mid], den: 2 };
}

const WHOLE: Fraction = { num: 1n, den: 1n };

/** points × share in cents, the share held to [0, 1] and the result rounded half-up. */
function pointsTimes(points: number, share: Fraction): number {
  if (share.num <= 0n) return 0;
  if (share.num >= share.den) return points;
  return Number(roundHalfUp(BigInt(points) * share.num, share.den));
}

/** a − b and a ÷ b of fractions (b ≠ 0). */
const minus = (a: Fraction, b: Fraction): Fraction => ({ num: a.num * b.den - b.num * a.den, den: a.den * b.den });
const over = (a: Fraction, b: Fraction): Fraction => ({ num: a.num * b.den, den: a.den * b.num });

/** Seconds above the threshold, every started second counted: ceil(wait − threshold), or 0. */
function startedSeconds(wait: number, threshold: Fraction): bigint {
  const excess = minus(decimalOf(wait), threshold);
  return excess.num <= 0n ? 0n : (excess.num + excess.den - 1n) / excess.den;
}

/** step × count in cents (a step of 0.2 points, 3 findings → 60), rounded half-up. */
function stepsCents(step: Fraction, count: number | bigint): number {
  return roundHalfUpCents(step.num * BigInt(count), step.den);
}

/**
 * The rule as a scorer: its parameters read as exact decimals once, and the fields it reads taken
 * from the catalogue (INDICATORS[].fields).
 */
export function indicatorScorer(rule: IndicatorRule): IndicatorScorer {
  const points = toCents(rule.points);
  const params = rule.params.map(decimalOf);
  const fields = indicatorDef(rule.id).fields;
  const whenZero: IndicatorScore = {
    cents: rule.zeroDenominator === "full" ? points : rule.zeroDenominator === "zero" ? 0 : null,
    rate: null,
    zeroDenominator: true,
  };
  const scored = (cents: number, rate: Ratio | null = null): IndicatorScore => ({ cents, rate, zeroDenominator: false });

  switch (rule.method) {
    case "classMedian":
      // points × min(1, orders ÷ median); a median of 0 gives full points: nobody can be below it.
      return (values, classMedian) => {
        if (classMedian === null) return scored(points);
        if (classMedian.num === 0) return { cents: points, rate: null, zeroDenominator: true };
        const rate = { num: values[fields[0]] * classMedian.den, den: classMedian.num };
        return scored(pointsTimes(points, fraction(rate.num, rate.den)), rate);
      };
    case "ramp": {
      // points × (rate − zero) ÷ (full − zero), full points at the full line, none at the zero line.
      const [full, zero] = params;
      const span = minus(full, zero);
      const [numField, denField] = fields;
      return (values) => {
        const n = values[numField];
        const d = values[denField];
        if (d === 0) return whenZero;
        const rate = fraction(n, d);
        const share = compareFractions(rate, full) >= 0 ? WHOLE : over(minus(rate, zero), span);
        return scored(pointsTimes(points, share), { num: n, den: d });
      };
    }
    case "target": {
      // points × min(1, rate ÷ target).
      const [target] = params;
      const [numField, denField] = fields;
      return (values) => {
        const n = values[numField];
        const d = values[denField];
        if (d === 0) return whenZero;
        return scored(pointsTimes(points, over(fraction(n, d), target)), { num: n, den: d });
      };
    }
    case "reportRatio": {
      // points × min(1, (on time + weight × late) ÷ required); the rate kept as whole numbers.
      const [weight] = params;
      const [onTimeField, lateField, requiredField] = fields;
      return (values) => {
        const required = values[requiredField];
        if (required === 0) return whenZero;
        const num = BigInt(values[onTimeField]) * weight.den + weight.num * BigInt(values[lateField]);
        const den = BigInt(required) * weight.den;
        return scored(pointsTimes(points, { num, den }), { num: Number(num), den: Number(den) });
      };
    }
    case "waitSteps": {
      // points − step × every started second above the threshold, floored at 0.
      const [threshold, step] = params;
      return (values) => scored(Math.max(0, points - stepsCents(step, startedSeconds(values[fields[0]], threshold))));
    }
    case "deductions": {
      // points − minor step × minor findings − major step × major findings, floored at 0.
      const [minor, major] = params;
      const [minorField, majorField] = fields;
      return (values) => scored(Math.max(0, points - stepsCents(minor, values[minorField]) - stepsCents(major, values[majorField])));
    }
  }
}

/**
 * Scores one indicator from a unit-month's values (only its own fields are read). `classMedian` is
 * the A1 comparison value: the median ordersTotal of the unit's class that month.
 */
export function scoreIndicator(rule: IndicatorRule, values: Values, classMedian: Ratio | null = null): IndicatorScore {
  return indicatorScorer(rule)(values, classMedian);
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

export function monthScorer(rules: RuleSet): MonthScorer {
  const scorers = rules.indicators.map((rule) => ({ id: rule.id, points: toCents(rule.points), score: indicatorScorer(rule) }));
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
