// The engine's one entry: records, events and rules in; scores, ranks and problems out.
// Monthly, quarterly and annual evaluation (第九条, 第十条; spec §5). Never throws on bad data.

import { readDate } from "./cells";
import { INDICATOR_IDS, IndicatorId, RowResult, ResultStatus, indicatorDef, mapIndicators, perIndicator } from "./catalogue";
import { HolidayOverride, PublicityPeriod, publicityEnd } from "./calendar";
import { Ratio, formatCents, fromCents, roundHalfUpCents } from "./exact";
import { EventTotals, ScoringEvent, totalEvents } from "./events";
import { MonthKey, Period, monthLabel, monthsOf } from "./period";
import { Problem, problem, where } from "./problems";
import { Contender, TieBreak, rank } from "./ranking";
import { MISSING, MonthStates, PENDING, RawRecord, UnitMonthState, readRecords, unitPositions } from "./records";
import { DEFAULT_RULES, RuleSet } from "./rules";
import { IndicatorScore, IndicatorScores, median, scoreMonth } from "./scoring";
import { DEFAULT_UNITS, Unit, isActive } from "./units";

export interface EvaluationInput {
  readonly period: Period;
  /** Default: the 28 units of spec §2. */
  readonly units?: readonly Unit[];
  readonly records: readonly RawRecord[];
  readonly events?: readonly ScoringEvent[];
  /** Default: the built-in table. null: the workbook's 评分规则 could not be read (its problems come in `problems`). */
  readonly rules?: RuleSet | null;
  /** Problems already found while reading the workbook; they lead the result's list. */
  readonly problems?: readonly Problem[];
  /** Publication date YYYY-MM-DD, for the 公示期 end. */
  readonly published?: string;
  readonly holidayOverrides?: readonly HolidayOverride[];
}

export type PerIndicator<T> = Readonly<Record<IndicatorId, T>>;

export interface MonthOutcome {
  readonly month: MonthKey;
  readonly result: RowResult;
  /** The month's total in the unit's row; 0 for a 不合格 month in quarter and year means. */
  readonly total: number | null;
}

export interface ResultRow {
  /** 名次, or null when unranked (不合格, 数据待核, 缺报). */
  readonly rank: number | null;
  readonly unit: Unit;
  readonly result: RowResult;
  /** Indicator points (quarter, year: the mean of the months), null where not applicable. */
  readonly scores: PerIndicator<number | null>;
  /** Indicator rates of the month (quarter, year: pooled over the months), null where there is none. */
  readonly rates: PerIndicator<Ratio | null>;
  /** Indicators whose denominator was 0 in the month, scored by the zero-denominator policy. */
  readonly zeroDenominators: readonly IndicatorId[];
  /** 基本分 (quarter, year: the mean of the monthly totals). */
  readonly base: number | null;
  readonly bonus: number;
  readonly deduction: number;
  readonly total: number | null;
  /** 人工接通率 (quarter, year: pooled Σ接听 ÷ Σ排队). */
  readonly connectRate: Ratio | null;
  readonly tieBreak: TieBreak;
  /** The unit codes of the row's tie group, its own included (see Placement.tieGroup; tiedWith() gives the others). */
  readonly tieGroup: readonly string[];
  readonly note: string;
  /** Quarter and year: each month's outcome. */
  readonly months: readonly MonthOutcome[];
}

export interface Evaluation {
  readonly period: Period;
  readonly status: ResultStatus;
  /** Why the result is a draft (草稿), in Chinese; empty when final. */
  readonly draftReasons: readonly string[];
  /** In published order: ranked, then 不合格, then 数据待核 and 缺报. */
  readonly rows: readonly ResultRow[];
  readonly problems: readonly Problem[];
  readonly publication?: PublicityPeriod;
  /** The rules the scores come from; null when the workbook's table was unusable. */
  readonly rules: RuleSet | null;
}

