// The scoring methods (spec §4), declared once: each with its id and the label a 评分规则 table names it
// by, its parameters, the explanation the table shows, whether it has a denominator (and so a
// zero-denominator policy), the indicators whose data it fits, what it asks of its parameters, and
// its scorer. The rule table (rules.ts) and the scoring (scoring.ts) loop over this list: a new
// method is one more entry here.

import { INDICATORS, IndicatorId, MeasureId } from "./catalogue";
import { Fraction, Ratio, compareFractions, decimalOf, fraction, roundHalfUp, roundHalfUpCents } from "./exact";
import { distinctPercent } from "./format";
import { ProblemCode } from "./problems";

export interface IndicatorScore {
  /** Points in cents, or null where the rule leaves the indicator out (prorate, zero denominator). */
  readonly cents: number | null;
  /** The indicator's rate where it is one; null when its denominator is 0. */
  readonly rate: Ratio | null;
  /** True when the denominator was 0 and the zero-denominator policy decided the score. */
  readonly zeroDenominator: boolean;
}

type Values = Readonly<Record<MeasureId, number>>;

/** An indicator's score from a unit-month's values and, for A1, the class median. */
export type IndicatorScorer = (values: Values, classMedian: Ratio | null) => IndicatorScore;

/** What a method's scorer is made from: one indicator's rule, read once. */
export interface MethodContext {
  /** Full points in cents. */
  readonly points: number;
  /** The rule's parameters as the exact decimals written. */
  readonly params: readonly Fraction[];
  /** The fields the indicator reads, in catalogue order (INDICATORS[].fields). */
  readonly fields: readonly MeasureId[];
  /** The score where the denominator is 0, by the rule's zero-denominator policy. */
  readonly whenZero: IndicatorScore;
}

export interface MethodParam {
  /** As the 评分规则 table's messages name it. */
  readonly label: string;
  /** A rate, written as a percentage (0–100 %); else a number not below 0. */
  readonly rate: boolean;
}

/** What a method asks of its parameters beyond being numbers in range: a problem of the row, or none. */
export interface ParamIssue {
  readonly code: ProblemCode;
  /** Follows the indicator's name: "的目标值不能为 0". */
  readonly says: string;
  readonly action: string;
}

export interface ScoringMethod {
  readonly id: string;
  /** The 评分规则 table's 方法 (the id is read too). */
  readonly label: string;
  /** In the table's order: 参数1, 参数2. */
  readonly params: readonly MethodParam[];
  /** The table's 说明. */
  readonly explanation: string;
  /** Whether the indicator's data has a denominator that may be 0, so the row's 分母为零 applies. */
  readonly usesDenominator: boolean;
  /** Whether the method compares with the class median (A1's third argument in KAOPING.SCORE). */
  readonly usesClassMedian?: boolean;
  /** The indicators whose data the method can read. */
  readonly fits: readonly IndicatorId[];
  readonly check?: (params: readonly number[]) => ParamIssue | undefined;
  readonly scorer: (rule: MethodContext) => IndicatorScorer;
  /** 失分分析 (losses.ts): what the value is and where full points begin; without it a loss gives no such line. */
  readonly fullPoints?: FullPoints;
}

