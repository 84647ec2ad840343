// Indicator scores (spec §4), each an exact whole number of cents.

import { BASE_TOTAL, IndicatorId, MeasureId } from "./catalogue";
import { Decimal, Ratio, decimalOf, roundHalfUpCents } from "./exact";
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

/** Median of whole numbers as an exact ratio (the mean of the middle two for an even count). */
export function median(values: readonly number[]): Ratio | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? { num: sorted[mid], den: 1 } : { num: sorted[mid - 1] + sorted[mid], den: 2 };
}

const big = BigInt;

/** A rule's parameters as exact decimals, worked out once per rule: scoring runs per unit-month. */
const decimalsCache = new WeakMap<IndicatorRule, readonly Decimal[]>();
function params(rule: IndicatorRule): readonly Decimal[] {
  let d = decimalsCache.get(rule);
  if (!d) {
    d = rule.params.map(decimalOf);
    decimalsCache.set(rule, d);
  }
  return d;
}

function pointsCents(rule: IndicatorRule): bigint {
  return big(Math.round(rule.points * 100));
}

/** points × min(1, max(0, (rate − zero) ÷ (full − zero))) for rate = n/d, in cents. */
function rampCents(rule: IndicatorRule, n: number, d: number): number {
  const [full, zero] = params(rule);
  // Compare n/d with full and zero exactly: n × full.den vs full.num × d.
  if (big(n) * full.den >= full.num * big(d)) return Number(pointsCents(rule));
  if (big(n) * zero.den <= zero.num * big(d)) return 0;
  // (n/d − z) / (f − z) with z = zn/zd, f = fn/fd, over a common denominator.
  const num = (big(n) * zero.den - zero.num * big(d)) * full.den;
  const den = (full.num * zero.den - zero.num * full.den) * big(d);
  return roundHalfUpCents(pointsCents(rule) * num, den * 100n);
}

/** points × min(1, (n/d) ÷ target), in cents. */
function targetCents(rule: IndicatorRule, n: bigint, d: bigint): number {
  const [target] = params(rule);
  const num = n * target.den;
  const den = d * target.num;
  if (num >= den) return Number(pointsCents(rule));
  return roundHalfUpCents(pointsCents(rule) * num, den * 100n);
}

function zeroDenominatorScore(rule: IndicatorRule): IndicatorScore {
  const cents = rule.zeroDenominator === "full" ? Number(pointsCents(rule)) : rule.zeroDenominator === "zero" ? 0 : null;
  return { cents, rate: null, zeroDenominator: true };
}

function rateScore(rule: IndicatorRule, n: number, d: number): IndicatorScore {
  if (d === 0) return zeroDenominatorScore(rule);
  const rate = { num: n, den: d };
  const cents = rule.method === "ramp" ? rampCents(rule, n, d) : rule.method === "target" ? targetCents(rule, big(n), big(d)) : proportionCents(rule, n, d);
  return { cents, rate, zeroDenominator: false };
}

/** points × min(1, n/d) for methods that score a plain proportion. */
function proportionCents(rule: IndicatorRule, n: number, d: number): number {
  if (n >= d) return Number(pointsCents(rule));
  return roundHalfUpCents(pointsCents(rule) * big(n), big(d) * 100n);
}

/**
 * Scores one indicator from a unit-month's values. `classMedian` is the A1 comparison value: the
 * median ordersTotal of the unit's class that month.
 */
