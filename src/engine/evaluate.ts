// The engine's one entry: records, events and rules in; scores, ranks and problems out.
// Monthly, quarterly and annual evaluation (第九条, 第十条; spec §5). Never throws on bad data.

import { readDate } from "./cells";
import { IndicatorId, ResultStatus, RowResult, TIE_BREAK_INDICATOR, indicatorDef, perIndicator } from "./catalogue";
import { HolidayOverride, PublicityPeriod, addYearHint, publicityEnd } from "./calendar";
import { Ratio, fromCents, ratio, roundHalfUp, toCents } from "./exact";
import { EventTotals, ScoringEvent, totalEvents } from "./events";
import { MonthKey, Period, monthLabel, monthsOf } from "./period";
import { Problem, problem, problemDoes, where } from "./problems";
import { Contender, TieBreak, rank } from "./ranking";
import type { RankChange } from "./rank-change";
import { MISSING, MeasureValues, PENDING, RawRecord, UnitMonthState, readRecords } from "./records";
import { DEFAULT_RULES, RuleSet, ruleFor, zeroDenominatorNote } from "./rules";
import { median, monthScorer } from "./scoring";
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
  /** The sheet the overrides come from: where a year the calendar does not know is to be added. */
  readonly holidaySheet?: string;
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
  /** What the scores were computed from, for 失分分析 (losses.ts); absent on rows without scores. */
  readonly basis?: RowBasis;
}

/** A month row's values and A1 class median; the events (month: monthly, quarter and year: annual) as counted and capped. */
export interface RowBasis {
  readonly values?: MeasureValues;
  readonly classMedian: Ratio | null;
  readonly events: EventTotals;
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
  /** 排名变化 by unit code, where the workbook's previous period was compared (rank-change.ts). */
  readonly rankChanges?: ReadonlyMap<string, RankChange>;
}

/** Where a row stands once ranked: its rank, its tie and the tie's note. */
type Place = Pick<ResultRow, "rank" | "tieBreak" | "tieGroup" | "note">;
const UNPLACED: Place = { rank: null, tieBreak: "none", tieGroup: [], note: "" };

/** What ranking reads of a row. */
interface Standing {
  readonly unit: Unit;
  readonly result: RowResult;
  readonly totalCents: number | null;
  readonly connectRate: Ratio | null;
}

/** A quarter's or year's row (or a row without scores) before ranking: everything but its place. */
type Outcome = Omit<ResultRow, "rank" | "tieBreak" | "tieGroup">;

/** One unit's month, scored: what its month row shows and what its quarter and year are made of. */
interface UnitMonth {
  readonly unit: Unit;
  readonly month: MonthKey;
  readonly state: UnitMonthState["kind"];
  /** The scores as the row shows them, where the month's data was usable. */
  readonly score?: Pick<ResultRow, "scores" | "rates" | "zeroDenominators"> & {
    readonly baseCents: number;
    readonly values: MeasureValues;
    readonly classMedian: Ratio | null;
  };
  readonly events: EventTotals;
  /** The tie-break indicator's rate (人工接通率), where the month's data has one. */
  readonly connectRate: Ratio | null;
}

/** What evaluate() works from once the input is read. */
interface Context {
  readonly rules: RuleSet;
  readonly scoreMonth: ReturnType<typeof monthScorer>;
  readonly stateOf: (unit: Unit, month: MonthKey) => UnitMonthState;
  readonly eventsOf: (unit: Unit) => readonly ScoringEvent[];
}

const RESULT_ORDER: Record<RowResult, number> = { ranked: 0, disqualified: 1, pending: 2, missing: 3 };

