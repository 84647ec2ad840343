// The workbook staff start a year with (spec §3, §8 set-up): 评分规则, 考评单位, 考评事件,
// 节假日调整 and one indicator sheet per unit, described as data for any adapter to write. Two
// flavours: the province's own workbook, whose indicator sheets score each month with the KAOPING
// functions of the add-in, and the centres' one, plain input cells with validation that any spreadsheet
// program fills without the add-in (and, per unit, one file for each centre).

import {
  CellValue,
  DEFAULT_RULES,
  DEFAULT_UNITS,
  EVENT_LEVELS,
  EVENT_SCOPES,
  EVENT_TYPES,
  FIELDS,
  FieldId,
  HOLIDAY_KINDS,
  INDICATORS,
  IndicatorId,
  MEASURE_IDS,
  MeasureId,
  RULE_ROW_WIDTH,
  RuleSet,
  SCORING_METHODS,
  Unit,
  columnLetters,
  fromCents,
  isActive,
  isRateParam,
  median,
  monthKey,
  ruleFor,
  ruleTableRows,
  scoreArgumentFields,
  scoreIndicator,
  toCents,
} from "../engine";
import {
  EVENT_HEADERS,
  EXAMPLE_MARK,
  FILLS,
  FUNCTION_NAMESPACE,
  HOLIDAY_HEADERS,
  SHEETS,
  UNIT_HEADERS,
  headerCell,
  textCell as text,
} from "./layout";
import {
  BODY_FONT,
  columnsOnFirstPage,
  indicatorPrint,
  linesHeight,
  listPrint,
  printFooter,
  wrappedLines,
  wrappedRowHeight,
} from "./print-style";
import { CellSpec, ListValidation, SheetSpec, Validation, quotedSheetName } from "./sheet-spec";

const HEADER_ROW = 3;

/** A header cell, with a note (the field's definition) where one is given. */
const header = (value: string, note?: string): CellSpec => (note ? { ...headerCell(value), note } : headerCell(value));
/** An empty cell to be typed into, marked with the input fill. */
const inputCell = (extra: Partial<CellSpec> = {}): CellSpec => ({ value: null, fill: FILLS.input.color, ...extra });

/** Values for a unit-month, to fill the template (sample data, imported returns). */
export type MonthValues = (unit: Unit, month: string) => Partial<Record<MeasureId, CellValue>> | undefined;

/**
 * Which template: the province's own workbook, scored with the add-in's KAOPING functions, or the one the
 * centres fill, with no function a spreadsheet program without the add-in cannot evaluate.
 */
export type TemplateFlavour = "province" | "centres";

/** Column letter of each field in a unit sheet (FIELDS order from column A). */
const FIELD_COLUMN = new Map(FIELDS.map((f, i) => [f.id, columnLetters(i + 1)]));
const col = (id: FieldId) => FIELD_COLUMN.get(id)!;

/** A sheet name as a formula writes it before a cell or range. */
const sheetRef = (name: string) => `${quotedSheetName(name)}!`;

/**
 * One indicator's rule row in the 评分规则 sheet as describeRulesSheet writes it: 指标 … 说明 (B:H), the
 * cells KAOPING.SCORE reads for that indicator (readIndicatorRuleRow), e.g. '评分规则'!$B$3:$H$3 for A2.
 */
export function ruleRowRange(rules: RuleSet, id: IndicatorId): string {
  const row = ruleTableRows(rules).findIndex((r) => r[0] === id) + 1;
  return `${sheetRef(SHEETS.rules)}$B$${row}:$${columnLetters(1 + RULE_ROW_WIDTH)}$${row}`;
}

/** The cells a formula reads, as COUNTBLANK arguments: one range where the columns are neighbours. */
function countBlank(fields: readonly MeasureId[], r: number): string {
  const columns = fields.map((f) => FIELDS.findIndex((x) => x.id === f) + 1).sort((a, b) => a - b);
  const contiguous = columns.every((c, i) => i === 0 || c === columns[i - 1] + 1);
  const range = (from: number, to: number) =>
    from === to ? `${columnLetters(from)}${r}` : `${columnLetters(from)}${r}:${columnLetters(to)}${r}`;
  return contiguous
    ? `COUNTBLANK(${range(columns[0], columns[columns.length - 1])})`
    : columns.map((c) => `COUNTBLANK(${range(c, c)})`).join("+");
}

