// 失分分析 (spec §11): for one result row, each indicator where points were lost — its value, the
// points got and lost, and what would have given full points — and the bonus, deduction and caps.

import { IndicatorId, indicatorDef } from "./catalogue";
import { fromCents, toCents } from "./exact";
import { ResultRow } from "./evaluate";
import { FullPoints, SCORING_METHODS, ScoringMethod, methodOf } from "./methods";
import { MeasureValues } from "./records";
import { IndicatorRule, RuleSet } from "./rules";

/** A method that does not say where its full points begin: its rate is shown, with no full-points line. */
const UNKNOWN_FULL_POINTS: FullPoints = { value: "rate", when: "atLeast", at: () => 0 };

/** What an indicator's value is: a rate, a count against a median (A1), seconds (A4) or findings (C2). */
export type LossValueKind = FullPoints["value"];

export interface IndicatorLoss {
  readonly indicator: IndicatorId;
  readonly kind: LossValueKind;
  /**
   * The value: a rate 0–1 (numerator ÷ denominator), the 工单总量, the seconds; for findings the
   * number of findings. null where it is not known (a zero denominator, a quarter's A1, A4 or C2).
   */
  readonly value: number | null;
  /** A rate's numerator and denominator (quarter, year: pooled over the months); A1: 工单总量 and the class median. */
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** C2: the minor and serious findings. */
  readonly findings?: { readonly minor: number; readonly major: number };
  /** The rule's full points, the points got and lost (quarter, year: the mean of the months). */
  readonly points: number;
  readonly score: number;
  readonly lost: number;
  /**
   * The value that gives full points: a rate to reach, the median to reach, the seconds not to exceed,
   * 0 findings; null where the method does not say.
   */
  readonly fullAt: number | null;
  /** Whether full points come at fullAt or above ("atLeast") or at or below it ("atMost"). */
  readonly fullWhen: "atLeast" | "atMost";
  /** The denominator was 0 and the rule's policy gave fewer than full points. */
  readonly zeroDenominator: boolean;
}

export interface EventLoss {
  /** After the cap, as counted in the total. */
  readonly points: number;
  /** Before the cap: the counted events' sum. */
  readonly beforeCap: number;
  readonly cap: number;
  readonly capped: boolean;
  /** One line per counted event, as in the row's note. */
  readonly events: readonly string[];
}

export interface Losses {
  /** The points the indicators lost, summed (67 − 基本分 unless an indicator was left out); null when the row has no scores. */
  readonly lost: number | null;
  /** Indicators with points lost, most lost first (then A1 … C2). */
  readonly indicators: readonly IndicatorLoss[];
  readonly bonus: EventLoss;
  readonly deduction: EventLoss;
  /** Quarter and year: the months that were 不合格 and counted 0. */
  readonly disqualifiedMonths: readonly string[];
}

/** The value of one indicator from a month's values (rates from the row, which holds them exactly). */
function valueOf(
  rule: IndicatorRule,
  full: FullPoints,
  row: ResultRow,
  values: MeasureValues | undefined,
): Pick<IndicatorLoss, "value" | "numerator" | "denominator" | "findings"> {
  const fields = indicatorDef(rule.id).fields;
  const rate = row.rates[rule.id];
  switch (full.value) {
    case "rate": {
      if (!rate) return { value: null, numerator: null, denominator: null };
      // 信息报送 keeps its rate in whole numbers, scaled by the late weight's denominator (0.5 → ×2).
      const scale = full.scale?.(rule.params) ?? 1;
      return { value: rate.num / rate.den, numerator: rate.num / scale, denominator: rate.den / scale };
    }
    case "count": {
      const median = row.basis?.classMedian;
      const orders = values ? values[fields[0]] : null;
      return { value: orders, numerator: orders, denominator: median ? median.num / median.den : null };
    }
    case "seconds":
      return { value: values ? values[fields[0]] : null, numerator: null, denominator: null };
    case "findings": {
      if (!values) return { value: null, numerator: null, denominator: null };
      const findings = { minor: values[fields[0]], major: values[fields[1]] };
      return { value: findings.minor + findings.major, numerator: null, denominator: null, findings };
    }
  }
}

/** The bonus or deduction of the row, with its cap (monthly for a month, annual for a quarter or year). */
function eventSide(row: ResultRow, rules: RuleSet, side: "bonus" | "deduction"): EventLoss {
  const annual = row.months.length > 0;
  const rule = side === "bonus" ? rules.honour : rules.criticism;
  const cap = annual ? rule.annualCap : rule.monthlyCap;
  const totals = row.basis?.events;
  if (!totals) return { points: 0, beforeCap: 0, cap, capped: false, events: [] };
  const after = side === "bonus" ? totals.bonusCents : totals.deductionCents;
  const before = side === "bonus" ? totals.bonusBeforeCapCents : totals.deductionBeforeCapCents;
  const sign = side === "bonus" ? "加分" : "减分";
  return {
    points: fromCents(after),
    beforeCap: fromCents(before),
    cap,
    capped: before > after,
    events: totals.lines.filter((l) => l.startsWith(sign)),
  };
}

/**
 * The 失分分析 of one result row under the rules it was scored with; `methods` is the list the rules
 * were read with.
 */
export function lossesOf(row: ResultRow, rules: RuleSet, methods: readonly ScoringMethod[] = SCORING_METHODS): Losses {
  const values = row.basis?.values;
  const classMedian = row.basis?.classMedian ?? null;
  const indicators: IndicatorLoss[] = [];
  for (const rule of rules.indicators) {
    const score = row.scores[rule.id];
    if (score === null) continue;
    const lostCents = toCents(rule.points) - toCents(score);
    if (lostCents <= 0) continue;
    const full = methodOf(rule.method, methods).fullPoints ?? UNKNOWN_FULL_POINTS;
    indicators.push({
      indicator: rule.id,
      kind: full.value,
      ...valueOf(rule, full, row, values),
      points: rule.points,
      score,
      lost: fromCents(lostCents),
      fullAt: full === UNKNOWN_FULL_POINTS ? null : full.at(rule.params, classMedian),
      fullWhen: full.when,
      zeroDenominator: row.zeroDenominators.includes(rule.id),
    });
  }
  // Most lost first; equal losses in catalogue order (the rules are in it).
  const order = new Map(rules.indicators.map((r, i) => [r.id, i]));
  indicators.sort((a, b) => toCents(b.lost) - toCents(a.lost) || order.get(a.indicator)! - order.get(b.indicator)!);
  return {
    lost: row.base === null ? null : fromCents(indicators.reduce((sum, x) => sum + toCents(x.lost), 0)),
    indicators,
    bonus: eventSide(row, rules, "bonus"),
    deduction: eventSide(row, rules, "deduction"),
    disqualifiedMonths: row.months.filter((m) => m.result === "disqualified").map((m) => m.month),
  };
}
