// Monthly indicator rows as cells give them, checked into numbers the scoring can trust.
// Impossible values are errors that hold the unit back (数据待核); odd but possible ones are warnings.
// The checks of a measure cell and of a row's parts are the ones the KP functions apply too.

import { CellValue, displayText, isBlank, readNumber } from "./cells";
import { FIELDS, FieldId, MEASURE_IDS, MeasureId, fieldDef, indicatorDef } from "./catalogue";
import { decimalOf, ratio } from "./exact";
import { formatPercent } from "./format";
import { MonthKey, monthLabel, readMonth } from "./period";
import { CellRef, Problem, ProblemCode, Severity, problem, problemDoes, where } from "./problems";
import { Unit } from "./units";

/** One unit-month as read from a sheet: raw cell values with, where known, the cell each came from. */
export interface RawRecord {
  readonly unitCode: string;
  readonly month: CellValue;
  readonly values: Partial<Record<MeasureId, CellValue>>;
  readonly cells?: Partial<Record<FieldId, CellRef>>;
}

export type MeasureValues = Readonly<Record<MeasureId, number>>;

export type UnitMonthState =
  { readonly kind: "ok"; readonly values: MeasureValues } | { readonly kind: "pending" } | { readonly kind: "missing" };

export const MISSING: UnitMonthState = { kind: "missing" };
export const PENDING: UnitMonthState = { kind: "pending" };

export interface RecordReading {
  /** The months asked about that have rows: each unit's state by its code. */
  readonly byMonth: ReadonlyMap<MonthKey, ReadonlyMap<string, UnitMonthState>>;
  /** One unit-month's state; undefined when it has no row. */
  state(unitCode: string, month: MonthKey): UnitMonthState | undefined;
  readonly problems: readonly Problem[];
}

/** The largest count or wait accepted: anything above it is a typing error. */
export const MEASURE_LIMIT = 1e12;
/** Odd-but-possible thresholds that raise warnings. */
export const WARN_CONNECT_RATE_BELOW = 0.5;
export const WARN_WAIT_ABOVE_SECONDS = 300;

/** Something wrong or odd about a measure: a problem without its place (unit, month, cell). */
export interface MeasureIssue {
  readonly code: ProblemCode;
  readonly severity: Severity;
  /** What follows the measure's name: " 为 -3，不能为负数", "：按时 3 + 逾期 2 超过应报送 4". */
  readonly reason: string;
  readonly action: string;
  /** For a cell holding an error value: that error, e.g. "#DIV/0!". */
  readonly errorText?: string;
}

export interface FieldIssue extends MeasureIssue {
  readonly field: MeasureId;
}

/** The issue as a sentence about the measure named `label`, with its place (e.g. "（郑州市!C5）") where known. */
export function measureMessage(label: string, issue: MeasureIssue, place = ""): string {
  return `${label}${place}${issue.reason}`;
}

const refuse = (code: ProblemCode, reason: string, action: string, errorText?: string): MeasureIssue => ({
  code,
  severity: "error",
  reason,
  action,
  errorText,
});

/**
 * A count or a wait as a centre fills it in: its value when it is a non-negative number, whole for
 * counts, not a percentage, at most MEASURE_LIMIT (text such as "1,234" included); else why not.
 */
export function checkMeasure(value: CellValue | undefined, kind: MeasureKind): number | MeasureIssue {
  // A number cell is its own value; text, errors, dates and the rest are read by readNumber.
  if (typeof value === "number" && Number.isFinite(value)) return checkAmount(value, kind);
  const reading = readNumber(value);
  if (!reading.ok) {
    if (reading.reason === "blank") return refuse("value.blank", " 未填写", "请填写该项；没有发生时填 0。");
    if (reading.reason === "error")
      return refuse("value.cellError", ` 是错误值 ${reading.text}`, "请检查该单元格的公式或改填数值。", reading.text);
    return refuse("value.notNumber", ` 为“${reading.text}”，不是数字`, "请填写数字。");
  }
  if (reading.percent) {
    const expected = kind === "seconds" ? "秒数" : "数量";
    return refuse("value.percent", ` 为百分数“${displayText(value)}”，此处应填${expected}`, "请填写原始数量，比率由系统计算。");
  }
  return checkAmount(reading.value, kind);
}

/** A number read from a measure cell: not negative, whole for counts, within MEASURE_LIMIT. */
function checkAmount(v: number, kind: MeasureKind): number | MeasureIssue {
  if (v < 0) return refuse("value.negative", ` 为 ${v}，不能为负数`, "请更正为实际数值。");
  if (kind === "count" && !Number.isInteger(v)) return refuse("value.fractional", ` 为 ${v}，数量应为整数`, "请填写整数。");
  if (v > MEASURE_LIMIT) return refuse("value.tooLarge", ` 为 ${v}，超出合理范围`, "请核对该数值。");
  return v;
}

const NO_WARNINGS: readonly MeasureIssue[] = [];