/**
 * The KAOPING.SCORE value and third argument of an indicator, from the row's own cells (spec §7): the value
 * cells as one range (C1's 按时 and 逾期 are neighbours), then the denominator's cell — for A1 the median of
 * the class's 工单总量 that month, over the same cell of each sheet of the class (plain references).
 */
function scoreArgs(id: IndicatorId, r: number, classCells: readonly string[]): string {
  const { value, denominator } = scoreArgumentFields(id);
  const first = `${col(value[0])}${r}`;
  const range = value.length > 1 ? `${first}:${col(value[value.length - 1])}${r}` : first;
  if (denominator) return `${range},${col(denominator)}${r}`;
  return id === "A1" ? `${range},MEDIAN(${classCells.join(",")})` : `${range},`;
}

/** The provisional score of a filled row, as KAOPING.SCORE gives it, cached in the file for readers without the add-in. */
function cachedScore(
  rules: RuleSet,
  id: IndicatorId,
  values: Partial<Record<MeasureId, CellValue>> | undefined,
  classOrders: readonly number[],
): number | null {
  if (!values || MEASURE_IDS.some((f) => typeof values[f] !== "number")) return null;
  const score = scoreIndicator(ruleFor(rules, id), values as Record<MeasureId, number>, id === "A1" ? median(classOrders) : null);
  return score.cents === null ? null : fromCents(score.cents);
}

export interface UnitSheetOptions {
  /**
   * The units with an indicator sheet in the same workbook: A1 compares with the median 工单总量 of those of
   * the unit's class active that month. Default: the unit alone.
   */
  readonly peers?: readonly Unit[];
  readonly flavour?: TemplateFlavour;
}

/** An input column's width in characters: the longest label (10 characters) wraps over four lines of the header. */
const INPUT_WIDTH = 8;

const INSTRUCTION: Record<TemplateFlavour, string> = {
  province:
    "每月填写一行（浅绿色单元格）；数量填整数，平均等待时长填秒数。右侧灰色得分列由 KAOPING 函数按“评分规则”表即时计算（暂估）；" +
    "A1 工单数量与同类单位当月工单总量的中位数比较，其他单位未填时会变化。各项含义见表头批注。",
  centres:
    "每月填写一行（浅绿色单元格）；数量填不小于 0 的整数，平均等待时长填秒数（可带一位小数）。各项含义见表头批注和“填报说明”表；" +
    "得分由省中心统一计算。填好后保存为 .xlsx 文件发回省中心。",
};

/** The inputs' validations of a unit sheet: counts whole numbers ≥ 0, seconds ≥ 0. */
function inputValidations(): Validation[] {
  return FIELDS.map((f, i) => ({ f, c: columnLetters(i + 1) }))
    .filter((x) => x.f.kind !== "month")
    .map(({ f, c }) => ({
      range: `${c}${HEADER_ROW + 1}:${c}${HEADER_ROW + 12}`,
      kind: f.kind === "seconds" ? ("decimal" as const) : ("wholeNumber" as const),
      min: 0,
      title: f.label,
      message: f.kind === "seconds" ? "请填写不小于 0 的秒数" : "请填写不小于 0 的整数",
    }));
}

/** A unit sheet's input cells of one month: the month as text, the fields marked for typing. */
function inputCells(key: string, filled: Partial<Record<MeasureId, CellValue>> | undefined): CellSpec[] {
  return FIELDS.map((f): CellSpec => {
    if (f.id === "month") return text(key, { align: "center" });
    const v = filled?.[f.id as MeasureId];
    const value = v === undefined || v instanceof Date || (typeof v === "object" && v !== null) ? null : v;
    return inputCell({ value, numberFormat: f.kind === "seconds" ? "0.0" : "0" });
  });
}

