// Indicator scores (spec §4), each an exact whole number of cents.

import { BASE_TOTAL, IndicatorId, MeasureId, mapIndicators, perIndicator } from "./catalogue";
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
  // A typed array sorts numerically, natively, without a comparator.
  const sorted = Float64Array.from(values).sort();
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
function rampCents(rule: IndicatorRule, f: SmallFraction, z: SmallFraction, n: number, d: number): number {
  const nf = n * f.den,
    fd = f.num * d,
    nz = n * z.den,
    zd = z.num * d;
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
function targetCents(rule: IndicatorRule, t: SmallFraction, n: number, d: number): number {
  const num = n * t.den;
  const den = d * t.num;
  if (safe(num) && safe(den)) return num >= den ? pointsCents(rule) : mulDivRoundHalfUp(pointsCents(rule), num, den);
  const [target] = params(rule);
  const bnum = big(n) * target.den;
  const bden = big(d) * target.num;
  if (bnum >= bden) return pointsCents(rule);
  return roundHalfUpCents(big(pointsCents(rule)) * bnum, bden * 100n);
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

/** An indicator's score from a unit-month's values and, for A1, the class median. */
type Scorer = (values: Readonly<Record<MeasureId, number>>, classMedian: Ratio | null) => IndicatorScore;

/**
 * The rule as a scorer, made once per rule: what the method, the points and the fields are is
 * settled here rather than on each of the unit-months scored.
 */
function compile(rule: IndicatorRule): Scorer {
  const points = pointsCents(rule);
  const zeroDenominator: IndicatorScore = {
    cents: rule.zeroDenominator === "full" ? points : rule.zeroDenominator === "zero" ? 0 : null,
    rate: null,
    zeroDenominator: true,
  };
  switch (rule.method) {
    case "classMedian":
      return (values, classMedian) => {
        const orders = values.ordersTotal;
        // A median of 0 (or no comparable unit) gives full points: nobody can be below it.
        if (!classMedian || classMedian.num === 0) return { cents: points, rate: null, zeroDenominator: classMedian !== null };
        const num = orders * classMedian.den;
        const den = classMedian.num;
        return { cents: num >= den ? points : mulDivRoundHalfUp(points, num, den), rate: { num, den }, zeroDenominator: false };
      };
    case "waitSteps": {
      const [, step] = smallParams(rule);
      // points − step × started seconds, in cents, floored at 0.
      return (values) => ({
        cents: Math.max(0, points - stepCents(step, startedSeconds(rule, values.avgWaitSeconds))),
        rate: null,
        zeroDenominator: false,
      });
    }
    case "deductions": {
      const [minor, major] = smallParams(rule);
      return (values) => ({
        cents: Math.max(0, points - stepCents(minor, values.inspectionMinor) - stepCents(major, values.inspectionMajor)),
        rate: null,
        zeroDenominator: false,
      });
    }
    case "reportRatio": {
      const [w] = smallParams(rule);
      return (values) => {
        const required = values.reportsRequired;
        if (required === 0) return zeroDenominator;
        // (onTime + w × late) / required with w = wn/wd, over wd.
        const num = values.reportsOnTime * w.den + w.num * values.reportsLate;
        const den = required * w.den;
        if (safe(num) && safe(den))
          return { cents: num >= den ? points : mulDivRoundHalfUp(points, num, den), rate: { num, den }, zeroDenominator: false };
        const [weight] = params(rule);
        const bnum = big(values.reportsOnTime) * weight.den + weight.num * big(values.reportsLate);
        const bden = big(required) * weight.den;
        const cents = bnum >= bden ? points : roundHalfUpCents(big(points) * bnum, bden * 100n);
        return { cents, rate: { num: Number(bnum), den: Number(bden) }, zeroDenominator: false };
      };
    }
    case "ramp":
    case "target": {
      const fields = RATE_FIELDS[rule.id];
      if (!fields) return () => ({ cents: 0, rate: null, zeroDenominator: false });
      const [numField, denField] = fields;
      const [p1, p2] = smallParams(rule);
      const cents =
        rule.method === "ramp"
          ? (n: number, d: number) => rampCents(rule, p1, p2, n, d)
          : (n: number, d: number) => targetCents(rule, p1, n, d);
      return (values) => {
        const n = values[numField];
        const d = values[denField];
        if (d === 0) return zeroDenominator;
        return { cents: cents(n, d), rate: { num: n, den: d }, zeroDenominator: false };
      };
    }
  }
}

const scorers = new WeakMap<IndicatorRule, Scorer>();
function scorerOf(rule: IndicatorRule): Scorer {
  let scorer = scorers.get(rule);
  if (!scorer) scorers.set(rule, (scorer = compile(rule)));
  return scorer;
}

/**
 * A rule set made ready for scoring many unit-months: its scorers in its order, and where each
 * indicator's rule stands in it (−1 for none), so that the scores record is written out in one piece
 * rather than filled in by computed names. Looked up once per unit-month.
 */
interface CompiledRules {
  readonly scorers: readonly Scorer[];
  readonly at: Readonly<Record<IndicatorId, number>>;
}
const compiledRules = new WeakMap<RuleSet, CompiledRules>();
function compiledOf(rules: RuleSet): CompiledRules {
  let compiled = compiledRules.get(rules);
  if (!compiled) {
    compiled = { scorers: rules.indicators.map(scorerOf), at: perIndicator((id) => rules.indicators.findIndex((r) => r.id === id)) };
    compiledRules.set(rules, compiled);
  }
  return compiled;
}

/**
 * Scores one indicator from a unit-month's values. `classMedian` is the A1 comparison value: the
 * median ordersTotal of the unit's class that month.
 */
export function scoreIndicator(
  rule: IndicatorRule,
  values: Readonly<Record<MeasureId, number>>,
  classMedian: Ratio | null = null,
): IndicatorScore {
  return scorerOf(rule)(values, classMedian);
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

const NONE: readonly never[] = Object.freeze([]);

export interface MonthScore {
  readonly scores: IndicatorScores;
  /** The indicators whose denominator was 0, in the rule set's order (one shared empty list when none). */
  readonly zeroDenominators: readonly IndicatorId[];
  /** 基本分 in cents: Σ scores, rescaled to 67 when a prorated indicator is left out. */
  readonly baseCents: number;
}

/** All indicators of one unit-month and its base score. */
export function scoreMonth(rules: RuleSet, values: Readonly<Record<MeasureId, number>>, classMedian: Ratio | null): MonthScore {
  const rs = rules.indicators;
  const { scorers, at } = compiledOf(rules);
  const results: IndicatorScore[] = [];
  let sum = 0;
  let applicablePoints = 0;
  let leftOut = false;
  let zeroDenominators: IndicatorId[] | undefined;
  for (let i = 0; i < rs.length; i++) {
    const rule = rs[i];
    const s = scorers[i](values, classMedian);
    results.push(s);
    if (s.zeroDenominator) (zeroDenominators ??= []).push(rule.id);
    if (s.cents === null) leftOut = true;
    else {
      sum += s.cents;
      applicablePoints += pointsCents(rule);
    }
  }
  const baseCents = !leftOut ? sum : applicablePoints === 0 ? 0 : roundHalfUpCents(big(sum) * big(BASE_TOTAL), big(applicablePoints));
  const scores = mapIndicators(at, (i) => (i < 0 ? NOT_SCORED : results[i]));
  return { scores, baseCents, zeroDenominators: zeroDenominators ?? NONE };
}
