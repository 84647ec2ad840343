// 考评事件: honours (bonus), criticism (deduction) with their caps, and falsification (不合格).

import { EVENT_LEVELS, EventLevel, EventScope, EventType } from "./catalogue";
import { toCents } from "./exact";
import { formatCents } from "./format";
import { MonthKey } from "./period";
import { CellRef } from "./problems";
import { RuleSet } from "./rules";

export interface ScoringEvent {
  /** YYYY-MM-DD */
  readonly date: string;
  readonly unitCode: string;
  readonly type: EventType;
  readonly level?: EventLevel;
  readonly scope: EventScope;
  /** Overrides the level's default points for this row. */
  readonly points?: number;
  readonly description?: string;
  readonly at?: CellRef;
}

export interface EventTotals {
  /** Bonus in cents after the cap. */
  readonly bonusCents: number;
  /** Deduction in cents (positive) after the cap. */
  readonly deductionCents: number;
  /** Before the caps: what the counted events add up to (失分分析 shows a cap that bit). */
  readonly bonusBeforeCapCents: number;
  readonly deductionBeforeCapCents: number;
  readonly disqualified: boolean;
  /** One line for each counted event, e.g. "加分 +1.00：2026-10-15 省级荣誉奖励（…）". */
  readonly lines: readonly string[];
  /** What the caps did, e.g. "加分 4.00 超过月度上限，按 3.00 计". */
  readonly notes: readonly string[];
  readonly falsifications: readonly ScoringEvent[];
}

function eventCents(rules: RuleSet, e: ScoringEvent): number {
  if (e.points !== undefined) return toCents(Math.abs(e.points));
  const rule = e.type === "honour" ? rules.honour : rules.criticism;
  return toCents(rule.levelPoints[e.level ?? "city"]);
}

/** The events of one unit that fall in `months` with the given scope, summed and capped. */
export function totalEvents(
  rules: RuleSet,
  events: readonly ScoringEvent[],
  unitCode: string,
  months: ReadonlySet<MonthKey>,
  scope: EventScope,
): EventTotals {
  let bonus = 0;
  let deduction = 0;
  const falsifications: ScoringEvent[] = [];
  const counted: ScoringEvent[] = [];
  for (const e of events) {
    if (e.unitCode !== unitCode || !months.has(e.date.slice(0, 7))) continue;
    // Falsification belongs to the month it happened in, whatever its 计入.
    if (e.type === "falsification") {
      if (scope === "monthly") falsifications.push(e);
      continue;
    }
    if (e.scope !== scope) continue;
    if (e.type === "honour") bonus += eventCents(rules, e);
    else deduction += eventCents(rules, e);
    counted.push(e);
  }
  // Each counted event is named in the row's note, so a published bonus or deduction explains itself.
  counted.sort((a, b) => compareEvents(rules, a, b));
  const lines = counted.map((e) => {
    const sign = e.type === "honour" ? "加分 +" : "减分 −";
    const what = `${levelLabel(e.level)}${e.type === "honour" ? "荣誉奖励" : "批评曝光"}`;
    return `${sign}${formatCents(eventCents(rules, e))}：${e.date} ${what}${e.description ? `（${e.description}）` : ""}`;
  });
  // By date, so that the notes never depend on the order of the 考评事件 rows.
  falsifications.sort((a, b) => compareEvents(rules, a, b));
  const notes: string[] = [];
  const [bonusBeforeCapCents, deductionBeforeCapCents] = [bonus, deduction];
  const capName = scope === "monthly" ? "月度" : "年度";
  const bonusCap = toCents(scope === "monthly" ? rules.honour.monthlyCap : rules.honour.annualCap);
  const deductionCap = toCents(scope === "monthly" ? rules.criticism.monthlyCap : rules.criticism.annualCap);
  if (bonus > bonusCap) {
    notes.push(`加分 ${formatCents(bonus)} 超过${capName}上限，按 ${formatCents(bonusCap)} 计`);
    bonus = bonusCap;
  }
  if (deduction > deductionCap) {
    notes.push(`减分 ${formatCents(deduction)} 超过${capName}上限，按 ${formatCents(deductionCap)} 计`);
    deduction = deductionCap;
  }
  return {
    bonusCents: bonus,
    deductionCents: deduction,
    bonusBeforeCapCents,
    deductionBeforeCapCents,
    disqualified: falsifications.length > 0,
    lines,
    notes,
    falsifications,
  };
}

/** A total order on what a note shows of an event, so that rows given in any order read the same. */
function compareEvents(rules: RuleSet, a: ScoringEvent, b: ScoringEvent): number {
  return (
    compareText(a.date, b.date) ||
    compareText(a.description ?? "", b.description ?? "") ||
    compareText(a.type, b.type) ||
    compareText(a.level ?? "", b.level ?? "") ||
    eventCents(rules, a) - eventCents(rules, b)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function levelLabel(level: EventLevel | undefined): string {
  return EVENT_LEVELS.find((l) => l.id === level)?.label ?? "";
}