/**
 * The score cells of one month (province flavour): KAOPING.SCORE per indicator with its own rule row, then
 * the provisional base. Each call is guarded: blank while the row is empty, #N/A while a cell it reads is
 * blank (the function never sees a blank, which hosts send differently: docs/functions.md).
 */
function scoreCells(
  unit: Unit,
  m: number,
  year: number,
  rules: RuleSet,
  peers: readonly Unit[],
  values: MonthValues | undefined,
): CellSpec[] {
  const r = HEADER_ROW + m;
  const key = monthKey(year, m);
  const filled = values?.(unit, key);
  const inputs = FIELDS.length;
  const rowRange = `$${col("ordersTotal")}${r}:$${columnLetters(inputs)}${r}`;
  const orders = `${col("ordersTotal")}${r}`;
  const klass = peers.filter((p) => p.unitClass === unit.unitClass && isActive(p, key));
  const classCells = klass.map((p) => (p.name === unit.name ? orders : `${sheetRef(p.name)}${orders}`));
  const classOrders = klass.flatMap((p) => {
    const v = (p.name === unit.name ? filled : values?.(p, key))?.ordersTotal;
    return typeof v === "number" ? [v] : [];
  });
  const ids = INDICATORS.map((i) => i.id as IndicatorId);
  const cached = ids.map((id) => cachedScore(rules, id, filled, classOrders));
  const scores = ids.map((id, i): CellSpec => ({
    value: cached[i],
    numberFormat: "0.00",
    fill: FILLS.computed.color,
    formula:
      `=IF(COUNTA(${rowRange})=0,"",IF(${countBlank(INDICATORS[i].fields, r)}>0,NA(),` +
      `${FUNCTION_NAMESPACE}.SCORE("${id}",${scoreArgs(id, r, classCells)},${ruleRowRange(rules, id)})))`,
  }));
  const base = cached.every((c) => c !== null) ? fromCents(cached.reduce<number>((sum, c) => sum + toCents(c!), 0)) : null;
  const first = columnLetters(inputs + 1);
  const last = columnLetters(inputs + ids.length);
  const total: CellSpec = {
    value: base,
    numberFormat: "0.00",
    fill: FILLS.computed.color,
    bold: true,
    formula: `=IF(COUNTA(${rowRange})=0,"",SUM(${first}${r}:${last}${r}))`,
  };
  return [...scores, total];
}

/**
 * One unit's indicator sheet: a row per month of the year, a column per field of spec §3 (input cells
 * marked, each header carrying the field's definition as a note). The province's flavour adds score
 * columns computed with the KAOPING functions from the row's own inputs and the class's 工单总量, so the
 * province sees the provisional points while the month comes in; the centres' flavour has no formula.
 */