interface MonthScoreRow {
  readonly unit: Unit;
  readonly state: UnitMonthState["kind"];
  readonly scores?: IndicatorScores;
  readonly baseCents?: number;
  readonly bonusCents: number;
  readonly deductionCents: number;
  readonly totalCents?: number;
  readonly disqualified: boolean;
  readonly notes: readonly string[];
  /** Indicators whose denominator was 0, in catalogue order. */
  readonly zeroDenominators: readonly IndicatorId[];
  readonly answered: number;
  readonly queued: number;
}

const RESULT_ORDER: Record<RowResult, number> = { ranked: 0, disqualified: 1, pending: 2, missing: 3 };

/**
 * The events of each unit by its position among the units, in their given order: each unit's totals
 * then look at its own events only, and a unit without events costs nothing to look up.
 */
type EventsByUnit = readonly (readonly ScoringEvent[] | undefined)[];

function eventsByUnit(events: readonly ScoringEvent[], positions: ReadonlyMap<string, number>): EventsByUnit {
  const byUnit: ScoringEvent[][] = [];
  for (const e of events) {
    const p = positions.get(e.unitCode);
    if (p !== undefined) (byUnit[p] ??= []).push(e);
  }
  return byUnit;
}

/** Shared by the many rows that have none; frozen, so that no row can change another's. */
const NONE: readonly never[] = Object.freeze([]);
/** A unit without events: nothing to add, deduct or explain. */
const NO_EVENTS: EventTotals = { bonusCents: 0, deductionCents: 0, disqualified: false, lines: [], notes: [], falsifications: [] };

type StatesByMonth = ReadonlyMap<MonthKey, MonthStates>;

/**
 * Scores every active unit in one month, in the order of `units` (as `states` and `events` are).
 * Each unit's scores go to `make`, with the unit's position, as soon as they are worked out, so that
 * what make() does not keep is let go young.
 */
function scoreOneMonth<R>(
  month: MonthKey,
  units: readonly Unit[],
  states: MonthStates | undefined,
  events: EventsByUnit,
  rules: RuleSet,
  make: (scored: MonthScoreRow, position: number) => R,
): R[] {
  const active: number[] = [];
  for (let i = 0; i < units.length; i++) if (isActive(units[i], month)) active.push(i);
  const stateList = active.map((i): UnitMonthState => states?.[i] ?? MISSING);
  // A1 compares with the median of the unit's class over the units with a valid row this month.
  const ordersByClass = new Map<string, number[]>();
  for (let i = 0; i < active.length; i++) {
    const s = stateList[i];
    if (s.kind !== "ok") continue;
    const unitClass = units[active[i]].unitClass;
    const list = ordersByClass.get(unitClass);
    if (list) list.push(s.values.ordersTotal);
    else ordersByClass.set(unitClass, [s.values.ordersTotal]);
  }
  const medians = new Map([...ordersByClass].map(([cls, list]) => [cls, median(list)]));
  const monthSet = new Set([month]);

  const out: R[] = [];
  for (let i = 0; i < active.length; i++) {
    const position = active[i];
    const unit = units[position];
    const s = stateList[i];
    const own = events[position];
    const ev = own ? totalEvents(rules, own, unit.code, monthSet, "monthly") : NO_EVENTS;
    // Most rows have nothing to note and no zero denominator: they share one empty list.
    const notes = own ? eventNotes(ev) : NONE;
    if (s.kind !== "ok") {
      out.push(
        make(
          {
            unit,
            state: s.kind,
            bonusCents: 0,
            deductionCents: 0,
            disqualified: ev.disqualified,
            notes,
            zeroDenominators: NONE,
            answered: 0,
            queued: 0,
          },
          position,
        ),
      );
      continue;
    }
    const { scores, baseCents, zeroDenominators } = scoreMonth(rules, s.values, medians.get(unit.unitClass) ?? null);
    const zeroNotes = zeroDenominators.length ? zeroDenominators.map((id) => zeroDenominatorNote(rules, id)) : NONE;
    const scored: MonthScoreRow = {
      unit,
      state: "ok",
      scores,
      baseCents,
      bonusCents: ev.bonusCents,
      deductionCents: ev.deductionCents,
      totalCents: baseCents + ev.bonusCents - ev.deductionCents,
      disqualified: ev.disqualified,
      notes: zeroNotes.length ? [...notes, ...zeroNotes] : notes,
      zeroDenominators: zeroDenominators.length > 1 ? INDICATOR_IDS.filter((id) => zeroDenominators.includes(id)) : zeroDenominators,
      answered: s.values.manualAnswered,
      queued: s.values.manualQueued,
    };
    out.push(make(scored, position));
  }
  return out;
}

