// What a result was computed from, kept in the workbook beside it: the period's input values as read
// (the very hidden sheet `_kp12328_inputs`, a row per unit-month) and a fingerprint of inputs, rules, events and units in the
// registry. The next generation compares with them: no new version when nothing changed, and 修正记录
// names the input cells that did change (开封市!I13 622 → 724).

import {
  CellGrid,
  CellValue,
  MEASURE_IDS,
  Period,
  displayText,
  fieldDef,
  isEmptyCell,
  MeasureId,
  periodKey,
  readMonth,
  monthsOf,
} from "../engine";
import { WorkbookInput } from "./read";
import { CellSpec, SheetSpec } from "./sheet-spec";

export const INPUTS_SHEET = "_kp12328_inputs";

/** One input value of the period as read: where it is and what it held. */
export interface InputValue {
  readonly period: string;
  readonly sheet: string;
  readonly cell: string;
  readonly unitCode: string;
  readonly month: string;
  /** The field's label (工单总量 …). */
  readonly field: string;
  readonly value: number | string;
}

/** The inputs sheet: one row per unit-month, its measures in catalogue order (where each is comes from the workbook as read now). */
const HEADERS = ["period", "unitCode", "month", ...MEASURE_IDS];
const FIRST_MEASURE = 3;

function storedValue(v: CellValue | undefined): number | string | undefined {
  if (isEmptyCell(v)) return undefined;
  return typeof v === "number" ? v : displayText(v);
}

/** The period's input values: every filled measure cell of a row of one of its months. */
export function inputSnapshot(input: WorkbookInput, period: Period): InputValue[] {
  const months = new Set(monthsOf(period));
  const key = periodKey(period);
  const out: InputValue[] = [];
  for (const rec of input.records) {
    const month = readMonth(rec.month, period.year);
    if (!month || !months.has(month)) continue;
    for (const [id, raw] of Object.entries(rec.values)) {
      const value = storedValue(raw);
      const at = rec.cells?.[id as MeasureId];
      if (value === undefined || !at) continue;
      out.push({
        period: key,
        sheet: at.sheet,
        cell: at.cell,
        unitCode: rec.unitCode,
        month,
        field: fieldDef(id as MeasureId).label,
        value,
      });
    }
  }
  return out;
}

/** 64 bits of FNV-1a as hex: enough to tell two inputs apart, short enough for a registry cell. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}

/** Everything a result depends on but its publication date: the period's inputs, rules, events, units and holiday overrides. */
export function inputFingerprint(input: WorkbookInput, snapshot: readonly InputValue[]): string {
  const values = snapshot.map((v) => `${v.unitCode}|${v.month}|${v.field}|${v.value}`).sort();
  const events = input.events.map((e) => ({ ...e, at: undefined }));
  const holidays = input.holidayOverrides.map((h) => ({ ...h, at: undefined }));
  return hash(JSON.stringify([values, events, input.rules ?? null, input.units, holidays]));
}

/** The stored values of one period from the inputs sheet (without their cells: inputChanges takes those from the reading now). */
export function readInputSnapshot(cells: CellGrid | undefined, period: string): InputValue[] {
  const out: InputValue[] = [];
  for (const row of (cells ?? []).slice(1)) {
    if (displayText(row[0] ?? null) !== period) continue;
    const unitCode = displayText(row[1] ?? null);
    const month = displayText(row[2] ?? null);
    MEASURE_IDS.forEach((id, i) => {
      const value = storedValue(row[FIRST_MEASURE + i] ?? null);
      if (value !== undefined) out.push({ period, sheet: "", cell: "", unitCode, month, field: fieldDef(id).label, value });
    });
  }
  return out;
}

/** The inputs sheet with the period's values replaced and the other periods' kept. */
export function describeInputsSheet(cells: CellGrid | undefined, period: string, values: readonly InputValue[]): SheetSpec {
  const cell = (v: CellValue | undefined): CellSpec | null => {
    const value = storedValue(v);
    return value === undefined ? null : typeof value === "number" ? { value } : { value, numberFormat: "@" };
  };
  const kept = (cells ?? []).slice(1).filter((r) => displayText(r[0] ?? null) && displayText(r[0] ?? null) !== period);
  const byUnitMonth = new Map<string, (CellSpec | null)[]>();
  const label = new Map(MEASURE_IDS.map((id, i) => [fieldDef(id).label, i]));
  for (const v of values) {
    const key = `${v.unitCode}|${v.month}`;
    let row = byUnitMonth.get(key);
    if (!row) byUnitMonth.set(key, (row = [cell(v.period), cell(v.unitCode), cell(v.month), ...MEASURE_IDS.map(() => null)]));
    row[FIRST_MEASURE + label.get(v.field)!] = cell(v.value);
  }
  const rows: (CellSpec | null)[][] = [
    HEADERS.map((h) => cell(h)),
    ...kept.map((r) => HEADERS.map((_, i) => cell(r[i]))),
    ...byUnitMonth.values(),
  ];
  return { name: INPUTS_SHEET, role: "inputs", rows, hidden: true };
}

/** An input cell whose value changed between two snapshots (a value added or removed has null on the other side). */
export interface InputChange {
  readonly unitCode: string;
  readonly month: string;
  readonly sheet: string;
  readonly cell: string;
  readonly field: string;
  readonly before: number | string | null;
  readonly after: number | string | null;
}

export function inputChanges(before: readonly InputValue[], after: readonly InputValue[]): InputChange[] {
  const key = (v: InputValue) => `${v.unitCode}|${v.month}|${v.field}`;
  const old = new Map(before.map((v) => [key(v), v]));
  const now = new Map(after.map((v) => [key(v), v]));
  const out: InputChange[] = [];
  for (const [k, v] of now) {
    const was = old.get(k);
    if (!was || was.value !== v.value) out.push({ ...v, before: was?.value ?? null, after: v.value });
  }
  // A value no longer there: its cell is where the unit-month's other values are now, when it still has some.
  const rowOf = new Map(after.map((v) => [`${v.unitCode}|${v.month}`, v]));
  for (const [k, v] of old) {
    if (now.has(k)) continue;
    const row = rowOf.get(`${v.unitCode}|${v.month}`);
    out.push({ ...v, sheet: row?.sheet ?? "", cell: "", before: v.value, after: null });
  }
  return out;
}
