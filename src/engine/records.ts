// Monthly indicator rows as cells give them, checked into numbers the scoring can trust.
// Impossible values are errors that hold the unit back (数据待核); odd but possible ones are warnings.

import { CellValue, displayText, isBlank, readNumber } from "./cells";
import { FIELDS, FieldId, MEASURE_IDS, MeasureId, fieldDef } from "./catalogue";
import { MonthKey, monthLabel, readMonth } from "./period";
import { CellRef, Problem, problem, where } from "./problems";
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

/** The states without values, shared: every unit-month that has one holds the same object. */
export const MISSING: UnitMonthState = Object.freeze({ kind: "missing" });
export const PENDING: UnitMonthState = Object.freeze({ kind: "pending" });

/** Each unit's state in one month, in the order of the units read (undefined: no row). */
export type MonthStates = readonly (UnitMonthState | undefined)[];

export interface RecordReading {
  /** The months asked about that have rows. */
  readonly byMonth: ReadonlyMap<MonthKey, MonthStates>;
  /** One unit-month's state; undefined when it has no row. */
  state(unitCode: string, month: MonthKey): UnitMonthState | undefined;
  readonly problems: readonly Problem[];
}

/** The fields checkRecord reads, and the part/whole pairs among them. */
const MEASURE_FIELDS = FIELDS.filter((f) => f.kind !== "month");

/** Odd-but-possible thresholds that raise warnings. */
export const WARN_CONNECT_RATE_BELOW = 0.5;
export const WARN_WAIT_ABOVE_SECONDS = 300;

/** Each unit's position in the list by its code (the first, should a code repeat). */
export function unitPositions(units: readonly Unit[]): Map<string, number> {
  const positions = new Map<string, number>();
  units.forEach((u, i) => {
    if (!positions.has(u.code)) positions.set(u.code, i);
  });
  return positions;
}

/**
 * Reads the rows of `year` for the months in `wanted`: every impossible value is an error naming unit,
 * field and cell; rows of other months of the year are passed over; rows of another year are errors.
 * `positions` may be given when the caller has it already (see unitPositions).
 */
export function readRecords(
  records: readonly RawRecord[],
  units: readonly Unit[],
  year: number,
  wanted: readonly MonthKey[],
  positions: ReadonlyMap<string, number> = unitPositions(units),
): RecordReading {
  const problems: Problem[] = [];
  const wantedSet = new Set(wanted);
  // The rows of each unit-month, by month and the unit's position (this runs for every row): its one
  // row, or its rows when there are several. And each unit-month in the order first seen, so that
  // problems come in the rows' order.
  const rowsOf = new Map<MonthKey, (RawRecord | RawRecord[] | undefined)[]>();
  const seenUnits: number[] = [];
  const seenMonths: MonthKey[] = [];
  // A sheet's month cells mostly hold the same few values.
  const monthOf = new Map<CellValue, MonthKey | undefined>();
  // Rows mostly come unit after unit in the units' order: the previous row's unit or the next one
  // is tried before the map (when no code repeats, so that a match is the unit the map would give).
  const distinct = positions.size === units.length;
  let previous = -1;

  for (const rec of records) {
    const code = rec.unitCode;
    const u =
      distinct && previous >= 0 && units[previous].code === code
        ? previous
        : distinct && previous + 1 < units.length && units[previous + 1].code === code
          ? previous + 1
          : positions.get(code);
    const monthRef = rec.cells?.month;
    if (u === undefined) {
      problems.push(
        problem(
          "error",
          "record.unknownUnit",
          `单位“${rec.unitCode}”不在考评单位名单中${where(monthRef)}`,
          "请在“考评单位”表中添加该单位，或更正单位名称。",
          { unitCode: rec.unitCode, at: monthRef },
        ),
      );
      continue;
    }
    previous = u;
    const unit = units[u];
    const cell = rec.month;
    let month: MonthKey | undefined;
    if (typeof cell === "string" || typeof cell === "number") {
      month = monthOf.get(cell);
      if (month === undefined && !monthOf.has(cell)) monthOf.set(cell, (month = readMonth(cell, year)));
    } else month = readMonth(cell, year);
    if (!month) {
      const shown = displayText(rec.month);
      problems.push(
        problem(
          "error",
          shown ? "record.badMonth" : "record.noMonth",
          `${unit.name} 的月份${shown ? `“${shown}”无法识别` : "未填写"}${where(monthRef)}`,
          "请填写如 2026-10 或 2026年10月 的月份。",
          {
            unitCode: unit.code,
            field: "month",
            at: monthRef,
          },
        ),
      );
      continue;
    }
    if (Number(month.slice(0, 4)) !== year) {
      problems.push(
        problem(
          "error",
          "record.otherYear",
          `${unit.name} 有 ${monthLabel(month)} 的数据，不属于 ${year} 年度${where(monthRef)}`,
          `请把该行移到 ${month.slice(0, 4)} 年的工作簿，或更正月份。`,
          { unitCode: unit.code, field: "month", month, at: monthRef },
        ),
      );
      continue;
    }
    if (!wantedSet.has(month)) continue;
    let slots = rowsOf.get(month);
    if (!slots) rowsOf.set(month, (slots = new Array(units.length)));
    const earlier = slots[u];
    if (earlier === undefined) {
      slots[u] = rec;
      seenUnits.push(u);
      seenMonths.push(month);
    } else if (Array.isArray(earlier)) earlier.push(rec);
    else slots[u] = [earlier, rec];
  }

  const byMonth = new Map<MonthKey, (UnitMonthState | undefined)[]>();
  for (let i = 0; i < seenUnits.length; i++) {
    const u = seenUnits[i];
    const unit = units[u];
    const month = seenMonths[i];
    const rows = rowsOf.get(month)![u]!;
    let state: UnitMonthState;
    // The usual unit-month: one row, every value in order.
    const clean = Array.isArray(rows) ? undefined : cleanValues(rows.values);
    const filled = clean ? [] : Array.isArray(rows) ? rows.filter(hasAnyValue) : hasAnyValue(rows) ? [rows] : [];
    if (clean) state = { kind: "ok", values: clean };
    else if (filled.length === 0) state = MISSING;
    else if (filled.length > 1) {
      for (const r of filled) {
        problems.push(
          problem(
            "error",
            "record.duplicateMonth",
            `${unit.name} 的 ${monthLabel(month)} 有 ${filled.length} 行数据${where(r.cells?.month)}`,
            "每个单位每月只保留一行，请删除多余的行。",
            { unitCode: unit.code, field: "month", month, at: r.cells?.month },
          ),
        );
      }
      state = PENDING;
    } else {
      const checked = checkRecord(filled[0], unit, month);
      if (checked.problems.length) problems.push(...checked.problems);
      state = checked.values ? { kind: "ok", values: checked.values } : PENDING;
    }
    let states = byMonth.get(month);
    if (!states) byMonth.set(month, (states = new Array(units.length)));
    states[u] = state;
  }
  return {
    byMonth,
    state: (unitCode, month) => {
      const u = positions.get(unitCode);
      return u === undefined ? undefined : byMonth.get(month)?.[u];
    },
    problems,
  };
}