/** How an indicator with a zero denominator was scored, for the row's note. */
function zeroDenominatorNote(rules: RuleSet, id: IndicatorId): string {
  const policy = rules.indicators.find((r) => r.id === id)!.zeroDenominator;
  const how = policy === "full" ? "按满分计" : policy === "zero" ? "按 0 分计" : "不计入，基本分按适用指标折算为 67 分制";
  return `${indicatorDef(id).label}分母为 0，${how}`;
}

/** What a unit's events added, deducted or decided, as notes for its row. */
function eventNotes(ev: EventTotals): string[] {
  const falsified = ev.falsifications.map((f) => `${f.date} 经核查弄虚作假${f.description ? `（${f.description}）` : ""}，考评结果不合格`);
  return [...ev.lines, ...ev.notes, ...falsified];
}

/** Months without a row of a unit whose sheet had errors become pending instead of missing. */
function withUnreadable(
  byMonth: StatesByMonth,
  units: readonly Unit[],
  unreadable: ReadonlySet<string>,
  wanted: readonly MonthKey[],
): StatesByMonth {
  if (!unreadable.size) return byMonth;
  const out = new Map(byMonth);
  for (const m of wanted) {
    const states = [...(byMonth.get(m) ?? new Array<undefined>(units.length))];
    units.forEach((u, i) => {
      if (unreadable.has(u.code) && (states[i] ?? MISSING).kind === "missing") states[i] = PENDING;
    });
    out.set(m, states);
  }
  return out;
}

/**
 * A row while evaluate() makes it: its place (rank, tie, the tie's note) is filled in once the ranking
 * is known, before the row is returned and never after. In place, because a copy of every row costs
 * as much as the ranking itself at 100,000 units.
 */
type RowDraft = { -readonly [K in keyof ResultRow]: ResultRow[K] };

function blankRow(unit: Unit, result: RowResult, note: string, months: MonthOutcome[] = []): RowDraft {
  return {
    rank: null,
    unit,
    result,
    scores: perIndicator(() => null),
    rates: perIndicator(() => null),
    zeroDenominators: [],
    base: null,
    bonus: 0,
    deduction: 0,
    total: null,
    connectRate: null,
    tieBreak: "none",
    tieGroup: NONE,
    note,
    months,
  };
}

/** The units with each code once (the first of them), each one's position among them, and the repeats left out. */
function uniqueUnits(given: readonly Unit[]): {
  units: readonly Unit[];
  positions: ReadonlyMap<string, number>;
  repeated: readonly Unit[];
} {
  const positions = unitPositions(given);
  if (positions.size === given.length) return { units: given, positions, repeated: [] };
  const units = given.filter((u, i) => positions.get(u.code) === i);
  return { units, positions: unitPositions(units), repeated: given.filter((u, i) => positions.get(u.code) !== i) };
}

function checkEvents(events: readonly ScoringEvent[], codes: ReadonlyMap<string, number>, year: number): Problem[] {
  const problems: Problem[] = [];
  for (const e of events) {
    if (e.points !== undefined && !Number.isFinite(e.points)) {
      problems.push(
        problem(
          "error",
          "event.badPoints",
          `考评事件的分值不是有效数字，按级别默认分值计${where(e.at)}`,
          "请在“分值”列填写数字，或留空。",
          { unitCode: e.unitCode, at: e.at },
        ),
      );
    }
    if (!codes.has(e.unitCode)) {
      problems.push(
        problem(
          "error",
          "event.unknownUnit",
          `考评事件的单位“${e.unitCode}”不在考评单位名单中${where(e.at)}`,
          "请更正单位名称，或在“考评单位”表中添加该单位。",
          { unitCode: e.unitCode, at: e.at },
        ),
      );
    } else if (Number(e.date.slice(0, 4)) !== year) {
      problems.push(
        problem(
          "warning",
          "event.otherYear",
          `考评事件日期 ${e.date} 不在 ${year} 年度，未计入${where(e.at)}`,
          "如属本年度，请更正日期。",
          { unitCode: e.unitCode, at: e.at },
        ),
      );
    }
  }
  return problems;
}