export function scoreIndicator(rule: IndicatorRule, values: Readonly<Record<MeasureId, number>>, classMedian: Ratio | null = null): IndicatorScore {
  switch (rule.method) {
    case "classMedian": {
      const orders = values.ordersTotal;
      // A median of 0 (or no comparable unit) gives full points: nobody can be below it.
      if (!classMedian || classMedian.num === 0) return { cents: Number(pointsCents(rule)), rate: null, zeroDenominator: classMedian !== null };
      const num = big(orders) * big(classMedian.den);
      const den = big(classMedian.num);
      const cents = num >= den ? Number(pointsCents(rule)) : roundHalfUpCents(pointsCents(rule) * num, den * 100n);
      return { cents, rate: { num: orders * classMedian.den, den: classMedian.num }, zeroDenominator: false };
    }
    case "waitSteps": {
      const [threshold, step] = params(rule);
      const wait = decimalOf(values.avgWaitSeconds);
      // Seconds above the threshold, every started second counted: ceil(wait − threshold).
      const excessNum = wait.num * threshold.den - threshold.num * wait.den;
      const excessDen = wait.den * threshold.den;
      const started = excessNum <= 0n ? 0n : (excessNum + excessDen - 1n) / excessDen;
      // points − step × started, in cents, floored at 0.
      const cents = Number(pointsCents(rule)) - roundHalfUpCents(step.num * started, step.den);
      return { cents: Math.max(0, cents), rate: null, zeroDenominator: false };
    }
    case "deductions": {
      const [minor, major] = params(rule);
      const lost = roundHalfUpCents(minor.num * big(values.inspectionMinor), minor.den) + roundHalfUpCents(major.num * big(values.inspectionMajor), major.den);
      return { cents: Math.max(0, Number(pointsCents(rule)) - lost), rate: null, zeroDenominator: false };
    }
    case "reportRatio": {
      const required = values.reportsRequired;
      if (required === 0) return zeroDenominatorScore(rule);
      const [weight] = params(rule);
      // (onTime + w × late) / required with w = wn/wd.
      const num = big(values.reportsOnTime) * weight.den + weight.num * big(values.reportsLate);
      const den = big(required) * weight.den;
      const cents = num >= den ? Number(pointsCents(rule)) : roundHalfUpCents(pointsCents(rule) * num, den * 100n);
      return { cents, rate: { num: Number(num), den: Number(den) }, zeroDenominator: false };
    }
    case "ramp":
    case "target": {
      const [numField, denField] = RATE_FIELDS[rule.id] ?? [];
      if (!numField || !denField) return { cents: 0, rate: null, zeroDenominator: false };
      return rateScore(rule, values[numField], values[denField]);
    }
  }
}

/** For rate-scored indicators, the fields of the rate (spec §4 "value" column). */
export const RATE_FIELDS: Partial<Record<IndicatorId, readonly [MeasureId, MeasureId]>> = {
  A2: ["manualAnswered", "manualQueued"],
  A3: ["infoInstant", "infoOrders"],
  B1: ["transferOnTime", "transferDue"],
  B2: ["crossCityOnTime", "crossCityDue"],
  B3: ["instantSatisfied", "instantRated"],
  B4: ["revisited", "transferClosed"],
  B5: ["revisitSatisfied", "revisitRated"],
};

export interface MonthScore {
  readonly scores: IndicatorScores;
  /** 基本分 in cents: Σ scores, rescaled to 67 when a prorated indicator is left out. */
  readonly baseCents: number;
}

/** All indicators of one unit-month and its base score. */
export function scoreMonth(rules: RuleSet, values: Readonly<Record<MeasureId, number>>, classMedian: Ratio | null): MonthScore {
  const scores = {} as Record<IndicatorId, IndicatorScore>;
  let sum = 0;
  let applicablePoints = 0;
  let leftOut = false;
  for (const rule of rules.indicators) {
    const s = scoreIndicator(rule, values, rule.method === "classMedian" ? classMedian : null);
    scores[rule.id] = s;
    if (s.cents === null) leftOut = true;
    else {
      sum += s.cents;
      applicablePoints += Math.round(rule.points * 100);
    }
  }
  const baseCents = !leftOut ? sum : applicablePoints === 0 ? 0 : roundHalfUpCents(big(sum) * big(BASE_TOTAL), big(applicablePoints));
  return { scores, baseCents };
}
