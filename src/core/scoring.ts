// Indicator scores (spec §4), each an exact whole number of cents.

import { BASE_TOTAL, IndicatorId, MeasureId, perIndicator } from "./catalogue";
import { Decimal, Ratio, decimalOf, floorDiv, mulDivRoundHalfUp, roundHalfUpCents } from "./exact";
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

function pointsCents(rule: IndicatorRule): number {
  return Math.round(rule.points * 100);
}

/** A parameter as a fraction of plain numbers (rule parameters are short decimals: 0.95, 15, 0.2). */
interface SmallFraction {
  readonly num: number;
  readonly den: number;
}
const smallCache = new WeakMap<IndicatorRule, readonly SmallFraction[]>();
function smallParams(rule: IndicatorRule): readonly SmallFraction[] {
  let d = smallCache.get(rule);
  if (!d) {
    d = params(rule).map((x) => ({ num: Number(x.num), den: Number(x.den) }));
    smallCache.set(rule, d);
  }
  return d;
}

const safe = Number.isSafeInteger;

/**
 * points × min(1, max(0, (rate − zero) ÷ (full − zero))) for rate = n/d, in cents. With
 * z = zn/zd and f = fn/fd: (n/d − z) / (f − z) = (n·zd − zn·d)·fd / ((fn·zd − zn·fd)·d).
 */
function rampCents(rule: IndicatorRule, n: number, d: number): number {
  const [f, z] = smallParams(rule);
  const nf = n * f.den, fd = f.num * d, nz = n * z.den, zd = z.num * d;
  if (safe(nf) && safe(fd) && safe(nz) && safe(zd)) {
    if (nf >= fd) return pointsCents(rule);
    if (nz <= zd) return 0;
    const num = (nz - zd) * f.den;
    const den = (f.num * z.den - z.num * f.den) * d;
    if (safe(num) && safe(den)) return mulDivRoundHalfUp(pointsCents(rule), num, den);
  }
  const [full, zero] = params(rule);
  if (big(n) * full.den >= full.num * big(d)) return pointsCents(rule);
  if (big(n) * zero.den <= zero.num * big(d)) return 0;
  const num = (big(n) * zero.den - zero.num * big(d)) * full.den;
  const den = (full.num * zero.den - zero.num * full.den) * big(d);
  return roundHalfUpCents(big(pointsCents(rule)) * num, den * 100n);
}

/** points × min(1, (n/d) ÷ target), in cents. */
function targetCents(rule: IndicatorRule, n: number, d: number): number {
  const [t] = smallParams(rule);
  const num = n * t.den;
  const den = d * t.num;
  if (safe(num) && safe(den)) return num >= den ? pointsCents(rule) : mulDivRoundHalfUp(pointsCents(rule), num, den);
  const [target] = params(rule);
  const bnum = big(n) * target.den;
  const bden = big(d) * target.num;
  if (bnum >= bden) return pointsCents(rule);
  return roundHalfUpCents(big(pointsCents(rule)) * bnum, bden * 100n);
}

function zeroDenominatorScore(rule: IndicatorRule): IndicatorScore {
  const cents = rule.zeroDenominator === "full" ? pointsCents(rule) : rule.zeroDenominator === "zero" ? 0 : null;
  return { cents, rate: null, zeroDenominator: true };
}

function rateScore(rule: IndicatorRule, n: number, d: number): IndicatorScore {
  if (d === 0) return zeroDenominatorScore(rule);
  const rate = { num: n, den: d };
  const cents = rule.method === "ramp" ? rampCents(rule, n, d) : rule.method === "target" ? targetCents(rule, n, d) : proportionCents(rule, n, d);
  return { cents, rate, zeroDenominator: false };
}

/** points × min(1, n/d) for methods that score a plain proportion. */
function proportionCents(rule: IndicatorRule, n: number, d: number): number {
  if (n >= d) return pointsCents(rule);
  return mulDivRoundHalfUp(pointsCents(rule), n, d);
}