/** Evaluates the period: every unit's scores, the ranking, the problems, the 公示期. */
export function evaluate(input: EvaluationInput): Evaluation {
  const { units, positions, repeated } = uniqueUnits(input.units ?? DEFAULT_UNITS);
  const given = input.events ?? [];
  // A 分值 that is not a number falls back to the level's points (and is reported by checkEvents).
  const events = given.map((e) => (e.points !== undefined && !Number.isFinite(e.points) ? { ...e, points: undefined } : e));
  const rules = input.rules === undefined ? DEFAULT_RULES : input.rules;
  const period = input.period;
  const months = monthsOf(period);
  const problems: Problem[] = [...(input.problems ?? [])];
  for (const u of repeated)
    problems.push(
      problem("error", "units.duplicate", `考评单位代码 ${u.code} 重复（${u.name}），只按第一个计`, "每个单位只保留一行。", {
        unitCode: u.code,
      }),
    );

  const reading = readRecords(input.records, units, period.year, months, positions);
  problems.push(...reading.problems, ...checkEvents(given, positions, period.year));

  let publication: PublicityPeriod | undefined;
  const published = input.published ? readDate(input.published) : undefined;
  if (input.published && !published) {
    // A date that is no date gives a problem, never an exception.
    problems.push(
      problem("error", "calendar.badPublished", `发布日期“${input.published}”无法识别，未计算公示期`, "请填写如 2026-11-02 的发布日期。"),
    );
  } else if (published) {
    publication = publicityEnd(published, undefined, input.holidayOverrides);
    if (publication.warning)
      problems.push(
        problem("warning", "calendar.unknownYear", publication.warning, "在“节假日调整”表中补充该年的放假与调休日期。", {
          at: { sheet: "节假日调整", cell: "" },
        }),
      );
  }

  // A unit whose sheet could not be read did report: it is 数据待核, not 缺报.
  const unreadable = new Set(
    problems.filter((p) => p.severity === "error" && p.unitCode && /^sheet\./.test(p.code)).map((p) => p.unitCode!),
  );
  const states = withUnreadable(reading.byMonth, units, unreadable, months);
  const byUnit = eventsByUnit(events, positions);
  let rows: RowDraft[];
  if (!rules) {
    rows = units.filter((u) => months.some((m) => isActive(u, m))).map((u) => blankRow(u, "pending", "评分规则有误，无法计分"));
  } else if (period.kind === "month") {
    rows = scoreOneMonth(months[0], units, states.get(months[0]), byUnit, rules, monthRow);
  } else {
    // Each month's scores at the units' positions, for periodRows to take a unit's months by position.
    const perMonth = new Map<MonthKey, MonthScoreRow[]>();
    for (const m of months) {
      const atPosition = new Array<MonthScoreRow>(units.length);
      scoreOneMonth(m, units, states.get(m), byUnit, rules, (scored, position) => (atPosition[position] = scored));
      perMonth.set(m, atPosition);
    }
    rows = periodRows(period, units, months, perMonth, byUnit, rules);
  }

  // rank() returns the published order of the ranked rows; the unranked follow by kind, then code.
  const contenders: RowContender[] = [];
  for (const row of rows)
    if (row.result === "ranked")
      contenders.push({
        key: row.unit.code,
        name: row.unit.name,
        totalCents: Math.round((row.total ?? 0) * 100),
        connectRate: row.connectRate,
        row,
      });
  const rankedRows = rank(contenders).map((p): ResultRow => {
    const r = p.contender.row;
    // Joined into one flat string, as rank() makes its notes (see placeGroup).
    r.note = p.note && r.note ? [p.note, r.note].join("；") : p.note || r.note;
    r.rank = p.rank;
    r.tieBreak = p.tieBreak;
    r.tieGroup = p.tieGroup;
    return r;
  });
  const unranked = rows
    .filter((r) => r.result !== "ranked")
    .sort(
      (a, b) => RESULT_ORDER[a.result] - RESULT_ORDER[b.result] || (a.unit.code < b.unit.code ? -1 : a.unit.code > b.unit.code ? 1 : 0),
    );
  const finalRows = [...rankedRows, ...unranked];

  const draftReasons: string[] = [];
  if (!rules) draftReasons.push("评分规则表有误");
  if (finalRows.some((r) => r.result === "pending")) draftReasons.push("有单位数据待核");
  if (finalRows.some((r) => r.result === "missing")) draftReasons.push("有单位缺报");
  // An unreadable event or unit row may hide a bonus, a deduction or a 不合格: not publishable either.
  if (problems.some((p) => p.severity === "error" && /^(events?|units)\./.test(p.code))) draftReasons.push("考评事件或考评单位表有错误");
  const status: ResultStatus = draftReasons.length ? "draft" : "final";
  return { period, status, draftReasons, rows: finalRows, problems, publication, rules };
}