/** Evaluates the period: every unit's scores, the ranking, the problems, the 公示期. */
export function evaluate(input: EvaluationInput): Evaluation {
  const { period } = input;
  const { units, repeated } = uniqueUnits(input.units ?? DEFAULT_UNITS);
  const rules = input.rules === undefined ? DEFAULT_RULES : input.rules;
  const months = monthsOf(period);
  const reading = readRecords(input.records, units, period.year, months);
  const problems: Problem[] = [
    ...(input.problems ?? []),
    ...repeated.map((u) =>
      problem("error", "units.duplicate", `考评单位代码 ${u.code} 重复（${u.name}），只按第一个计`, "每个单位只保留一行。", {
        unitCode: u.code,
      }),
    ),
    ...reading.problems,
    ...checkEvents(input.events ?? [], units, period.year),
  ];
  const publication = publicationOf(input, problems);

  let rows: ResultRow[];
  if (!rules) {
    const active = units.filter((u) => months.some((m) => isActive(u, m)));
    rows = publishedRows(
      active.map((u) => unscored(u, "pending", "评分规则有误，无法计分")),
      outcomeStanding,
      withPlace,
    );
  } else {
    // A unit whose sheet could not be read did report: it is 数据待核, not 缺报.
    const unreadable = new Set(problems.filter((p) => p.unitCode && problemDoes(p, "sheetUnreadable")).map((p) => p.unitCode));
    const eventsByUnit = groupBy(usableEvents(input.events ?? []), (e) => e.unitCode);
    const context: Context = {
      rules,
      scoreMonth: monthScorer(rules),
      stateOf: (unit, month) => {
        const state = reading.state(unit.code, month) ?? MISSING;
        return state.kind === "missing" && unreadable.has(unit.code) ? PENDING : state;
      },
      eventsOf: (unit) => eventsByUnit.get(unit.code) ?? [],
    };
    rows =
      period.kind === "month"
        ? publishedRows(scoreUnitsInMonth(months[0], units, context), monthStanding, (m, place) => monthRow(m, place, rules))
        : publishedRows(periodOutcomes(period, units, context), outcomeStanding, withPlace);
  }

  problems.push(...missingProblems(period, rows));
  const draftReasons: string[] = [];
  if (!rules) draftReasons.push("评分规则表有误");
  if (rows.some((r) => r.result === "pending")) draftReasons.push("有单位数据待核");
  if (rows.some((r) => r.result === "missing")) draftReasons.push("有单位缺报");
  if (problems.some((p) => problemDoes(p, "blocksPublication"))) draftReasons.push("考评事件或考评单位表有错误");
  const status: ResultStatus = draftReasons.length ? "draft" : "final";
  return { period, status, draftReasons, rows, problems, publication, rules };
}

/**
 * One listed problem per 缺报 unit (its months named for a quarter or year): every reason for a draft is
 * in the list. When no unit reported at all, one problem says so instead of one per unit.
 */
function missingProblems(period: Period, rows: readonly ResultRow[]): Problem[] {
  const missing = rows
    .filter((r) => r.result === "missing")
    .map((r) => ({
      row: r,
      months: r.months.length ? r.months.filter((m) => m.result === "missing").map((m) => m.month) : monthsOf(period),
    }));
  const action = "请导入或填写该单位该月的数据；该单位确实停报时，请在考评单位表中填写停用月份。";
  const months = (list: readonly string[]) => list.map(monthLabel).join("、");
  const same = missing.every((m) => months(m.months) === months(missing[0].months));
  if (missing.length > 1 && missing.length === rows.length && same) {
    const message = `${months(missing[0].months)} 全部 ${missing.length} 个在考单位均未报送数据（缺报）`;
    return [problem("error", "record.missing", message, "请先导入或填写各单位的指标数据。", { month: missing[0].months[0] })];
  }
  return missing.map(({ row, months: list }) => {
    const message = `${row.unit.name} ${months(list)} 未报送数据（缺报），本期不参与排名`;
    return problem("error", "record.missing", message, action, { unitCode: row.unit.code, month: list[0] });
  });
}

/** The units with each code once (the first of them), and the repeats left out. */
function uniqueUnits(given: readonly Unit[]): { units: Unit[]; repeated: Unit[] } {
  const seen = new Set<string>();
  const units: Unit[] = [];
  const repeated: Unit[] = [];
  for (const u of given) {
    (seen.has(u.code) ? repeated : units).push(u);
    seen.add(u.code);
  }
  return { units, repeated };
}

/** The items by a key, each list in the items' order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** A 分值 that is not a number falls back to the level's points (checkEvents reports it). */
function usableEvents(events: readonly ScoringEvent[]): ScoringEvent[] {
  return events.map((e) => (e.points !== undefined && !Number.isFinite(e.points) ? { ...e, points: undefined } : e));
}