/** Where a method gives full points: at or above (a rate, the class median) or at or below (seconds, findings) a value. */
export interface FullPoints {
  readonly value: "rate" | "count" | "seconds" | "findings";
  readonly when: "atLeast" | "atMost";
  readonly at: (params: readonly number[], classMedian: Ratio | null) => number;
  /** A rate whose terms the scorer keeps scaled to whole numbers: the factor (信息报送: the late weight's denominator). */
  readonly scale?: (params: readonly number[]) => number;
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

const scored = (cents: number, rate: Ratio | null = null): IndicatorScore => ({ cents, rate, zeroDenominator: false });

/** The indicators that are a rate of two counts (numerator, denominator): a rate can be ramped or compared with a target. */
const RATES: readonly IndicatorId[] = INDICATORS.filter((i) => i.isRate && i.fields.length === 2).map((i) => i.id);

const rate = (label: string): MethodParam => ({ label, rate: true });
const number = (label: string): MethodParam => ({ label, rate: false });

export const SCORING_METHODS = [
  {
    id: "classMedian",
    label: "同类中位数",
    params: [],
    explanation: "分值 × min(1, 工单总量 ÷ 同类单位当月中位数)；中位数为 0 得满分",
    usesDenominator: true,
    usesClassMedian: true,
    fits: ["A1"],
    // points × min(1, orders ÷ median); a median of 0 gives full points: nobody can be below it.
    fullPoints: { value: "count", when: "atLeast", at: (_, median) => (median ? median.num / median.den : 0) },
    scorer:
      ({ points, fields }) =>
      (values, classMedian) => {
        if (classMedian === null) return scored(points);
        if (classMedian.num === 0) return { cents: points, rate: null, zeroDenominator: true };
        const share = { num: values[fields[0]] * classMedian.den, den: classMedian.num };
        return scored(pointsTimes(points, fraction(share.num, share.den)), share);
      },
  },
  {
    id: "ramp",
    label: "线性区间",
    params: [rate("满分线"), rate("零分线")],
    explanation: "达到满分线得满分，低于零分线得 0 分，其间线性",
    usesDenominator: true,
    fits: RATES,
    check: ([full, zero]) => {
      if (full > zero) return undefined;
      const [f, z] = [full, zero].map(decimalOf);
      return {
        code: "rules.rampOrder",
        says: `的满分线 ${distinctPercent(f, [z])} 应高于零分线 ${distinctPercent(z, [f])}`,
        action: "请调整两条线。",
      };
    },
    // points × (rate − zero) ÷ (full − zero), full points at the full line, none at the zero line.
    fullPoints: { value: "rate", when: "atLeast", at: ([full]) => full },
    scorer: ({ points, params: [full, zero], fields: [numField, denField], whenZero }) => {
      const span = minus(full, zero);
      return (values) => {
        const n = values[numField];
        const d = values[denField];
        if (d === 0) return whenZero;
        const rate = fraction(n, d);
        const share = compareFractions(rate, full) >= 0 ? WHOLE : over(minus(rate, zero), span);
        return scored(pointsTimes(points, share), { num: n, den: d });
      };
    },
  },
  {
    id: "waitSteps",
    label: "等待秒数扣分",
    params: [number("满分秒数"), number("每秒扣分")],
    explanation: "不超过满分秒数得满分；超过部分每起始 1 秒扣分，扣完为止",
    usesDenominator: false,
    fits: ["A4"],
    // points − step × every started second above the threshold, floored at 0.
    fullPoints: { value: "seconds", when: "atMost", at: ([threshold]) => threshold },
    scorer:
      ({ points, params: [threshold, step], fields: [wait] }) =>
      (values) =>
        scored(Math.max(0, points - stepsCents(step, startedSeconds(values[wait], threshold)))),
  },
  {
    id: "target",
    label: "达标比例",
    params: [rate("目标值")],
    explanation: "分值 × min(1, 比率 ÷ 目标值)",
    usesDenominator: true,
    fits: RATES,
    check: ([target]) => (target === 0 ? { code: "rules.range", says: "的目标值不能为 0", action: "请填写大于 0 的目标值。" } : undefined),
    // points × min(1, rate ÷ target).
    fullPoints: { value: "rate", when: "atLeast", at: ([target]) => target },
    scorer:
      ({ points, params: [target], fields: [numField, denField], whenZero }) =>
      (values) => {
        const n = values[numField];
        const d = values[denField];
        if (d === 0) return whenZero;
        return scored(pointsTimes(points, over(fraction(n, d), target)), { num: n, den: d });
      },
  },
  {
    id: "reportRatio",
    label: "报送比例",
    params: [number("逾期折算")],
    explanation: "分值 × min(1, (按时 + 逾期折算 × 逾期) ÷ 应报送)；应报送为 0 得满分",
    usesDenominator: true,
    fits: ["C1"],
    check: ([weight]) =>
      weight > 1 ? { code: "rules.range", says: `的逾期折算 ${weight} 应在 0–1 之间`, action: "逾期报送按比例折算，如 0.5。" } : undefined,
    // points × min(1, (on time + weight × late) ÷ required); the rate kept as whole numbers.
    fullPoints: { value: "rate", when: "atLeast", at: () => 1, scale: ([weight]) => Number(decimalOf(weight).den) },
    scorer:
      ({ points, params: [weight], fields: [onTimeField, lateField, requiredField], whenZero }) =>
      (values) => {
        const required = values[requiredField];
        if (required === 0) return whenZero;
        const num = BigInt(values[onTimeField]) * weight.den + weight.num * BigInt(values[lateField]);
        const den = BigInt(required) * weight.den;
        return scored(pointsTimes(points, { num, den }), { num: Number(num), den: Number(den) });
      },
  },
  {
    id: "deductions",
    label: "问题扣分",
    params: [number("一般问题扣分"), number("严重问题扣分")],
    explanation: "分值 − 一般问题扣分 × 一般问题数 − 严重问题扣分 × 严重问题数，扣完为止",
    usesDenominator: false,
    fits: ["C2"],
    // points − minor step × minor findings − major step × major findings, floored at 0.
    fullPoints: { value: "findings", when: "atMost", at: () => 0 },
    scorer:
      ({ points, params: [minor, major], fields: [minorField, majorField] }) =>
      (values) =>
        scored(Math.max(0, points - stepsCents(minor, values[minorField]) - stepsCents(major, values[majorField]))),
  },
] as const satisfies readonly ScoringMethod[];

/** The built-in methods' ids: what DEFAULT_RULES may name. A rule read with a longer list may name any of its ids. */
export type ScoringMethodId = (typeof SCORING_METHODS)[number]["id"];

/** The method of `id` in `methods`. Every rule is read or made with the list it is scored with, so it is there. */
export function methodOf(id: string, methods: readonly ScoringMethod[] = SCORING_METHODS): ScoringMethod {
  const method = methods.find((m) => m.id === id);
  if (!method) throw new RangeError(`no scoring method "${id}"`);
  return method;
}

/** Whether parameter i of a method is a rate (shown as a percentage). */
export function isRateParam(id: string, index: number, methods: readonly ScoringMethod[] = SCORING_METHODS): boolean {
  return methodOf(id, methods).params[index]?.rate ?? false;
}

/** The methods that fit an indicator's data, in list order. */
export function methodsFor(id: IndicatorId, methods: readonly ScoringMethod[] = SCORING_METHODS): readonly ScoringMethod[] {
  return methods.filter((m) => m.fits.includes(id));
}