interface RowContender extends Contender {
  readonly row: RowDraft;
}

const pointsOf = (s: IndicatorScore) => (s.cents === null ? null : fromCents(s.cents));
const rateOf = (s: IndicatorScore) => s.rate;

/** answered ÷ queued: A2's own rate object when it is that very fraction (as with the built-in rules). */
function connectRateOf(a2: Ratio | null, answered: number, queued: number): Ratio {
  return a2 && a2.num === answered && a2.den === queued ? a2 : { num: answered, den: queued };
}

/** A month's row of the result from the unit's scores. */
function monthRow(m: MonthScoreRow): RowDraft {
  if (m.state !== "ok") {
    // Confirmed falsification decides the month whatever the data: 不合格 (第十二条).
    if (m.disqualified) return blankRow(m.unit, "disqualified", m.notes.join("；"));
    const note = m.state === "missing" ? "本月未报送数据" : "数据有误，待核实后计分（见数据校验表）";
    return blankRow(m.unit, m.state === "missing" ? "missing" : "pending", [note, ...m.notes].join("；"));
  }
  const scores = m.scores!;
  return {
    rank: null,
    unit: m.unit,
    result: m.disqualified ? "disqualified" : "ranked",
    scores: mapIndicators(scores, pointsOf),
    rates: mapIndicators(scores, rateOf),
    zeroDenominators: m.zeroDenominators,
    base: fromCents(m.baseCents!),
    bonus: fromCents(m.bonusCents),
    deduction: fromCents(m.deductionCents),
    total: fromCents(m.totalCents!),
    connectRate: m.queued > 0 ? connectRateOf(scores.A2.rate, m.answered, m.queued) : null,
    tieBreak: "none",
    tieGroup: NONE,
    note: m.notes.length ? m.notes.join("；") : "",
    months: NONE,
  };
}

function meanCents(values: readonly number[]): number {
  const sum = values.reduce((s, v) => s + v, 0);
  return roundHalfUpCents(BigInt(sum), BigInt(values.length) * 100n);
}