function hasAnyValue(r: RawRecord): boolean {
  for (const id of MEASURE_IDS) if (!isBlank(r.values[id])) return true;
  return false;
}

const PART_PAIRS: readonly (readonly [MeasureId, MeasureId])[] = FIELDS.filter((f) => "partOf" in f).map((f) => [
  f.id as MeasureId,
  (f as { partOf: MeasureId }).partOf,
]);
const NO_PROBLEMS: readonly Problem[] = [];

/** For cleanValues: each measure's id and kind, and the part/whole pairs by position among them. */
const CLEAN_IDS = MEASURE_FIELDS.map((f) => f.id as MeasureId);
const CLEAN_IS_COUNT = MEASURE_FIELDS.map((f) => f.kind === "count");
const CLEAN_PAIRS = PART_PAIRS.flatMap(([part, whole]) => [CLEAN_IDS.indexOf(part), CLEAN_IDS.indexOf(whole)]);
/** The values being checked, read once each (reading a property by a computed name is the slow part). */
const cleanScratch = new Float64Array(CLEAN_IDS.length);

/**
 * The row as it usually comes: every value a plain number in range, every part within its whole,
 * nothing odd to warn about. Then the row's own values are used as they are, without a copy.
 */
function cleanValues(v: RawRecord["values"]): MeasureValues | undefined {
  for (let i = 0; i < CLEAN_IDS.length; i++) {
    const x = v[CLEAN_IDS[i]];
    if (typeof x !== "number" || !(x >= 0 && x <= 1e12) || (CLEAN_IS_COUNT[i] ? !Number.isInteger(x) : x > WARN_WAIT_ABOVE_SECONDS))
      return undefined;
    cleanScratch[i] = x;
  }
  for (let i = 0; i < CLEAN_PAIRS.length; i += 2) if (cleanScratch[CLEAN_PAIRS[i]] > cleanScratch[CLEAN_PAIRS[i + 1]]) return undefined;
  const n = v as MeasureValues;
  if (n.reportsOnTime + n.reportsLate > n.reportsRequired) return undefined;
  if (n.manualQueued > 0 && n.manualAnswered < n.manualQueued * WARN_CONNECT_RATE_BELOW) return undefined;
  return n;
}