function checkEvents(events: readonly ScoringEvent[], units: readonly Unit[], year: number): Problem[] {
  const codes = new Set(units.map((u) => u.code));
  const problems: Problem[] = [];
  for (const e of events) {
    const extra = { unitCode: e.unitCode, at: e.at };
    if (e.points !== undefined && !Number.isFinite(e.points)) {
      const message = `考评事件的分值不是有效数字，按级别默认分值计${where(e.at)}`;
      problems.push(problem("error", "event.badPoints", message, "请把分值改为数字，或留空。", extra));
    }
    if (!codes.has(e.unitCode)) {
      const message = `考评事件的单位“${e.unitCode}”不在考评单位名单中${where(e.at)}`;
      problems.push(problem("error", "event.unknownUnit", message, "请更正单位名称，或把该单位加入考评单位名单。", extra));
    } else if (Number(e.date.slice(0, 4)) !== year) {
      const message = `考评事件日期 ${e.date} 不在 ${year} 年度，未计入${where(e.at)}`;
      problems.push(problem("warning", "event.otherYear", message, "如属本年度，请更正日期。", extra));
    }
  }
  return problems;
}

/** The 公示期 of the publication date given; a date that is no date is a problem, never an exception. */
function publicationOf(input: EvaluationInput, problems: Problem[]): PublicityPeriod | undefined {
  if (!input.published) return undefined;
  const published = readDate(input.published);
  if (!published) {
    const message = `发布日期“${input.published}”无法识别，未计算公示期`;
    problems.push(problem("error", "calendar.badPublished", message, "请填写如 2026-11-02 的发布日期。"));
    return undefined;
  }
  const publication = publicityEnd(published, undefined, input.holidayOverrides, input.holidaySheet);
  if (publication.warning) {
    const at = input.holidaySheet ? { sheet: input.holidaySheet, cell: "A1" } : undefined;
    problems.push(problem("warning", "calendar.unknownYear", publication.warning, `${addYearHint(input.holidaySheet)}。`, { at }));
  }
  return publication;
}

/** Every unit active in the month, scored, in the order of `units`. */
function scoreUnitsInMonth(month: MonthKey, units: readonly Unit[], context: Context): UnitMonth[] {
  const active = units.filter((u) => isActive(u, month));
  const states = active.map((u) => context.stateOf(u, month));
  // A1 compares with the median of the unit's class over the units with a valid row this month.
  const ordersByClass = new Map<string, number[]>();
  active.forEach((u, i) => {
    const state = states[i];
    if (state.kind !== "ok") return;
    const orders = ordersByClass.get(u.unitClass);
    if (orders) orders.push(state.values[CLASS_MEDIAN_FIELD]);
    else ordersByClass.set(u.unitClass, [state.values[CLASS_MEDIAN_FIELD]]);
  });
  const medians = new Map([...ordersByClass].map(([unitClass, orders]) => [unitClass, median(orders)]));
  return active.map((unit, i) => scoreUnitMonth(unit, month, states[i], medians.get(unit.unitClass) ?? null, context));
}

/** The count A1 compares with the median of the unit's class (工单总量). */
const CLASS_MEDIAN_FIELD = indicatorDef("A1").fields[0];

/** The counts whose ratio breaks ties (人工接听量, 人工排队量). */
const TIE_BREAK_FIELDS = indicatorDef(TIE_BREAK_INDICATOR).fields;

/** A unit without events this period: nothing added, deducted or decided. */
const NO_EVENTS: EventTotals = {
  bonusCents: 0,
  deductionCents: 0,
  bonusBeforeCapCents: 0,
  deductionBeforeCapCents: 0,
  disqualified: false,
  lines: [],
  notes: [],
  falsifications: [],
};

function scoreUnitMonth(unit: Unit, month: MonthKey, state: UnitMonthState, classMedian: Ratio | null, context: Context): UnitMonth {
  const own = context.eventsOf(unit);
  const events = own.length ? totalEvents(context.rules, own, unit.code, new Set([month]), "monthly") : NO_EVENTS;
  if (state.kind !== "ok") return { unit, month, state: state.kind, events, connectRate: null };
  const num = state.values[TIE_BREAK_FIELDS[0]];
  const den = state.values[TIE_BREAK_FIELDS[1]];
  const { scores, zeroDenominators, baseCents } = context.scoreMonth(state.values, classMedian);
  const score = {
    scores: perIndicator((id) => (scores[id].cents === null ? null : fromCents(scores[id].cents))),
    rates: perIndicator((id) => scores[id].rate),
    zeroDenominators,
    baseCents,
    values: state.values,
    classMedian,
  };
  return { unit, month, state: "ok", score, events, connectRate: den > 0 ? ratio(num, den) : null };
}