function periodRows(
  period: Period,
  units: readonly Unit[],
  months: readonly MonthKey[],
  perMonth: ReadonlyMap<MonthKey, readonly (MonthScoreRow | undefined)[]>,
  events: EventsByUnit,
  rules: RuleSet,
): RowDraft[] {
  const monthSet = new Set(months);
  const rows: RowDraft[] = [];
  units.forEach((unit, position) => {
    const activeMonths = months.filter((m) => isActive(unit, m));
    if (activeMonths.length)
      rows.push(
        periodRow(
          unit,
          position,
          activeMonths.map((m) => perMonth.get(m)![position]!),
          activeMonths,
        ),
      );
  });
  return rows;

  function periodRow(unit: Unit, position: number, own: readonly MonthScoreRow[], activeMonths: readonly MonthKey[]): RowDraft {
    const outcomes: MonthOutcome[] = own.map((m, i) => ({
      month: activeMonths[i],
      result: m.disqualified ? "disqualified" : m.state === "ok" ? "ranked" : m.state,
      total: m.totalCents === undefined ? null : fromCents(m.totalCents),
    }));
    const missing = outcomes.filter((o) => o.result === "missing").map((o) => monthLabel(o.month));
    const pending = outcomes.filter((o) => o.result === "pending").map((o) => monthLabel(o.month));
    if (missing.length || pending.length) {
      const parts = [missing.length ? `${missing.join("、")} 未报送` : "", pending.length ? `${pending.join("、")} 数据待核` : ""].filter(
        Boolean,
      );
      return blankRow(unit, missing.length ? "missing" : "pending", `${parts.join("，")}，本期暂不排名`, outcomes);
    }
    // A 不合格 month counts 0 in the mean; the period itself is not 不合格 (spec §5).
    const monthTotals = own.map((m) => (m.disqualified ? 0 : m.totalCents!));
    const baseCents = meanCents(monthTotals);
    const notes: string[] = [];
    const dq = outcomes.filter((o) => o.result === "disqualified").map((o) => monthLabel(o.month));
    if (dq.length) notes.push(`${dq.join("、")} 不合格，按 0 分计入`);
    let bonusCents = 0;
    let deductionCents = 0;
    if (period.kind === "year") {
      const ownEvents = events[position];
      const annual = ownEvents ? totalEvents(rules, ownEvents, unit.code, monthSet, "annual") : NO_EVENTS;
      bonusCents = annual.bonusCents;
      deductionCents = annual.deductionCents;
      notes.push(...annual.lines, ...annual.notes);
    }
    const answered = own.reduce((s, m) => s + m.answered, 0);
    const queued = own.reduce((s, m) => s + m.queued, 0);
    // One pass over the months: each indicator's points (for the mean) and its rate's parts (pooled),
    // by the indicator's position in the catalogue.
    const n = INDICATOR_IDS.length;
    const centsSum = new Array<number>(n).fill(0);
    const centsCount = new Array<number>(n).fill(0);
    const rateNum = new Array<number>(n).fill(0);
    const rateDen = new Array<number>(n).fill(0);
    const hasRate = new Array<boolean>(n).fill(false);
    for (const m of own) {
      if (!m.scores) continue;
      for (let k = 0; k < n; k++) {
        const score = m.scores[INDICATOR_IDS[k]];
        if (score.cents !== null) {
          centsSum[k] += score.cents;
          centsCount[k]++;
        }
        if (score.rate !== null) {
          rateNum[k] += score.rate.num;
          rateDen[k] += score.rate.den;
          hasRate[k] = true;
        }
      }
    }
    const pooled = (id: IndicatorId): Ratio | null => {
      const k = INDICATOR_IDS.indexOf(id);
      return hasRate[k] && indicatorDef(id).isRate && rateDen[k] > 0 ? { num: rateNum[k], den: rateDen[k] } : null;
    };
    return {
      rank: null,
      unit,
      result: "ranked",
      scores: perIndicator((id) => {
        const k = INDICATOR_IDS.indexOf(id);
        return centsCount[k] ? fromCents(roundHalfUpCents(BigInt(centsSum[k]), BigInt(centsCount[k]) * 100n)) : null;
      }),
      rates: perIndicator(pooled),
      zeroDenominators: [],
      base: fromCents(baseCents),
      bonus: fromCents(bonusCents),
      deduction: fromCents(deductionCents),
      total: fromCents(baseCents + bonusCents - deductionCents),
      connectRate: queued > 0 ? { num: answered, den: queued } : null,
      tieBreak: "none",
      tieGroup: NONE,
      note: notes.join("；"),
      months: outcomes,
    };
  }
}

/** "63.50" — the way totals are quoted in notes and messages. */
export function formatTotal(total: number): string {
  return formatCents(Math.round(total * 100));
}