/** What is odd about an accepted measure cell: a number written as text, a very long wait. */
export function measureWarnings(value: CellValue | undefined, kind: MeasureKind, v: number): readonly MeasureIssue[] {
  const text = typeof value === "string";
  const longWait = kind === "seconds" && v > WARN_WAIT_ABOVE_SECONDS;
  if (!text && !longWait) return NO_WARNINGS;
  const warnings: MeasureIssue[] = [];
  if (text) {
    const reason = ` 以文本“${displayText(value)}”填写，已按 ${v} 计算`;
    warnings.push({ code: "value.text", severity: "warning", reason, action: "建议改为数值格式，避免汇总公式漏算。" });
  }
  if (longWait) {
    const reason = ` 为 ${v} 秒，超过 ${WARN_WAIT_ABOVE_SECONDS} 秒`;
    warnings.push({ code: "value.longWait", severity: "warning", reason, action: "请核对是否把分钟或总时长误填为平均秒数。" });
  }
  return warnings;
}

/** What a measure counts: things, or seconds (which may have decimals). */
export type MeasureKind = "count" | "seconds";

export function measureKind(field: MeasureId): MeasureKind {
  return fieldDef(field).kind === "seconds" ? "seconds" : "count";
}

/** The measures with their kinds, in catalogue order. */
const MEASURE_FIELDS = MEASURE_IDS.map((id) => ({ id, kind: measureKind(id) }));

const NO_VALUES: Partial<Record<MeasureId, number>> = Object.fromEntries(MEASURE_IDS.map((id) => [id, undefined]));

/** The part/whole pairs of the catalogue: a part never exceeds its whole. */
const PARTS: readonly (readonly [MeasureId, MeasureId])[] = FIELDS.flatMap((f) =>
  "partOf" in f ? [[f.id as MeasureId, f.partOf as MeasureId] as const] : [],
);

/**
 * The checks across measures: every part within its whole, reports on time plus late within those
 * required. Only pairs whose values are both given are compared; a part found above its whole is not
 * compared again, so one wrong cell gives one message.
 */
export function checkParts(values: Partial<Record<MeasureId, number>>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const refused = (field: MeasureId) => issues.some((i) => i.field === field);
  for (const [part, whole] of PARTS) {
    const p = values[part];
    const w = values[whole];
    if (p === undefined || w === undefined || p <= w || refused(part) || refused(whole)) continue;
    const [partLabel, wholeLabel] = [fieldDef(part).label, fieldDef(whole).label];
    issues.push({
      field: part,
      code: "value.partAboveWhole",
      severity: "error",
      reason: ` 为 ${p}，大于${wholeLabel} ${w}`,
      action: `请核对：${partLabel}不能超过${wholeLabel}。`,
    });
  }
  const { reportsOnTime: onTime, reportsLate: late, reportsRequired: required } = values;
  if (onTime === undefined || late === undefined || required === undefined || refused("reportsOnTime") || refused("reportsRequired")) {
    return issues;
  }
  if (onTime + late > required) {
    issues.push({
      field: "reportsLate",
      code: "value.reportsAboveRequired",
      severity: "error",
      reason: `：按时 ${onTime} + 逾期 ${late} 超过应报送 ${required}`,
      action: "请核对报送数量。",
    });
  }
  return issues;
}

/** A row's measures checked: its values when every one is usable, and every issue found. */
export function checkRow(raw: Partial<Record<MeasureId, CellValue>>): { values?: MeasureValues; issues: FieldIssue[] } {
  // Every key from the start, so that all rows share one shape (as perIndicator does).
  const values: Partial<Record<MeasureId, number>> = { ...NO_VALUES };
  const issues: FieldIssue[] = [];
  for (const { id: field, kind } of MEASURE_FIELDS) {
    const cell = raw[field];
    const checked = checkMeasure(cell, kind);
    if (typeof checked !== "number") issues.push({ ...checked, field });
    else {
      values[field] = checked;
      const warnings = measureWarnings(cell, kind, checked);
      if (warnings.length) for (const warning of warnings) issues.push({ ...warning, field });
    }
  }
  const parts = checkParts(values);
  issues.push(...parts);
  const lowRate = lowConnectRate(values, parts);
  if (lowRate) issues.push(lowRate);
  if (issues.some((i) => problemDoes(i, "blocksUnit"))) return { issues };
  // A row of plain numbers is kept as given, not copied: the engine holds every row it scores.
  const asGiven = MEASURE_IDS.every((id) => raw[id] === values[id]);
  return { values: (asGiven ? raw : values) as MeasureValues, issues };
}

/** 人工接通率 (A2) below WARN_CONNECT_RATE_BELOW: possible, but more often 接听 and 排队 swapped or left out. */
function lowConnectRate(values: Partial<Record<MeasureId, number>>, parts: readonly FieldIssue[]): FieldIssue | undefined {
  const rate = indicatorDef("A2");
  const [answeredField, queuedField] = rate.fields;
  const answered = values[answeredField];
  const queued = values[queuedField];
  if (answered === undefined || queued === undefined || parts.some((i) => i.field === answeredField)) return undefined;
  if (queued === 0 || answered >= queued * WARN_CONNECT_RATE_BELOW) return undefined;
  const [answeredLabel, queuedLabel] = [fieldDef(answeredField).label, fieldDef(queuedField).label];
  const threshold = formatPercent(decimalOf(WARN_CONNECT_RATE_BELOW), 0);
  return {
    field: answeredField,
    code: "value.lowConnectRate",
    severity: "warning",
    reason: ` 仅为${queuedLabel}的 ${formatPercent(ratio(answered, queued), 1)}，${rate.label}低于 ${threshold}`,
    action: `请核对${answeredLabel}与${queuedLabel}是否填反或漏填。`,
  };
}