function totalCentsOf(m: UnitMonth): number | null {
  return m.score ? m.score.baseCents + m.events.bonusCents - m.events.deductionCents : null;
}

/** Confirmed falsification decides the month whatever the data: 不合格 (第十二条). */
function monthResult(m: UnitMonth): RowResult {
  return m.events.disqualified ? "disqualified" : m.state === "ok" ? "ranked" : m.state;
}

function monthStanding(m: UnitMonth): Standing {
  return { unit: m.unit, result: monthResult(m), totalCents: totalCentsOf(m), connectRate: m.connectRate };
}

/** What the events added, deducted or decided, for the row's note. */
function eventNotes(events: EventTotals): string[] {
  const falsified = events.falsifications.map(
    (f) => `${f.date} 经核查弄虚作假${f.description ? `（${f.description}）` : ""}，考评结果不合格`,
  );
  return [...events.lines, ...events.notes, ...falsified];
}

/** A month's row of the result. */
function monthRow(m: UnitMonth, place: Place, rules: RuleSet): ResultRow {
  const { score, events } = m;
  if (!score) {
    const why = m.events.disqualified ? [] : [m.state === "missing" ? "本月未报送数据" : "数据有误，待核实后计分（见数据校验表）"];
    return withPlace(unscored(m.unit, monthResult(m), [...why, ...eventNotes(events)].join("；")), place);
  }
  const zeroNotes = score.zeroDenominators.map((id) => zeroDenominatorNote(ruleFor(rules, id)));
  return {
    rank: place.rank,
    unit: m.unit,
    result: monthResult(m),
    scores: score.scores,
    rates: score.rates,
    zeroDenominators: score.zeroDenominators,
    base: fromCents(score.baseCents),
    bonus: fromCents(events.bonusCents),
    deduction: fromCents(events.deductionCents),
    total: fromCents(totalCentsOf(m)!),
    connectRate: m.connectRate,
    tieBreak: place.tieBreak,
    tieGroup: place.tieGroup,
    note: [place.note, ...eventNotes(events), ...zeroNotes].filter(Boolean).join("；"),
    months: [],
    basis: { values: score.values, classMedian: score.classMedian, events },
  };
}

/** A row without scores: 不合格 without usable data, 数据待核, 缺报, or no usable rules. */
function unscored(unit: Unit, result: RowResult, note: string, months: MonthOutcome[] = []): Outcome {
  return {
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
    note,
    months,
  };
}

/** The mean of whole cents, rounded half-up to a cent. */
function meanCents(values: readonly number[]): number {
  return Number(roundHalfUp(BigInt(values.reduce((sum, v) => sum + v, 0)), BigInt(values.length)));
}

/** Σ numerators ÷ Σ denominators of the rates given; null when there is none. */
function pooled(rates: readonly (Ratio | null)[]): Ratio | null {
  const given = rates.filter((r): r is Ratio => r !== null);
  const den = given.reduce((sum, r) => sum + r.den, 0);
  return den > 0
    ? ratio(
        given.reduce((sum, r) => sum + r.num, 0),
        den,
      )
    : null;
}

/** Quarter and year rows: each unit's months scored, then averaged (spec §5). */
function periodOutcomes(period: Period, units: readonly Unit[], context: Context): Outcome[] {
  const months = monthsOf(period);
  const byMonth = new Map(months.map((m) => [m, new Map(scoreUnitsInMonth(m, units, context).map((s) => [s.unit.code, s]))]));
  const outcomes: Outcome[] = [];
  for (const unit of units) {
    const own = months.filter((m) => isActive(unit, m)).map((m) => byMonth.get(m)!.get(unit.code)!);
    if (!own.length) continue;
    const annual =
      period.kind === "year" ? totalEvents(context.rules, context.eventsOf(unit), unit.code, new Set(months), "annual") : undefined;
    outcomes.push(periodOutcome(unit, own, annual));
  }
  return outcomes;
}