export function describeUnitSheet(
  unit: Unit,
  year: number,
  values?: MonthValues,
  rules: RuleSet = DEFAULT_RULES,
  options: UnitSheetOptions = {},
): SheetSpec {
  const flavour = options.flavour ?? "province";
  const peers = options.peers ?? [unit];
  const scored = flavour === "province" ? INDICATORS.map((i) => i.id) : [];
  const inputs = FIELDS.length;
  const width = inputs + (scored.length ? scored.length + 1 : 0);
  const columnWidths = [
    // Narrow input columns, their labels wrapped over up to four lines of the header: fewer pages wide on paper.
    ...FIELDS.map((f) => (f.kind === "month" ? 9 : INPUT_WIDTH)),
    ...scored.map(() => 8),
    ...(scored.length ? [10] : []),
  ];
  const print = indicatorPrint(HEADER_ROW, columnWidths);
  // Printed more than one page wide, 月份 repeats on the later pages: title and instruction start after it,
  // where a clipped piece of them would otherwise show, and span the first page's columns only.
  const offset = print.printTitleColumns ? 1 : 0;
  const spanned = columnsOnFirstPage(columnWidths);
  const spannedWidth = columnWidths.slice(offset, spanned).reduce((a, b) => a + b, 0);
  const rows: (CellSpec | null)[][] = [];
  const pad = (cells: (CellSpec | null)[]) => [
    ...Array<null>(offset).fill(null),
    ...cells,
    ...Array(width - offset - cells.length).fill(null),
  ];
  rows.push(pad([text(`${unit.name} 12328 电话运行月度指标（${year}年）`, { bold: true, fontSize: 13 })]));
  rows.push(pad([text(INSTRUCTION[flavour], { fontColor: "#595959", wrap: true })]));
  rows.push([
    ...FIELDS.map((f) => header(f.label, `${f.label}：${f.definition}`)),
    ...scored.map((id) => header(`${id} 得分`)),
    ...(scored.length ? [header("暂估基本分")] : []),
  ]);
  for (let m = 1; m <= 12; m++) {
    const key = monthKey(year, m);
    const cells = inputCells(key, values?.(unit, key));
    rows.push(scored.length ? [...cells, ...scoreCells(unit, m, year, rules, peers, values)] : cells);
  }
  return {
    name: unit.name,
    role: "unitInput",
    rows,
    columnWidths,
    freeze: { rows: HEADER_ROW, columns: 1 },
    merges: [`${columnLetters(offset + 1)}1:${columnLetters(spanned)}1`, `${columnLetters(offset + 1)}2:${columnLetters(spanned)}2`],
    headerRow: HEADER_ROW,
    rowHeights: {
      2: wrappedRowHeight([{ text: INSTRUCTION[flavour], width: spannedWidth }]) ?? linesHeight(1),
      [HEADER_ROW]: linesHeight(Math.max(...rows[HEADER_ROW - 1].map((c, i) => wrappedLines(String(c?.value ?? ""), columnWidths[i])))),
    },
    print,
    font: BODY_FONT,
    // The month rows as a ruled form on paper.
    borders: [`A${HEADER_ROW}:${columnLetters(width)}${HEADER_ROW + 12}`],
    validations: inputValidations(),
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
  return {
    name: SHEETS.rules,
    role: "rules",
    rows,
    columnWidths: [10, 24, 14, 7, 9, 9, 10, 60],
    freeze: { rows: 1 },
    headerRow: 1,
    print: listPrint(1),
    font: BODY_FONT,
  };
}

export function describeUnitsSheet(units: readonly Unit[] = DEFAULT_UNITS): SheetSpec {
  const h = Object.values(UNIT_HEADERS);
  return {
    name: SHEETS.units,
    role: "units",
    rows: [
      h.map((v) => header(v)),
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
    print: listPrint(1),
    font: BODY_FONT,
  };
}

/** Rows of 考评事件 and 节假日调整 given dropdowns for typing, under the header (the cells themselves stay unwritten). */
export const INPUT_ROWS = 200;

/** The column letter of a header of a data sheet (its keys in order from column A). */
function headerColumn<T extends object>(headers: T, key: keyof T): string {
  return columnLetters(Object.keys(headers).indexOf(key as string) + 1);
}

/** A dropdown over a column's input rows of a data sheet (rows 2 … INPUT_ROWS + 1). */
function dropdown<T extends object>(
  headers: T,
  key: keyof T,
  list: Pick<ListValidation, "values" | "source">,
  message: string,
): ListValidation {
  const c = headerColumn(headers, key);
  return { range: `${c}2:${c}${INPUT_ROWS + 1}`, kind: "list", ...list, title: String(headers[key]), message };
}

const words = (items: readonly { readonly label: string }[]) => items.map((i) => i.label);

/** The dropdowns of 考评事件: 单位 from the 考评单位 sheet's names, 类型 / 级别 / 计入 from the catalogue. */
function eventValidations(units: readonly Unit[]): ListValidation[] {
  const names = headerColumn(UNIT_HEADERS, "name");
  return [
    dropdown(
      EVENT_HEADERS,
      "unit",
      { source: `${sheetRef(SHEETS.units)}$${names}$2:$${names}$${units.length + 1}` },
      "请从考评单位名单中选择",
    ),
    dropdown(EVENT_HEADERS, "type", { values: words(EVENT_TYPES) }, `请选择：${words(EVENT_TYPES).join("、")}`),
    dropdown(EVENT_HEADERS, "level", { values: words(EVENT_LEVELS) }, `请选择：${words(EVENT_LEVELS).join("、")}（弄虚作假不填）`),
    dropdown(EVENT_HEADERS, "scope", { values: words(EVENT_SCOPES) }, `请选择：${words(EVENT_SCOPES).join("、")}（留空按月度）`),
  ];
}

/** The example row of 考评事件: its 日期 starts with EXAMPLE_MARK, so the reader passes it over. */
function exampleEvent(year: number, unit: Unit | undefined): (CellSpec | null)[] {
  const grey = { fontColor: "#7F7F7F", fill: FILLS.input.color };
  const values: Record<keyof typeof EVENT_HEADERS, string | null> = {
    date: `${EXAMPLE_MARK} ${year}-03-15`,
    unit: unit?.name ?? null,
    type: EVENT_TYPES[0].label,
    level: EVENT_LEVELS[1].label,
    scope: EVENT_SCOPES[0].label,
    points: null,
    description: `${EXAMPLE_MARK}：日期以“${EXAMPLE_MARK}”开头的行不计入，可删除或改写为实际事件`,
  };
  return Object.values(values).map((v, c) =>
    c === 0
      ? text(v!, { ...grey, note: `本行为${EXAMPLE_MARK}，读取时忽略。实际事件的日期请写成 ${year}-03-15 这样的日期。` })
      : v === null
        ? inputCell()
        : text(v, grey),
  );
}

export interface EventsSheetOptions {
  /** The units of the workbook, for the 单位 dropdown (from the 考评单位 sheet). */
  readonly units?: readonly Unit[];
  /** With an example row (marked 示例, ignored when read) of that year. */
  readonly exampleYear?: number;
}

export function describeEventsSheet(rows: readonly (readonly CellValue[])[] = [], options: EventsSheetOptions = {}): SheetSpec {
  const units = options.units ?? DEFAULT_UNITS;
  const body: (CellSpec | null)[][] = rows.map((r) =>
    r.map((v, c) => (v === null ? null : c === 0 ? text(String(v)) : typeof v === "number" ? { value: v } : text(String(v)))),
  );
  if (options.exampleYear !== undefined) body.push(exampleEvent(options.exampleYear, units[0]));
  return {
    name: SHEETS.events,
    role: "events",
    rows: [Object.values(EVENT_HEADERS).map((v) => header(v)), ...body],
    columnWidths: [16, 12, 10, 10, 8, 7, 40],
    freeze: { rows: 1 },
    headerRow: 1,
    print: listPrint(1),
    font: BODY_FONT,
    validations: eventValidations(units),
  };
}

export function describeHolidaysSheet(): SheetSpec {
  const kinds = [HOLIDAY_KINDS.workday[0], HOLIDAY_KINDS.dayOff[0]];
  return {
    name: SHEETS.holidays,
    role: "holidays",
    rows: [Object.values(HOLIDAY_HEADERS).map((v) => header(v))],
    columnWidths: [12, 10, 30],
    freeze: { rows: 1 },
    headerRow: 1,
    print: listPrint(1),
    font: BODY_FONT,
    validations: [dropdown(HOLIDAY_HEADERS, "kind", { values: kinds }, `请选择：${kinds.join("、")}`)],
  };
}

export interface TemplateOptions {
  readonly year: number;
  readonly units?: readonly Unit[];
  readonly rules?: RuleSet;
  readonly values?: MonthValues;
  /** 考评事件 rows; without them the centres' flavour carries one example row. */
  readonly events?: readonly (readonly CellValue[])[];
  /** Default: the province's workbook, scored with the KAOPING functions. */
  readonly flavour?: TemplateFlavour;
}

/** The whole set-up: the four data sheets and one indicator sheet per unit (the centres' flavour opens with 填报说明). */
export function describeTemplate(options: TemplateOptions): SheetSpec[] {
  const units = options.units ?? DEFAULT_UNITS;
  const flavour = options.flavour ?? "province";
  const events = options.events ?? [];
  return [
    ...(flavour === "centres" ? [describeInstructionsSheet(options.year, "workbook")] : []),
    describeRulesSheet(options.rules),
    describeUnitsSheet(units),
    describeEventsSheet(events, { units, exampleYear: flavour === "centres" && !events.length ? options.year : undefined }),
    describeHolidaysSheet(),
    ...units.map((u) => describeUnitSheet(u, options.year, options.values, options.rules, { peers: units, flavour })),
  ];
}

/**
 * One centre's file (`kp12328 template --per-unit DIR`): 填报说明, the unit's row of 考评单位 and its indicator
 * sheet in the centres' flavour — what the pane's import takes back (import-plan.ts).
 */
export function describeUnitFile(unit: Unit, year: number, values?: MonthValues): SheetSpec[] {
  return [
    describeInstructionsSheet(year, "unit"),
    describeUnitsSheet([unit]),
    describeUnitSheet(unit, year, values, DEFAULT_RULES, { flavour: "centres" }),
  ];
}

/** A centre's file name: the unit's name and the year ("郑州市-2027年指标.xlsx"); characters a file system refuses become "_". */
export function unitFileName(unit: Unit, year: number): string {
  return `${unit.name.replace(/[\\/:*?"<>|]/g, "_")}-${year}年指标.xlsx`;
}

/** The 填报说明 sheet's column width in characters: the text wraps within it and prints on A4 portrait. */
const INSTRUCTION_WIDTH = 72;

/** The 填报说明 sheet: what to fill and how, each field's definition; one wrapped column that prints whole. */
export function describeInstructionsSheet(year: number, scope: "workbook" | "unit"): SheetSpec {
  const lines: [string, Partial<CellSpec>][] = [
    [`${year}年 12328 电话系统运行服务质量考评 填报说明`, { bold: true, fontSize: 14 }],
    [
      scope === "unit"
        ? "一、本文件供一个考评单位填报，指标表（以单位名称命名）每月一行。请勿修改表名、表头和月份列。"
        : "一、每个考评单位一张指标表（以单位名称命名），每月一行。请勿修改表名、表头和月份列。",
      {},
    ],
    [`二、${FILLS.input.label}。数量填不小于 0 的整数；平均等待时长填秒数，可带一位小数；某项当月没有发生填 0，不要留空。`, {}],
    ["三、部分数量是另一数量的一部分（如人工接听量不大于人工排队量），填写不符时省中心的数据校验会指出单元格。", {}],
    ["四、各项含义（依据《河南省12328交通运输服务监督电话系统运行服务质量考评办法（暂行）》，也见各表头的批注）：", { bold: true }],
    ...FIELDS.filter((f) => f.kind !== "month").map((f): [string, Partial<CellSpec>] => [`${f.label}：${f.definition}`, {}]),
  ];
  if (scope === "workbook") {
    lines.push([
      `五、“${SHEETS.events}”表由省中心填写荣誉奖励、批评曝光和弄虚作假：单位、类型、级别、计入从下拉列表选择；` +
        `第 2 行为${EXAMPLE_MARK}，日期以“${EXAMPLE_MARK}”开头的行不计入。“${SHEETS.holidays}”表只在国务院节假日安排之外另有调整时填写。`,
      {},
    ]);
  }
  lines.push(["填好后保存为 .xlsx 文件，按原文件名发回省中心；省中心用“导入”合并各单位的数据。", { bold: true }]);
  return {
    name: SHEETS.instructions,
    role: "instructions",
    rows: lines.map(([value, extra]) => [text(value, { wrap: true, ...extra })]),
    columnWidths: [INSTRUCTION_WIDTH],
    print: { orientation: "portrait", fitToWidth: 1, fitToHeight: 0, footer: printFooter() },
    font: BODY_FONT,
    rowHeights: Object.fromEntries(
      lines.map(([text, extra], i) => [
        i + 1,
        wrappedRowHeight([{ text, width: INSTRUCTION_WIDTH, size: extra.fontSize }]) ?? linesHeight(1),
      ]),
    ),
  };
}