function hasAnyValue(r: RawRecord): boolean {
  return MEASURE_IDS.some((id) => !isBlank(r.values[id]));
}

/**
 * Reads the rows of `year` for the months in `wanted`: every impossible value is an error naming unit,
 * field and cell; rows of other months of the year are passed over; rows of another year are errors.
 * A code given to two units means the first of them.
 */
export function readRecords(
  records: readonly RawRecord[],
  units: readonly Unit[],
  year: number,
  wanted: readonly MonthKey[],
): RecordReading {
  const problems: Problem[] = [];
  const unitByCode = new Map<string, Unit>();
  for (const u of units) if (!unitByCode.has(u.code)) unitByCode.set(u.code, u);
  const wantedMonths = new Set(wanted);
  // Each unit-month's rows, in the order first seen, so that problems come in the rows' order.
  const unitMonths: { unit: Unit; month: MonthKey; rows: RawRecord[] }[] = [];
  const seen = new Map<MonthKey, Map<string, RawRecord[]>>();
  for (const rec of records) {
    const unit = unitByCode.get(rec.unitCode);
    if (!unit) {
      const at = rec.cells?.month;
      const message = `单位“${rec.unitCode}”不在考评单位名单中${where(at)}`;
      problems.push(
        problem("error", "record.unknownUnit", message, "请把该单位加入考评单位名单，或更正单位名称。", { unitCode: rec.unitCode, at }),
      );
      continue;
    }
    const month = monthOfRecord(rec, unit, year, problems);
    if (!month || !wantedMonths.has(month)) continue;
    if (!seen.has(month)) seen.set(month, new Map());
    const rows = seen.get(month)!.get(unit.code);
    if (rows) rows.push(rec);
    else {
      const first = [rec];
      seen.get(month)!.set(unit.code, first);
      unitMonths.push({ unit, month, rows: first });
    }
  }
  const byMonth = new Map<MonthKey, Map<string, UnitMonthState>>();
  for (const { unit, month, rows } of unitMonths) {
    if (!byMonth.has(month)) byMonth.set(month, new Map());
    byMonth.get(month)!.set(unit.code, unitMonthState(unit, month, rows, problems));
  }
  return { byMonth, state: (unitCode, month) => byMonth.get(month)?.get(unitCode), problems };
}

/** The month a row is of, when it can be read and is of `year`; else a problem and undefined. */
function monthOfRecord(rec: RawRecord, unit: Unit, year: number, problems: Problem[]): MonthKey | undefined {
  const at = rec.cells?.month;
  const month = readMonth(rec.month, year);
  if (!month) {
    const shown = displayText(rec.month);
    problems.push(
      problem(
        "error",
        shown ? "record.badMonth" : "record.noMonth",
        `${unit.name} 的月份${shown ? `“${shown}”无法识别` : "未填写"}${where(at)}`,
        "请填写如 2026-10 或 2026年10月 的月份。",
        { unitCode: unit.code, field: "month", at },
      ),
    );
    return undefined;
  }
  if (Number(month.slice(0, 4)) !== year) {
    problems.push(
      problem(
        "error",
        "record.otherYear",
        `${unit.name} 有 ${monthLabel(month)} 的数据，不属于 ${year} 年度${where(at)}`,
        `请把该行移到 ${month.slice(0, 4)} 年的工作簿，或更正月份。`,
        { unitCode: unit.code, field: "month", month, at },
      ),
    );
    return undefined;
  }
  return month;
}

/** A unit-month from its rows: missing without figures, pending with two rows or an error, else its values. */
function unitMonthState(unit: Unit, month: MonthKey, rows: readonly RawRecord[], problems: Problem[]): UnitMonthState {
  const filled = rows.filter(hasAnyValue);
  if (filled.length === 0) return MISSING;
  if (filled.length > 1) {
    for (const r of filled) {
      const at = r.cells?.month;
      const message = `${unit.name} 的 ${monthLabel(month)} 有 ${filled.length} 行数据${where(at)}`;
      problems.push(
        problem("error", "record.duplicateMonth", message, "每个单位每月只保留一行，请删除多余的行。", {
          unitCode: unit.code,
          field: "month",
          month,
          at,
        }),
      );
    }
    return PENDING;
  }
  const [row] = filled;
  const { values, issues } = checkRow(row.values);
  for (const issue of issues) {
    const at = row.cells?.[issue.field];
    const message = `${unit.name} ${monthLabel(month)} ${measureMessage(fieldDef(issue.field).label, issue, where(at))}`;
    problems.push(problem(issue.severity, issue.code, message, issue.action, { unitCode: unit.code, field: issue.field, month, at }));
  }
  return values ? { kind: "ok", values } : PENDING;
}
