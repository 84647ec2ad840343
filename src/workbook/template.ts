// The workbook staff start a year with (spec §3, §8 set-up): 评分规则, 考评单位, 考评事件,
// 节假日调整 and one indicator sheet per unit, described as data for any adapter to write.

import {
  FIELDS,
  FieldId,
  INDICATORS,
  IndicatorId,
  MEASURE_IDS,
  MeasureId,
  SCORING_METHODS,
  indicatorDef,
  CellValue,
  monthKey,
  periodLabel,
  columnLetters,
  DEFAULT_RULES,
  RuleSet,
  fromCents,
  scoreArgumentFields,
  toCents,
  isRateParam,
  ruleFor,
  ruleTableRows,
  scoreIndicator,
  DEFAULT_UNITS,
  Unit,
} from "../engine";
import {
  EVENT_HEADERS,
  FUNCTION_NAMESPACE,
  HOLIDAY_HEADERS,
  RESULT_SHEET_SUFFIX,
  SHEETS,
  UNIT_HEADERS,
  headerCell as header,
  textCell as text,
} from "./layout";
import { monthResultColumn } from "./result-sheets";
import { CellSpec, SheetSpec } from "./sheet-spec";

const HEADER_ROW = 3;

/** Values for a unit-month, to fill the template (sample data, imported returns). */
export type MonthValues = (unit: Unit, month: string) => Partial<Record<MeasureId, CellValue>> | undefined;

/** Where the template's rule table sits, for the score formulas. */
const RULES_RANGE = `'${SHEETS.rules}'!$A$1:$H$40`;

/** Column letter of each field in a unit sheet (FIELDS order from column A). */
const FIELD_COLUMN = new Map(FIELDS.map((f, i) => [f.id, columnLetters(i + 1)]));
const col = (id: FieldId) => FIELD_COLUMN.get(id)!;

/**
 * The KP.SCORE value and third argument of an indicator but A1, from the row's own cells (spec §7):
 * the value cells as one range (C1's 按时 and 逾期 are neighbours), then the denominator's cell or nothing.
 */
function scoreArgs(id: IndicatorId, r: number): string {
  const { value, denominator } = scoreArgumentFields(id);
  const first = `${col(value[0])}${r}`;
  const range = value.length > 1 ? `${first}:${col(value[value.length - 1])}${r}` : first;
  return `${range},${denominator ? `${col(denominator)}${r}` : ""}`;
}

/** The provisional score of a filled row, as KP.SCORE gives it, cached in the file for readers without the add-in. */
function cachedScore(rules: RuleSet, id: IndicatorId, values: Partial<Record<MeasureId, CellValue>> | undefined): number | null {
  if (!values || MEASURE_IDS.some((f) => typeof values[f] !== "number")) return null;
  const score = scoreIndicator(ruleFor(rules, id), values as Record<MeasureId, number>, null);
  return score.cents === null ? null : fromCents(score.cents);
}

/**
 * One unit's indicator sheet: a row per month of the year, a column per field of spec §3, and score
 * columns computed with the KP functions from the row's own inputs, so a centre sees its provisional
 * points while it fills in the month. A1 depends on the other units: it shows the ranked value once
 * the month's result sheet exists.
 */
