// The workbook staff start a year with (spec §3, §8 set-up): 评分规则, 考评单位, 考评事件,
// 节假日调整 and one indicator sheet per unit, described as data for any adapter to write.

import { FIELDS, MeasureId, SCORING_METHODS } from "../catalogue";
import { CellValue } from "../cells";
import { monthKey } from "../period";
import { cellAddress, columnLetters } from "../problems";
import { DEFAULT_RULES, RULE_SHEET, RuleSet, isRateParam, ruleTableRows } from "../rules";
import { DEFAULT_UNITS, Unit } from "../units";
import { EVENT_HEADERS, FILLS, HOLIDAY_HEADERS, SHEETS, UNIT_HEADERS } from "./catalogue-sheets";
import { CellSpec, SheetSpec } from "./sheet-spec";

const HEADER_ROW = 3;

const header = (value: string): CellSpec => ({ value, numberFormat: "@", bold: true, fill: FILLS.header.color, fontColor: "#FFFFFF", align: "center", wrap: true });
const text = (value: string, extra: Partial<CellSpec> = {}): CellSpec => ({ value, numberFormat: "@", ...extra });

/** Values for a unit-month, to fill the template (sample data, imported returns). */
export type MonthValues = (unit: Unit, month: string) => Partial<Record<MeasureId, CellValue>> | undefined;

export function unitSheetRows(year: number): { header: number; first: number; last: number } {
  return { header: HEADER_ROW, first: HEADER_ROW + 1, last: HEADER_ROW + 12 };
}

/** One unit's indicator sheet: a row per month of the year, a column per field of spec §3. */
export function describeUnitSheet(unit: Unit, year: number, values?: MonthValues): SheetSpec {
  const rows: (CellSpec | null)[][] = [];
  const width = FIELDS.length;
  rows.push([text(`${unit.name} 12328 电话运行月度指标（${year}年）`, { bold: true, fontSize: 13 }), ...Array(width - 1).fill(null)]);
  rows.push([text("每月填写一行；数量填整数，平均等待时长填秒数。比率与得分由省中心按评分规则计算。", { fontColor: "#595959" }), ...Array(width - 1).fill(null)]);
  rows.push(FIELDS.map((f) => header(f.label)));
  for (let m = 1; m <= 12; m++) {
    const key = monthKey(year, m);
    const filled = values?.(unit, key);
    rows.push(
      FIELDS.map((f): CellSpec => {
        if (f.id === "month") return text(key, { align: "center" });
        const v = filled?.[f.id as MeasureId];
        return { value: v === undefined || v instanceof Date || (typeof v === "object" && v !== null) ? null : v, numberFormat: f.kind === "seconds" ? "0.0" : "0" };
      }),
    );
  }
  const counts = FIELDS.map((f, i) => ({ f, col: columnLetters(i + 1) })).filter((x) => x.f.kind !== "month");
  return {
    name: unit.name,
    role: "unitInput",
    rows,
    columnWidths: FIELDS.map((f) => (f.kind === "month" ? 10 : Math.max(9, Math.ceil(f.label.length * 1.9)))),
    freeze: { rows: HEADER_ROW, columns: 1 },
    merges: [`A1:${columnLetters(width)}1`, `A2:${columnLetters(width)}2`],
    headerRow: HEADER_ROW,
    rowHeights: { [HEADER_ROW]: 45 },
    validations: counts.map(({ f, col }) => ({
      range: `${col}${HEADER_ROW + 1}:${col}${HEADER_ROW + 12}`,
      kind: f.kind === "seconds" ? ("decimal" as const) : ("wholeNumber" as const),
      min: 0,
      title: f.label,
      message: f.kind === "seconds" ? "请填写不小于 0 的秒数" : "请填写不小于 0 的整数",
    })),
  };
}

export function describeRulesSheet(rules: RuleSet = DEFAULT_RULES): SheetSpec {
  const table = ruleTableRows(rules);
  const rows = table.map((row, r): (CellSpec | null)[] =>
    row.map((v, c): CellSpec | null => {
      if (r === 0) return header(String(v));
      if (v === null) return null;
      if (typeof v === "number" && (c === 4 || c === 5)) {
        const method = SCORING_METHODS.find((m) => m.label === table[r][2]);
        return { value: v, numberFormat: method && isRateParam(method.id, c - 4) ? "0.00%" : "General" };
      }
      return typeof v === "string" ? text(v) : { value: v as number };
    }),
  );
  return { name: RULE_SHEET, role: "rules", rows, columnWidths: [10, 24, 14, 7, 9, 9, 10, 60], freeze: { rows: 1 }, headerRow: 1 };
}

export function describeUnitsSheet(units: readonly Unit[] = DEFAULT_UNITS): SheetSpec {
  const h = Object.values(UNIT_HEADERS);
  return {
    name: SHEETS.units,
    role: "units",
    rows: [h.map(header), ...units.map((u) => [text(u.code), text(u.name), text(u.unitClass), u.activeFrom ? text(u.activeFrom) : null, u.activeTo ? text(u.activeTo) : null])],
    columnWidths: [10, 14, 10, 10, 10],
    freeze: { rows: 1 },
    headerRow: 1,
  };
}

export function describeEventsSheet(rows: readonly (readonly CellValue[])[] = []): SheetSpec {
  return {
    name: SHEETS.events,
    role: "events",
    rows: [Object.values(EVENT_HEADERS).map(header), ...rows.map((r) => r.map((v, c) => (v === null ? null : c === 0 ? text(String(v)) : typeof v === "number" ? { value: v } : text(String(v)))))],
    columnWidths: [12, 12, 10, 14, 8, 7, 40],
    freeze: { rows: 1 },
    headerRow: 1,
  };
}

export function describeHolidaysSheet(): SheetSpec {
  return { name: SHEETS.holidays, role: "holidays", rows: [Object.values(HOLIDAY_HEADERS).map(header)], columnWidths: [12, 10, 30], freeze: { rows: 1 }, headerRow: 1 };
}

export interface TemplateOptions {
  readonly year: number;
  readonly units?: readonly Unit[];
  readonly rules?: RuleSet;
  readonly values?: MonthValues;
  readonly events?: readonly (readonly CellValue[])[];
}

/** The whole set-up: the four data sheets and one indicator sheet per unit. */
export function describeTemplate(options: TemplateOptions): SheetSpec[] {
  const units = options.units ?? DEFAULT_UNITS;
  return [
    describeRulesSheet(options.rules),
    describeUnitsSheet(units),
    describeEventsSheet(options.events),
    describeHolidaysSheet(),
    ...units.map((u) => describeUnitSheet(u, options.year, options.values)),
  ];
}

export { cellAddress };