/** A wait in whole microseconds when it has at most six decimals (as typed or exported), else undefined. */
function microseconds(seconds: number): number | undefined {
  const micro = Math.round(seconds * 1e6);
  // Exact when the wait has at most six decimals: then micro / 10^6 is the very number given.
  return safe(micro) && micro / 1e6 === seconds ? micro : undefined;
}

/** Seconds above the threshold, every started second counted: ceil(wait − threshold), exactly. */
function startedSeconds(rule: IndicatorRule, wait: number): number {
  const [th] = smallParams(rule);
  const waitMicro = microseconds(wait);
  const thresholdMicro = (th.num * 1e6) / th.den;
  if (waitMicro !== undefined && safe(thresholdMicro)) {
    const excess = waitMicro - thresholdMicro;
    return excess <= 0 ? 0 : floorDiv(excess + 999_999, 1_000_000);
  }
  const [threshold] = params(rule);
  const w = decimalOf(wait);
  const excessNum = w.num * threshold.den - threshold.num * w.den;
  const excessDen = w.den * threshold.den;
  return excessNum <= 0n ? 0 : Number((excessNum + excessDen - 1n) / excessDen);
}

/** step × count in cents, for a step such as 0.2 points (rounded half-up, though steps are whole cents in practice). */
function stepCents(step: SmallFraction, count: number): number {
  return mulDivRoundHalfUp(step.num * 100, count, step.den);
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
      if (!classMedian || classMedian.num === 0) return { cents: pointsCents(rule), rate: null, zeroDenominator: classMedian !== null };
      const num = orders * classMedian.den;
      const den = classMedian.num;
      const cents = num >= den ? pointsCents(rule) : mulDivRoundHalfUp(pointsCents(rule), num, den);
      return { cents, rate: { num: orders * classMedian.den, den: classMedian.num }, zeroDenominator: false };
    }
    case "waitSteps": {
      const [, step] = smallParams(rule);
      // points − step × started seconds, in cents, floored at 0.
      const cents = pointsCents(rule) - stepCents(step, startedSeconds(rule, values.avgWaitSeconds));
      return { cents: Math.max(0, cents), rate: null, zeroDenominator: false };
    }
    case "deductions": {
      const [minor, major] = smallParams(rule);
      const lost = stepCents(minor, values.inspectionMinor) + stepCents(major, values.inspectionMajor);
      return { cents: Math.max(0, pointsCents(rule) - lost), rate: null, zeroDenominator: false };
    }
    case "reportRatio": {
      const required = values.reportsRequired;
      if (required === 0) return zeroDenominatorScore(rule);
      const [w] = smallParams(rule);
      // (onTime + w × late) / required with w = wn/wd, over wd.
      const num = values.reportsOnTime * w.den + w.num * values.reportsLate;
      const den = required * w.den;
      if (safe(num) && safe(den)) return { cents: num >= den ? pointsCents(rule) : mulDivRoundHalfUp(pointsCents(rule), num, den), rate: { num, den }, zeroDenominator: false };
      const [weight] = params(rule);
      const bnum = big(values.reportsOnTime) * weight.den + weight.num * big(values.reportsLate);
      const bden = big(required) * weight.den;
      const cents = bnum >= bden ? pointsCents(rule) : roundHalfUpCents(big(pointsCents(rule)) * bnum, bden * 100n);
      return { cents, rate: { num: Number(bnum), den: Number(bden) }, zeroDenominator: false };
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

const NOT_SCORED: IndicatorScore = { cents: null, rate: null, zeroDenominator: false };

const notScored = () => NOT_SCORED;

export interface MonthScore {
  readonly scores: IndicatorScores;
  /** 基本分 in cents: Σ scores, rescaled to 67 when a prorated indicator is left out. */
  readonly baseCents: number;
}

/** All indicators of one unit-month and its base score. */
export function scoreMonth(rules: RuleSet, values: Readonly<Record<MeasureId, number>>, classMedian: Ratio | null): MonthScore {
  const scores = perIndicator<IndicatorScore>(notScored);
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