function checkRecord(rec: RawRecord, unit: Unit, month: MonthKey): { values?: MeasureValues; problems: readonly Problem[] } {
  const clean = cleanValues(rec.values);
  if (clean) return { values: clean, problems: NO_PROBLEMS };
  const problems: Problem[] = [];
  const values: Partial<Record<MeasureId, number>> = {};
  const add = (severity: "error" | "warning", code: string, field: MeasureId, text: string, action: string) => {
    const at = rec.cells?.[field];
    problems.push(
      problem(severity, code, `${unit.name} ${monthLabel(month)} ${fieldDef(field).label}${where(at)}${text}`, action, {
        unitCode: unit.code,
        field,
        month,
        at,
      }),
    );
  };

  for (const field of MEASURE_FIELDS) {
    const id = field.id as MeasureId;
    const raw: CellValue | undefined = rec.values[id];
    // The usual cell: a plain number in range, taken as it is (this loop runs for every unit-month).
    if (
      typeof raw === "number" &&
      raw >= 0 &&
      raw <= 1e12 &&
      (field.kind === "count" ? Number.isInteger(raw) : raw <= WARN_WAIT_ABOVE_SECONDS)
    ) {
      values[id] = raw;
      continue;
    }
    const reading = readNumber(raw);
    if (!reading.ok) {
      if (reading.reason === "blank") add("error", "value.blank", id, " 未填写", "请填写该项；没有发生时填 0。");
      else if (reading.reason === "error")
        add("error", "value.cellError", id, ` 是错误值 ${reading.text}`, "请检查该单元格的公式或改填数值。");
      else add("error", "value.notNumber", id, ` 为“${reading.text}”，不是数字`, "请填写数字。");
      continue;
    }
    const v = reading.value;
    if (reading.percent) {
      add(
        "error",
        "value.percent",
        id,
        ` 为百分数“${displayText(raw)}”，此处应填${field.kind === "seconds" ? "秒数" : "数量"}`,
        "请填写原始数量，比率由系统计算。",
      );
      continue;
    }
    if (v < 0) {
      add("error", "value.negative", id, ` 为 ${v}，不能为负数`, "请更正为实际数值。");
      continue;
    }
    if (field.kind === "count" && !Number.isInteger(v)) {
      add("error", "value.fractional", id, ` 为 ${v}，数量应为整数`, "请填写整数。");
      continue;
    }
    if (!Number.isSafeInteger(Math.ceil(v)) || v > 1e12) {
      add("error", "value.tooLarge", id, ` 为 ${v}，超出合理范围`, "请核对该数值。");
      continue;
    }
    if (reading.fromText)
      add("warning", "value.text", id, ` 以文本“${displayText(raw)}”填写，已按 ${v} 计算`, "建议改为数值格式，避免汇总公式漏算。");
    if (field.kind === "seconds" && v > WARN_WAIT_ABOVE_SECONDS)
      add("warning", "value.longWait", id, ` 为 ${v} 秒，超过 ${WARN_WAIT_ABOVE_SECONDS} 秒`, "请核对是否把分钟或总时长误填为平均秒数。");
    values[id] = v;
  }

  for (const field of FIELDS) {
    const whole = (field as { partOf?: MeasureId }).partOf;
    const part = field.id as MeasureId;
    if (!whole || values[part] === undefined || values[whole] === undefined) continue;
    if (values[part]! > values[whole]!) {
      add(
        "error",
        "value.partAboveWhole",
        part,
        ` 为 ${values[part]}，大于${fieldDef(whole).label} ${values[whole]}`,
        `请核对：${fieldDef(field.id).label}不能超过${fieldDef(whole).label}。`,
      );
      delete values[part];
    }
  }
  const { reportsOnTime: onTime, reportsLate: late, reportsRequired: required } = values;
  if (onTime !== undefined && late !== undefined && required !== undefined && onTime + late > required) {
    add("error", "value.reportsAboveRequired", "reportsLate", `：按时 ${onTime} + 逾期 ${late} 超过应报送 ${required}`, "请核对报送数量。");
    delete values.reportsLate;
  }
  const { manualAnswered: answered, manualQueued: queued } = values;
  if (answered !== undefined && queued !== undefined && queued > 0 && answered < queued * WARN_CONNECT_RATE_BELOW) {
    add(
      "warning",
      "value.lowConnectRate",
      "manualAnswered",
      ` 仅为人工排队量的 ${Math.round((answered / queued) * 1000) / 10}%，人工接通率低于 50%`,
      "请核对人工接听量与人工排队量是否填反或漏填。",
    );
  }

  const complete = MEASURE_IDS.every((id) => values[id] !== undefined);
  return { values: complete && !problems.some((p) => p.severity === "error") ? (values as MeasureValues) : undefined, problems };
}