export function describeUnitSheet(unit: Unit, year: number, values?: MonthValues, rules: RuleSet = DEFAULT_RULES): SheetSpec {
  const rows: (CellSpec | null)[][] = [];
  const inputs = FIELDS.length;
  const scored = INDICATORS.map((i) => i.id as IndicatorId);
  const width = inputs + scored.length + 1;
  const firstInput = col("ordersTotal");
  const lastInput = columnLetters(inputs);
  const scoreColumn = (i: number) => columnLetters(inputs + 1 + i);
  rows.push([text(`${unit.name} 12328 电话运行月度指标（${year}年）`, { bold: true, fontSize: 13 }), ...Array(width - 1).fill(null)]);
  rows.push([
    text(
      "每月填写一行；数量填整数，平均等待时长填秒数。右侧得分列由 KP 函数按“评分规则”表即时计算（暂估）；A1 工单数量需与同类单位比较，月度排名后显示。",
      { fontColor: "#595959" },
    ),
    ...Array(width - 1).fill(null),
  ]);
  rows.push([...FIELDS.map((f) => header(f.label)), ...scored.map((id) => header(`${id} 得分`)), header("暂估基本分")]);
  for (let m = 1; m <= 12; m++) {
    const key = monthKey(year, m);
    const r = HEADER_ROW + m;
    const filled = values?.(unit, key);
    const blankGuard = (formula: string) => `=IF(COUNTA($${firstInput}${r}:$${lastInput}${r})=0,"",${formula})`;
    const resultSheet = `${periodLabel({ kind: "month", year, month: m })} ${RESULT_SHEET_SUFFIX}`;
    const a1 = monthResultColumn(`A1 ${indicatorDef("A1").label} 得分`);
    const unitName = unit.name.replace(/"/g, '""');
    const column = (letter: string) => `INDIRECT("'${resultSheet}'!${letter}:${letter}")`;
    const a1Formula = `=IFERROR(INDEX(${column(a1)},MATCH("${unitName}",${column("B")},0)),"")`;
    const cached = scored.map((id) => (id === "A1" ? null : cachedScore(rules, id, filled)));
    rows.push([
      ...FIELDS.map((f): CellSpec => {
        if (f.id === "month") return text(key, { align: "center" });
        const v = filled?.[f.id as MeasureId];
        return {
          value: v === undefined || v instanceof Date || (typeof v === "object" && v !== null) ? null : v,
          numberFormat: f.kind === "seconds" ? "0.0" : "0",
        };
      }),
      ...scored.map((id, i): CellSpec => ({
        value: cached[i],
        numberFormat: "0.00",
        fill: SCORE_FILL,
        formula: id === "A1" ? a1Formula : blankGuard(`${FUNCTION_NAMESPACE}.SCORE("${id}",${scoreArgs(id, r)},${RULES_RANGE})`),
      })),
      {
        value:
          cached.every((c, i) => c !== null || scored[i] === "A1") && filled
            ? fromCents(cached.reduce<number>((sum, c) => sum + toCents(c ?? 0), 0))
            : null,
        numberFormat: "0.00",
        fill: SCORE_FILL,
        bold: true,
        formula: blankGuard(`SUM(${scoreColumn(0)}${r}:${scoreColumn(scored.length - 1)}${r})`),
      },
    ]);
  }
  const counts = FIELDS.map((f, i) => ({ f, c: columnLetters(i + 1) })).filter((x) => x.f.kind !== "month");
  return {
    name: unit.name,
    role: "unitInput",
    rows,
    columnWidths: [
      ...FIELDS.map((f) => (f.kind === "month" ? 10 : Math.max(9, Math.ceil(f.label.length * 1.9)))),
      ...scored.map(() => 8),
      10,
    ],
    freeze: { rows: HEADER_ROW, columns: 1 },
    merges: [`A1:${columnLetters(width)}1`, `A2:${columnLetters(width)}2`],
    headerRow: HEADER_ROW,
    rowHeights: { [HEADER_ROW]: 45 },
    validations: counts.map(({ f, c }) => ({
      range: `${c}${HEADER_ROW + 1}:${c}${HEADER_ROW + 12}`,
      kind: f.kind === "seconds" ? ("decimal" as const) : ("wholeNumber" as const),
      min: 0,
      title: f.label,
      message: f.kind === "seconds" ? "请填写不小于 0 的秒数" : "请填写不小于 0 的整数",
    })),
  };
}

/** Score cells are computed, not typed: a pale fill tells them apart from the inputs. */
const SCORE_FILL = "#EDEDED";

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
  return { name: SHEETS.rules, role: "rules", rows, columnWidths: [10, 24, 14, 7, 9, 9, 10, 60], freeze: { rows: 1 }, headerRow: 1 };
}

export function describeUnitsSheet(units: readonly Unit[] = DEFAULT_UNITS): SheetSpec {
  const h = Object.values(UNIT_HEADERS);
  return {
    name: SHEETS.units,
    role: "units",
    rows: [
      h.map(header),
      ...units.map((u) => [
        text(u.code),
        text(u.name),
        text(u.unitClass),
        u.activeFrom ? text(u.activeFrom) : null,
        u.activeTo ? text(u.activeTo) : null,
      ]),
    ],
    columnWidths: [10, 14, 10, 10, 10],
    freeze: { rows: 1 },
    headerRow: 1,
  };
}

export function describeEventsSheet(rows: readonly (readonly CellValue[])[] = []): SheetSpec {
  return {
    name: SHEETS.events,
    role: "events",
    rows: [
      Object.values(EVENT_HEADERS).map(header),
      ...rows.map((r) =>
        r.map((v, c) => (v === null ? null : c === 0 ? text(String(v)) : typeof v === "number" ? { value: v } : text(String(v)))),
      ),
    ],
    columnWidths: [12, 12, 10, 14, 8, 7, 40],
    freeze: { rows: 1 },
    headerRow: 1,
  };
}

export function describeHolidaysSheet(): SheetSpec {
  return {
    name: SHEETS.holidays,
    role: "holidays",
    rows: [Object.values(HOLIDAY_HEADERS).map(header)],
    columnWidths: [12, 10, 30],
    freeze: { rows: 1 },
    headerRow: 1,
  };
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
    ...units.map((u) => describeUnitSheet(u, options.year, options.values, options.rules)),
  ];
}