function periodOutcome(unit: Unit, own: readonly UnitMonth[], annual: EventTotals | undefined): Outcome {
  const outcomes: MonthOutcome[] = own.map((m) => {
    const total = totalCentsOf(m);
    return { month: m.month, result: monthResult(m), total: total === null ? null : fromCents(total) };
  });
  const monthsWith = (result: RowResult) => outcomes.filter((o) => o.result === result).map((o) => monthLabel(o.month));
  const [missing, pending, disqualified] = [monthsWith("missing"), monthsWith("pending"), monthsWith("disqualified")];
  if (missing.length || pending.length) {
    const parts = [missing.length ? `${missing.join("、")} 未报送` : "", pending.length ? `${pending.join("、")} 数据待核` : ""];
    return unscored(unit, missing.length ? "missing" : "pending", `${parts.filter(Boolean).join("，")}，本期暂不排名`, outcomes);
  }
  // A 不合格 month counts 0 in the mean; the period itself is not 不合格 (spec §5).
  const baseCents = meanCents(own.map((m) => (m.events.disqualified ? 0 : totalCentsOf(m)!)));
  const notes: string[] = [];
  if (disqualified.length) notes.push(`${disqualified.join("、")} 不合格，按 0 分计入`);
  if (annual) notes.push(...annual.lines, ...annual.notes);
  const bonusCents = annual?.bonusCents ?? 0;
  const deductionCents = annual?.deductionCents ?? 0;
  const scored = own.flatMap((m) => (m.score ? [m.score] : []));
  return {
    unit,
    result: "ranked",
    scores: perIndicator((id) => {
      const points = scored.map((s) => s.scores[id]).filter((p): p is number => p !== null);
      return points.length ? fromCents(meanCents(points.map(toCents))) : null;
    }),
    rates: perIndicator((id) => (indicatorDef(id).isRate ? pooled(scored.map((s) => s.rates[id])) : null)),
    zeroDenominators: [],
    base: fromCents(baseCents),
    bonus: fromCents(bonusCents),
    deduction: fromCents(deductionCents),
    total: fromCents(baseCents + bonusCents - deductionCents),
    connectRate: pooled(own.map((m) => m.connectRate)),
    note: notes.join("；"),
    months: outcomes,
    basis: { classMedian: null, events: annual ?? NO_EVENTS },
  };
}

function outcomeStanding(o: Outcome): Standing {
  return { unit: o.unit, result: o.result, totalCents: o.total === null ? null : toCents(o.total), connectRate: o.connectRate };
}

/**
 * The rows in published order: the ranked as rank() places them, then the unranked by kind and code.
 * Each row is made once, at its place.
 */
function publishedRows<T>(items: readonly T[], standing: (item: T) => Standing, row: (item: T, place: Place) => ResultRow): ResultRow[] {
  const contenders: (Contender & { readonly item: T })[] = [];
  const unranked: { readonly standing: Standing; readonly item: T }[] = [];
  for (const item of items) {
    const s = standing(item);
    if (s.result === "ranked")
      contenders.push({ key: s.unit.code, name: s.unit.name, totalCents: s.totalCents!, connectRate: s.connectRate, item });
    else unranked.push({ standing: s, item });
  }
  const byKindAndCode = (a: Standing, b: Standing) =>
    RESULT_ORDER[a.result] - RESULT_ORDER[b.result] || (a.unit.code < b.unit.code ? -1 : a.unit.code > b.unit.code ? 1 : 0);
  unranked.sort((a, b) => byKindAndCode(a.standing, b.standing));
  return [...rank(contenders).map((p) => row(p.contender.item, p)), ...unranked.map((u) => row(u.item, UNPLACED))];
}

/** An outcome's row at its place; a tie's note comes first. */
function withPlace(o: Outcome, place: Place): ResultRow {
  return {
    rank: place.rank,
    unit: o.unit,
    result: o.result,
    scores: o.scores,
    rates: o.rates,
    zeroDenominators: o.zeroDenominators,
    base: o.base,
    bonus: o.bonus,
    deduction: o.deduction,
    total: o.total,
    connectRate: o.connectRate,
    tieBreak: place.tieBreak,
    tieGroup: place.tieGroup,
    note: [place.note, o.note].filter(Boolean).join("；"),
    months: o.months,
    ...(o.basis && { basis: o.basis }),
  };
}
