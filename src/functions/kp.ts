// The custom functions' logic (spec §7), as thin wrappers over the engine so that a cell and the
// ranking sheet can never disagree. Pure and synchronous: no Excel API, no CustomFunctions global —
// failures are KpError values that functions.ts turns into Excel errors.
//
// Arguments arrive as Excel hands them to a custom function (docs/functions.md says what each host
// sends): scalars, or 2-D arrays for ranges; omitted optional arguments as null or undefined; an
// empty cell as null or "" on Excel on the web and current desktop builds, but as 0 on older desktop
// builds (OfficeDev/office-js #4702, #5262, #1951), which no requirement set tells apart. So wherever
// a 0 has no meaning of its own, a 0 is read as the empty cell it may be; where a 0 is a real number
// (a count, a median, a total), docs/functions.md names the argument and the formula guard for it.
// Error values (allowErrorForDataTypeAny) arrive as objects; every other object is refused.

import {
  cellErrorText,
  CellGrid,
  CellValue,
  checkMeasure,
  checkParts,
  checkRow,
  Contender,
  decimalOf,
  DEFAULT_RULES,
  displayText,
  EXCEL_ERRORS,
  fieldDef,
  fromCents,
  HOLIDAY_KIND_HINT,
  HolidayOverride,
  IndicatorDef,
  IndicatorId,
  INDICATORS,
  isBlank,
  isoToExcelSerial,
  MEASURE_IDS,
  MeasureId,
  MeasureIssue,
  measureKind,
  measureMessage,
  methodOf,
  methodsFor,
  normalizeLabel,
  problemDoes,
  PUBLICITY_WORKING_DAYS,
  publicityEnd,
  rank,
  Ratio,
  readDate,
  readHolidayKind,
  readNumber,
  readIndicatorRuleRow,
  readRuleTable,
  ruleRowNumberColumns,
  RULE_ROW_WIDTH,
  ruleFor,
  RuleSet,
  scoreArgumentFields,
  TIE_BREAK_INDICATOR,
  indicatorScorer,
  IndicatorScorer,
  monthScorer,
  MonthScorer,
  toCents,
  zeroDenominatorNote,
} from "../engine";
import { fieldForHeader, NO_VALUE_MARK, SHEETS } from "../workbook";

// ---------------------------------------------------------------------------------------------
// Errors

/** The Excel errors a function returns (names as in CustomFunctions.ErrorCode). */
export type KpErrorCode = "divisionByZero" | "invalidValue" | "notAvailable" | "invalidNumber" | "nullReference";

/** What Excel shows for each code. */
export const ERROR_TEXT: Record<KpErrorCode, string> = {
  divisionByZero: "#DIV/0!",
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
};

/** A failure of a function: an Excel error code and, where Excel can show one, a Chinese message. */
export class KpError extends Error {
  constructor(
    readonly code: KpErrorCode,
    message = "",
  ) {
    super(message);
    this.name = "KpError";
  }
}

const invalid = (message: string) => new KpError("invalidValue", message);
const notAvailable = (message: string) => new KpError("notAvailable", message);

/** An error value given as an argument, passed on as the same Excel error where that is one we may return. */
function passOn(errorText: string, what: string, message = `${what}是错误值 ${errorText}`): KpError {
  switch (errorText) {
    case "#DIV/0!":
      return new KpError("divisionByZero");
    case "#N/A":
      return notAvailable(message);
    case "#NUM!":
      return new KpError("invalidNumber");
    case "#NULL!":
      return new KpError("nullReference");
    default:
      return invalid(message);
  }
}

// ---------------------------------------------------------------------------------------------
// Argument shapes

/** Any value Excel may pass for one argument. */
export type Arg = unknown;

/** What a cell shows for each of Excel's error types (Excel.ErrorCellValueType in @types/office-js). */
const ERROR_TYPE_TEXT: Readonly<Record<string, string>> = {
  Blocked: "#BLOCKED!",
  Busy: "#BUSY!",
  Calc: "#CALC!",
  Connect: "#CONNECT!",
  Div0: "#DIV/0!",
  External: "#EXTERNAL!",
  Field: "#FIELD!",
  GettingData: "#GETTING_DATA",
  NotAvailable: "#N/A",
  Name: "#NAME?",
  Null: "#NULL!",
  Num: "#NUM!",
  Ref: "#REF!",
  Spill: "#SPILL!",
  Value: "#VALUE!",
};

/**
 * The error an object given for a cell stands for, in each shape one may arrive in: the engine's
 * {error}, a CustomFunctions.Error ({code: "#DIV/0!"}), or the data types' error value
 * ({type: "Error", basicValue: "#DIV/0!", errorType: "Div0"}, Excel.ErrorCellValue — Microsoft's
 * "Custom functions and data types": a custom function can accept a data types error object).
 * Undefined for any other object.
 */
export function errorOf(value: object): string | undefined {
  const v = value as { error?: unknown; code?: unknown; type?: unknown; basicValue?: unknown; errorType?: unknown };
  if (typeof v.error === "string") return v.error;
  if (v.type === "Error") {
    if (typeof v.basicValue === "string" && v.basicValue.trim()) return v.basicValue;
    return (typeof v.errorType === "string" && ERROR_TYPE_TEXT[v.errorType]) || "#VALUE!";
  }
  if (typeof v.code === "string" && EXCEL_ERRORS.includes(v.code)) return v.code;
  return undefined;
}

/** What the clerk calls a data type Excel may hand over as an object (Excel.CellValueType). */
const DATA_TYPE_NAMES: Readonly<Record<string, string>> = {
  Entity: "实体",
  LinkedEntity: "链接实体",
  FormattedNumber: "带格式的数字",
  Double: "带格式的数字",
  WebImage: "图片",
  LocalImage: "图片",
  Array: "数组",
};

/**
 * One cell as the engine's CellValue. Error objects become {error}; any other object (an entity, a
 * formatted number, a nested array) is refused, naming the argument and, in a range, the cell: the
 * metadata does not ask Excel for data types (build/functions-metadata.js), so such a value is one
 * the function cannot read, and is never turned into "[object Object]".
 */
export function toCell(value: Arg, what: string, row = -1, column = -1): CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object" && !Array.isArray(value)) {
    const error = errorOf(value);
    if (error !== undefined) return { error };
  }
  const at = row < 0 ? "" : `（区域第 ${row + 1} 行第 ${column + 1} 列）`;
  throw invalid(`${what}${at}${dataTypeName(value)}，本函数只读取单元格中的数字、文字、日期或错误值，请引用普通单元格`);
}

function dataTypeName(value: unknown): string {
  if (Array.isArray(value)) return "是数组";
  const type = typeof value === "object" && value !== null ? (value as { type?: unknown }).type : undefined;
  const name = typeof type === "string" ? DATA_TYPE_NAMES[type] : undefined;
  return name ? `是 Excel 数据类型“${name}”` : "是无法识别的值";
}

/** A range argument as a grid (a scalar is a 1×1 grid); a cell of a larger range is named by its place in it. */
export function gridOf(arg: Arg, what: string): CellValue[][] {
  if (!Array.isArray(arg)) return [[toCell(arg, what)]];
  const single = arg.length === 1 && Array.isArray(arg[0]) && arg[0].length === 1;
  const grid: CellValue[][] = [];
  for (let r = 0; r < arg.length; r++) {
    const row: unknown[] = Array.isArray(arg[r]) ? arg[r] : [arg[r]];
    const cells: CellValue[] = [];
    for (let c = 0; c < row.length; c++) cells.push(single ? toCell(row[c], what) : toCell(row[c], what, r, c));
    grid.push(cells);
  }
  return grid;
}

/** An argument's cells in reading order (a scalar is one cell). */
export function cellsOf(arg: Arg, what: string): CellValue[] {
  return flat(gridOf(arg, what));
}

/** The cells of a grid in reading order (a loop: Array.prototype.flat is slow where KAOPING.RANK runs per cell). */
function flat(grid: readonly (readonly CellValue[])[]): CellValue[] {
  const out: CellValue[] = [];
  for (const row of grid) for (const cell of row) out.push(cell);
  return out;
}

/** A single-cell argument; a 1×1 range counts as a single cell. */
function single(arg: Arg, what: string): CellValue {
  if (!Array.isArray(arg)) return toCell(arg, what);
  const cells = cellsOf(arg, what);
  if (cells.length === 1) return cells[0];
  throw invalid(`${what}应为单个单元格，收到 ${cells.length} 个单元格`);
}

/** Omitted, or a blank cell / all-blank range: an optional argument not given. */
function omitted(arg: Arg): boolean {
  if (!Array.isArray(arg)) return isBlank(arg as CellValue);
  for (const row of arg) {
    if (!Array.isArray(row)) {
      if (!isBlank(row as CellValue)) return false;
    } else for (const v of row) if (!isBlank(v as CellValue)) return false;
  }
  return true;
}

/**
 * Omitted, blank or 0: for an argument where a 0 means nothing (A4's third argument, a rate without the
 * rates range), a 0 is the empty cell older desktop Excel hands over, so every host reads it alike.
 */
function omittedOrZero(arg: Arg, what: string): boolean {
  return omitted(arg) || cellsOf(arg, what).every((c) => isBlank(c) || c === 0);
}

/** A 0 where a cell can only hold words or dates: the empty cell older desktop Excel hands over as 0. */
function zeroAsBlank(cell: CellValue): CellValue {
  return cell === 0 ? null : cell;
}

// ---------------------------------------------------------------------------------------------
// Numbers, checked by the engine's own checks of a centre's row (records.ts)

/** "（另有 2 处问题）" after the first of `count` problems. */
function andMore(count: number): string {
  return count > 1 ? `（另有 ${count - 1} 处问题）` : "";
}

/** A measure's issue as the Excel error a function returns: a blank #N/A, an error value passed on, else #VALUE!. */
function measureError(label: string, issue: MeasureIssue): KpError {
  if (issue.code === "value.blank") return notAvailable(measureMessage(label, issue));
  if (issue.errorText) return passOn(issue.errorText, label, measureMessage(label, issue));
  return invalid(measureMessage(label, issue));
}

/** A count argument that is not a field (分子, 分母). */
function readCount(cell: CellValue, label: string): number {
  const checked = checkMeasure(cell, "count");
  if (typeof checked !== "number") throw measureError(label, checked);
  return checked;
}

/** A field's value as the engine accepts it in a centre's row. */
function readField(cell: CellValue, field: MeasureId): number {
  const checked = checkMeasure(cell, measureKind(field));
  if (typeof checked !== "number") throw measureError(fieldDef(field).label, checked);
  return checked;
}

// ---------------------------------------------------------------------------------------------
// Rules: the 评分规则 table, validated by the engine's readRuleTable and cached by content

/** Where messages about a rules range point: the range's own cells, counted from its top-left cell. */
export const RULES_RANGE_SHEET = "评分规则区域";

/**
 * Recently read rules ranges and what they gave. Excel hands every call its own arrays, so a range is
 * recognised by content: cell by cell against a snapshot (no key strings built), most recent first.
 * A sheet normally uses one 评分规则 range, so 10,000 KP.SCORE calls read and check it once.
 */
interface CachedRules {
  readonly cells: readonly (readonly unknown[])[];
  readonly entry: ScoringRules | KpError;
}

/** A rule set with the engine's scorers for it, made once per table. */
interface ScoringRules {
  readonly rules: RuleSet;
  readonly scoreMonth: MonthScorer;
  readonly scorers: ReadonlyMap<IndicatorId, IndicatorScorer>;
}

function prepare(rules: RuleSet): ScoringRules {
  return { rules, scoreMonth: monthScorer(rules), scorers: new Map(rules.indicators.map((r) => [r.id, indicatorScorer(r)])) };
}

const DEFAULT_SCORING = prepare(DEFAULT_RULES);
const ruleCache: CachedRules[] = [];
const RULE_CACHE_SIZE = 8;

function sameCell(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
    // A blank given as null, undefined or "" is the same blank.
    return (a === null || a === undefined || a === "") && (b === null || b === undefined || b === "");
  }
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  // Error objects are the same error whatever their shape; any other object is never the same (it is refused when read).
  const x = Array.isArray(a) ? undefined : errorOf(a);
  return x !== undefined && !Array.isArray(b) && x === errorOf(b);
}

function sameRange(snapshot: readonly (readonly unknown[])[], range: readonly unknown[]): boolean {
  if (snapshot.length !== range.length) return false;
  for (let r = 0; r < range.length; r++) {
    const row = range[r];
    const old = snapshot[r];
    if (!Array.isArray(row)) {
      if (old.length !== 1 || !sameCell(old[0], row)) return false;
      continue;
    }
    if (row.length !== old.length) return false;
    for (let c = 0; c < row.length; c++) if (!sameCell(old[c], row[c])) return false;
  }
  return true;
}

/**
 * The table with each 0 in a column of words (编号, 指标, 方法, 分母为零, 说明) read as the empty cell it is:
 * older desktop Excel hands the empty cells of a range as 0 (office-js #5262), and "编号 0" or "分母为零 0"
 * would make the whole table unreadable there. A column holds numbers when any cell other than a 0 reads
 * as one (分值, 参数1, 参数2); its zeros stay numbers. So a table reads the same from every host.
 */
function withWordColumnsUnzeroed(grid: CellValue[][]): CellValue[][] {
  const width = Math.max(0, ...grid.map((row) => row.length));
  const words = Array.from({ length: width }, (_, c) => !grid.some((row) => row[c] !== 0 && readNumber(row[c]).ok));
  if (!grid.some((row) => row.some((cell, c) => cell === 0 && words[c]))) return grid;
  return grid.map((row) => row.map((cell, c) => (words[c] ? zeroAsBlank(cell) : cell)));
}

/** The rules a function scores with: the built-in table when `arg` is omitted or blank, else the range's table. */
export function rulesOf(arg: Arg): ScoringRules {
  if (arg === undefined || arg === null) return DEFAULT_SCORING;
  const range: readonly unknown[] = Array.isArray(arg) ? arg : [[arg]];
  let entry: ScoringRules | KpError | undefined;
  for (let i = 0; i < ruleCache.length; i++) {
    if (sameRange(ruleCache[i].cells, range)) {
      entry = ruleCache[i].entry;
      if (i > 0) ruleCache.unshift(...ruleCache.splice(i, 1));
      break;
    }
  }
  if (entry === undefined) {
    const grid = withWordColumnsUnzeroed(gridOf(arg, "评分规则"));
    if (grid.every((row) => row.every((c) => isBlank(c)))) return DEFAULT_SCORING;
    const reading = readRuleTable(grid as CellGrid, RULES_RANGE_SHEET);
    if (reading.rules) entry = prepare(reading.rules);
    else {
      const errors = reading.problems.filter((p) => p.severity === "error");
      entry = invalid(`评分规则有误：${errors[0]?.message ?? "无法读取"}${andMore(errors.length)}`);
    }
    ruleCache.unshift({ cells: range.map((row) => (Array.isArray(row) ? [...row] : [row])), entry });
    if (ruleCache.length > RULE_CACHE_SIZE) ruleCache.pop();
  }
  if (entry instanceof KpError) throw entry;
  return entry;
}

/** A one-row range as wide as a rule row (指标 … 分母为零 or … 说明, or 编号 … 说明): one indicator's rule, not a whole table. */
function isRuleRow(arg: Arg): arg is unknown[][] {
  if (!Array.isArray(arg) || arg.length !== 1 || !Array.isArray(arg[0])) return false;
  const width = arg[0].length;
  return width >= RULE_ROW_WIDTH - 1 && width <= RULE_ROW_WIDTH + 1;
}

/** Rule rows read so far, by indicator, most recent first; recognised cell by cell as whole tables are (no key strings). */
const rowCache = new Map<IndicatorId, CachedRules[]>();
const ROWS_PER_INDICATOR = 4;

/**
 * The rules for one indicator given as its own row of the 评分规则 table (the template passes
 * '评分规则'!$B$3:$H$3 for A2): read by the engine's readIndicatorRuleRow, the indicator's rule put into
 * the default set (the other indicators are not scored by this call).
 */
function rowRulesOf(arg: unknown[][], id: IndicatorId): ScoringRules {
  const recent = rowCache.get(id) ?? [];
  let entry = recent.find((c) => sameRange(c.cells, arg))?.entry;
  if (entry === undefined) {
    entry = readRuleRow(gridOf(arg, "评分规则")[0], id);
    recent.unshift({ cells: arg.map((row) => [...row]), entry });
    if (recent.length > ROWS_PER_INDICATOR) recent.pop();
    rowCache.set(id, recent);
  }
  if (entry instanceof KpError) throw entry;
  return entry;
}

/** A rule row's cells read: a blank row is the default rules; a 0 outside the number columns is a blank older Excel sent. */
function readRuleRow(cells: readonly CellValue[], id: IndicatorId): ScoringRules | KpError {
  if (cells.every((c) => isBlank(c) || c === 0)) return DEFAULT_SCORING;
  const numbers = new Set(ruleRowNumberColumns(cells.length));
  const reading = readIndicatorRuleRow(
    cells.map((c, i) => (numbers.has(i) ? c : zeroAsBlank(c))),
    id,
    RULES_RANGE_SHEET,
  );
  if (!reading.rule) return invalid(`评分规则有误：${reading.problems[0]?.message ?? "无法读取"}${andMore(reading.problems.length)}`);
  const rule = reading.rule;
  return prepare({ ...DEFAULT_RULES, indicators: DEFAULT_RULES.indicators.map((r) => (r.id === id ? rule : r)) });
}

/** The rules KAOPING.SCORE scores `id` with: a whole 评分规则 table (or none: the default), or the indicator's own rule row. */
function scoreRulesOf(arg: Arg, id: IndicatorId): ScoringRules {
  return isRuleRow(arg) ? rowRulesOf(arg, id) : rulesOf(arg);
}

/** For tests and the benchmark: forget cached rule tables. */
export function clearRuleCache(): void {
  ruleCache.length = 0;
  rowCache.clear();
}

// ---------------------------------------------------------------------------------------------
// Indicators by id or Chinese name

const INDICATOR_KEYS = new Map<string, IndicatorDef>();
for (const def of INDICATORS) {
  INDICATOR_KEYS.set(normalizeLabel(def.id), def);
  INDICATOR_KEYS.set(normalizeLabel(def.label), def);
  // 跨市工单办结率 for 跨市（直管县）工单办结率.
  INDICATOR_KEYS.set(normalizeLabel(def.label).replace(/\([^)]*\)/g, ""), def);
}

/** An indicator named by id (A2, a2, Ａ２) or Chinese name (人工接通率). */
export function findIndicator(arg: Arg): IndicatorDef & { readonly id: IndicatorId } {
  const cell = zeroAsBlank(single(arg, "指标"));
  const text = displayText(cell).trim();
  if (!text) throw invalid("请给出指标编号（如 A2）或名称（如 人工接通率）");
  if (cellErrorText(cell)) throw passOn(cellErrorText(cell)!, "指标");
  const def = INDICATOR_KEYS.get(normalizeLabel(text));
  if (!def) throw invalid(`未知指标“${text}”。可用：${INDICATORS.map((i) => `${i.id} ${i.label}`).join("、")}`);
  return def as IndicatorDef & { readonly id: IndicatorId };
}

// ---------------------------------------------------------------------------------------------
// KP.RATE

/** numerator ÷ denominator for two counts; #DIV/0! for a zero denominator. */
export function kpRate(numerator: Arg, denominator: Arg): number {
  const n = readCount(single(numerator, "分子"), "分子");
  const d = readCount(single(denominator, "分母"), "分母");
  if (d === 0) throw new KpError("divisionByZero");
  if (n > d) throw invalid(`分子 ${n} 大于分母 ${d}，比率不能超过 100%`);
  return n / d;
}

// ---------------------------------------------------------------------------------------------
// KP.SCORE

/** The A1 comparison value: a non-negative number (a median of counts may end in .5). */
function readMedian(arg: Arg): Ratio {
  const cell = single(arg, "同类中位数");
  const reading = readNumber(cell);
  if (!reading.ok) {
    if (reading.reason === "error") throw passOn(reading.text, "同类中位数");
    throw invalid(`同类中位数为“${reading.text}”，不是数字`);
  }
  if (reading.percent || reading.value < 0) throw invalid(`同类中位数为“${displayText(cell)}”，应为不小于 0 的工单数`);
  const d = decimalOf(reading.value);
  return { num: Number(d.num), den: Number(d.den) };
}

const THIRD = "第三个参数";

function noDenominatorError(def: IndicatorDef): KpError {
  return invalid(`${def.id} ${def.label}不使用${THIRD}，请留空`);
}

const MISSING_MEDIAN = "A1 工单数量需要同类单位当月工单总量的中位数（可用 MEDIAN 计算），请在该参数中给出";

/**
 * One indicator's points. The arguments follow the indicator's fields (scoreArgumentFields):
 * - A1: value = 工单总量, third argument = the class median of 工单总量 (required).
 * - A2, A3, B1–B5: value = the rate's numerator count, third argument = its denominator count.
 * - A4: value = 平均等待时长（秒）; third argument left empty (or 0).
 * - C1: value = two cells 按时报送信息数, 逾期报送信息数 (e.g. B2:C2 or {8,2}); third argument = 应报送信息数.
 * - C2: value = 督导一般问题数, third argument = 督导严重问题数; or value = the two cells and the third empty (or 0).
 */
export function kpScore(indicator: Arg, value: Arg, denominator?: Arg, rules?: Arg): number {
  const def = findIndicator(indicator);
  const scoring = scoreRulesOf(rules, def.id);
  const rule = ruleFor(scoring.rules, def.id);
  const method = methodOf(rule.method);
  if (!method.fits.includes(def.id)) {
    const fitting = methodsFor(def.id).map((m) => m.label);
    throw invalid(`评分规则中 ${def.id} ${def.label} 的方法不适用于该指标，可用：${fitting.join("、")}`);
  }
  const values: Partial<Record<MeasureId, number>> = {};
  const valueCells = cellsOf(value, "数值");
  const given = !omitted(denominator);
  // Where the indicator takes no third argument, a 0 there is the empty cell older desktop Excel hands over.
  const noThird = () => omittedOrZero(denominator, THIRD);
  const { value: valueFields, denominator: denominatorField } = scoreArgumentFields(def.id);
  let median: Ratio | null = null;
  // An indicator that is not a rate may also take all its fields as the value (C2: B2:C2).
  if (!def.isRate && denominatorField && valueCells.length === def.fields.length) {
    if (!noThird()) throw noDenominatorError(def);
    def.fields.forEach((f, i) => (values[f] = readField(valueCells[i], f)));
  } else {
    if (valueCells.length !== valueFields.length) throw invalid(valueCountMessage(def, valueFields, valueCells.length));
    valueFields.forEach((f, i) => (values[f] = readField(valueCells[i], f)));
    if (denominatorField) {
      const label = fieldDef(denominatorField).label;
      if (!given) throw notAvailable(`${def.id} ${def.label}需要${label}（${THIRD}）`);
      values[denominatorField] = readField(single(denominator, label), denominatorField);
    } else if (method.usesClassMedian) {
      if (!given) throw notAvailable(MISSING_MEDIAN);
      median = readMedian(denominator);
    } else if (!noThird()) throw noDenominatorError(def);
  }
  const [issue] = checkParts(values);
  if (issue) throw invalid(measureMessage(fieldDef(issue.field).label, issue));
  const score = scoring.scorers.get(def.id)!(values as Record<MeasureId, number>, median);
  if (score.cents === null) throw notAvailable(zeroDenominatorNote(rule));
  return fromCents(score.cents);
}

function valueCountMessage(def: IndicatorDef, fields: readonly MeasureId[], given: number): string {
  if (fields.length === 1) return `${def.id} ${def.label}的数值应为单个单元格，收到 ${given} 个单元格`;
  const labels = fields.map((f) => fieldDef(f).label).join("、");
  return `${def.id} ${def.label}的数值应为${fields.length === 2 ? "两" : fields.length}个单元格：${labels}（如 B2:C2）`;
}

// ---------------------------------------------------------------------------------------------
// KP.TOTAL

/** The field a header names, or undefined for other columns (单位, 备注, …): the workbook reader's own matching. */
export function fieldOfHeader(header: CellValue): MeasureId | "month" | undefined {
  return fieldForHeader(displayText(header)) as MeasureId | "month" | undefined;
}

/** The base score (基本分) of one row of an indicator sheet, checked and scored exactly as the engine does. */
export function kpTotal(headers: Arg, values: Arg, a1Median?: Arg, rules?: Arg): number {
  const headerCells = cellsOf(headers, "表头");
  const valueCells = cellsOf(values, "数值");
  if (headerCells.length !== valueCells.length) {
    throw invalid(`表头有 ${headerCells.length} 个单元格，数值有 ${valueCells.length} 个，两者应一一对应`);
  }
  if (isRuleRow(rules)) throw invalid("KAOPING.TOTAL 需要整张评分规则表（含表头），不能只给一个指标的规则行");
  const scoring = rulesOf(rules);
  const raw: Partial<Record<MeasureId, CellValue>> = {};
  const seen = new Set<string>();
  headerCells.forEach((header, i) => {
    const field = fieldOfHeader(header);
    if (!field || field === "month") return;
    if (seen.has(field)) throw invalid(`表头“${fieldDef(field).label}”出现了两次`);
    seen.add(field);
    raw[field] = valueCells[i];
  });
  const absent = MEASURE_IDS.filter((id) => !seen.has(id));
  if (absent.length) throw invalid(`表头缺少：${absent.map((id) => fieldDef(id).label).join("、")}`);

  if (MEASURE_IDS.every((id) => isBlank(raw[id]))) throw notAvailable("本行未填写数据（缺报）");
  const { values: checked, issues } = checkRow(raw);
  if (!checked) {
    const errors = issues.filter((i) => problemDoes(i, "blocksUnit"));
    const [first] = errors;
    const label = fieldDef(first.field).label;
    const message = `${measureMessage(label, first)}${andMore(errors.length)}`;
    if (errors.every((i) => i.code === "value.blank")) throw notAvailable(message);
    if (first.errorText && errors.length === 1) throw passOn(first.errorText, label, message);
    throw invalid(message);
  }
  const a1Rule = ruleFor(scoring.rules, "A1");
  let median: Ratio | null = null;
  if (!omitted(a1Median)) median = readMedian(a1Median);
  else if (methodOf(a1Rule.method).usesClassMedian) throw notAvailable(MISSING_MEDIAN);
  return fromCents(scoring.scoreMonth(checked, median).baseCents);
}

// ---------------------------------------------------------------------------------------------
// KP.RANK

/** The tie-break's counts in the order the functions take them, as KAOPING.SCORE("A2", 人工接听量, 人工排队量). */
const TIE_FIELDS = scoreArgumentFields(TIE_BREAK_INDICATOR);
const ANSWERED = TIE_FIELDS.value[0];
const QUEUED = TIE_FIELDS.denominator!;
const TIE_COUNTS = `${fieldDef(ANSWERED).label}、${fieldDef(QUEUED).label}`;

const OWN_TIE = "本单位人工接通率";
const ALL_TIES = "人工接通率区域";

/**
 * A unit's 人工接通率 for the tie-break: the exact fraction it is ranked by, and the number a cell shows
 * for it (KAOPING.RATE's n ÷ d), by which the caller's own row is found among equal totals.
 */
interface TieRate {
  readonly exact: Ratio;
  readonly shown: number;
}

/** A connection rate from a cell: a number 0–1 (or percent text); blank, the result sheet's "—" or #DIV/0! = no rate. */
function readRate(cell: CellValue, what: string): TieRate | null {
  if (isBlank(cell) || (typeof cell === "string" && cell.trim() === NO_VALUE_MARK)) return null;
  const error = cellErrorText(cell);
  if (error === "#DIV/0!") return null;
  const reading = readNumber(cell);
  if (!reading.ok) {
    if (reading.reason === "error") throw passOn(reading.text, what);
    throw invalid(`${what}为“${reading.text}”，不是比率`);
  }
  if (reading.value < 0 || reading.value > 1) throw invalid(`${what}为 ${displayText(cell)}，应在 0–100% 之间`);
  return { exact: exactRatio(reading.value), shown: reading.value };
}

/** A count of the tie-break: blank is 0, as Excel's own arithmetic reads it and as older desktop Excel hands it over. */
function readTieCount(cell: CellValue, who: string, field: MeasureId): number {
  if (isBlank(cell)) return 0;
  const checked = checkMeasure(cell, "count");
  if (typeof checked !== "number") throw measureError(`${who}${fieldDef(field).label}`, checked);
  return checked;
}

/**
 * The rate of the counts 人工接听量, 人工排队量, exactly as the ranking sheet takes it: none when nothing
 * queued. No error value is involved, so it needs nothing of allowErrorForDataTypeAny.
 */
function rateOfCounts(answeredCell: CellValue, queuedCell: CellValue, who: string): TieRate | null {
  const answered = readTieCount(answeredCell, who, ANSWERED);
  const queued = readTieCount(queuedCell, who, QUEUED);
  const [issue] = checkParts({ [ANSWERED]: answered, [QUEUED]: queued });
  if (issue) throw invalid(`${who}${measureMessage(fieldDef(issue.field).label, issue)}（两个数量依次为 ${TIE_COUNTS}）`);
  return queued > 0 ? { exact: { num: answered, den: queued }, shown: answered / queued } : null;
}

function sameTie(a: TieRate | null, b: TieRate | null): boolean {
  return a === null || b === null ? a === b : a.shown === b.shown;
}

/**
 * Each unit's tie-break from `tiebreaks`: one 人工接通率 per total, or two counts per total (人工接听量,
 * 人工排队量), side by side (n×2) or one above the other (2×n); a 2×2 range goes along the totals (rows
 * for totals in a column, columns for totals in a row). Read only for the units that are ranked.
 */
function tieBreaksOf(arg: Arg, scores: readonly (readonly CellValue[])[]): (i: number) => TieRate | null {
  const grid = gridOf(arg, ALL_TIES);
  const cells = flat(grid);
  const n = scores.reduce((k, row) => k + row.length, 0);
  if (cells.length === n) return (i) => readRate(cells[i], `第 ${i + 1} 个人工接通率`);
  const who = (i: number) => `第 ${i + 1} 个单位的`;
  const totalsInRow = scores.length === 1 && n > 1;
  if (!totalsInRow && grid.length === n && grid.every((row) => row.length === 2)) {
    return (i) => rateOfCounts(grid[i][0], grid[i][1], who(i));
  }
  if (grid.length === 2 && grid.every((row) => row.length === n)) return (i) => rateOfCounts(grid[0][i], grid[1][i], who(i));
  throw invalid(
    `${ALL_TIES}有 ${cells.length} 个单元格，分数区域有 ${n} 个，两者应一一对应：每个分数一个人工接通率，或两个数量（${TIE_COUNTS}）`,
  );
}

/** The caller's own tie-break: one cell (a rate) or two (人工接听量, 人工排队量). */
function ownTie(arg: Arg): TieRate | null {
  const cells = cellsOf(arg, OWN_TIE);
  if (cells.length === 1) return readRate(cells[0], OWN_TIE);
  if (cells.length === 2) return rateOfCounts(cells[0], cells[1], "本单位");
  throw invalid(`${OWN_TIE}应为一个单元格（接通率）或两个单元格（${TIE_COUNTS}），收到 ${cells.length} 个单元格`);
}

/**
 * A number as the exact fraction it is in binary (m ÷ 2^k). A rate computed in a cell as n ÷ d is the
 * double nearest to n/d; for monthly call counts (below 10^7) distinct fractions give distinct doubles
 * in the same order and equal fractions the same double, so comparing these is comparing n/d exactly.
 */
export function exactRatio(value: number): Ratio {
  let den = 1;
  let num = value;
  while (!Number.isInteger(num) && den < 2 ** 1000) {
    num *= 2;
    den *= 2;
  }
  return { num, den };
}

/** A total as the engine ranks it: whole cents. */
function readTotal(cell: CellValue): number | undefined {
  const reading = readNumber(cell);
  if (!reading.ok || reading.percent) return undefined;
  return toCents(reading.value);
}

/**
 * The rank of `score` among `scores`, by the ranking sheet's own rule (the engine's rank): high to
 * low; equal totals (to the cent) ordered by the 人工接通率 from `tiebreaks`, a unit without one after
 * those with one; still equal → shared rank, the next rank skips (1, 2, 2, 4). Cells of `scores` that
 * hold no number (不合格, 缺报, errors) take no part. `tiebreak` says which of several equal totals is
 * the caller's; where all units of that total share one rank it is not needed. Omitted or blank, it
 * means "no rate".
 */
export function kpRank(score: Arg, scores: Arg, tiebreak?: Arg, tiebreaks?: Arg): number {
  const scoreCell = single(score, "分数");
  if (isBlank(scoreCell)) throw notAvailable("分数未填写");
  if (cellErrorText(scoreCell)) throw passOn(cellErrorText(scoreCell)!, "分数");
  const own = readTotal(scoreCell);
  if (own === undefined) throw invalid(`分数为“${displayText(scoreCell)}”，不是数字`);

  const scoreGrid = gridOf(scores, "分数区域");
  const tiesGiven = !omitted(tiebreaks);
  if (!tiesGiven && !omittedOrZero(tiebreak, OWN_TIE)) {
    throw invalid("给出本单位的人工接通率时，也请给出全部单位的人工接通率区域（第四个参数）");
  }
  const mine = tiesGiven && !omitted(tiebreak) ? ownTie(tiebreak) : null;
  const tieOf = tiesGiven ? tieBreaksOf(tiebreaks, scoreGrid) : () => null;

  const contenders: (Contender & { readonly tie: TieRate | null })[] = [];
  flat(scoreGrid).forEach((cell, i) => {
    const totalCents = readTotal(cell);
    if (totalCents === undefined) return;
    const tie = tieOf(i);
    contenders.push({ key: String(i).padStart(6, "0"), name: String(i + 1), totalCents, connectRate: tie && tie.exact, tie });
  });
  const sameTotal = rank(contenders).filter((p) => p.contender.totalCents === own);
  if (!sameTotal.length) throw notAvailable("分数不在排名区域中");
  if (sameTotal.every((p) => p.rank === sameTotal[0].rank)) return sameTotal[0].rank;
  const found = sameTotal.find((p) => sameTie(p.contender.tie, mine));
  if (!found) throw notAvailable("分数与人工接通率的组合不在排名区域中");
  return found.rank;
}

// ---------------------------------------------------------------------------------------------
// KP.PUBLICITYEND

/**
 * Rows of date | 工作日/休息日, the words of the workbook's 节假日调整 sheet (a header row and blank rows are
 * passed over). Neither column holds a 0 (serial 0 is no date): a 0 is an empty cell as older desktop Excel hands it over.
 */
export function readOverrides(arg: Arg): HolidayOverride[] {
  if (omitted(arg)) return [];
  const out: HolidayOverride[] = [];
  gridOf(arg, SHEETS.holidays).forEach((row, r) => {
    const [dateCell = null, kindCell = null] = row.map(zeroAsBlank);
    if (isBlank(dateCell) && isBlank(kindCell)) return;
    const date = readDate(dateCell);
    if (!date) {
      if (r === 0 && typeof dateCell === "string") return; // a header such as 日期
      throw invalid(`${SHEETS.holidays}第 ${r + 1} 行的日期“${displayText(dateCell)}”无法识别`);
    }
    const workday = readHolidayKind(kindCell);
    if (workday === undefined)
      throw invalid(`${SHEETS.holidays}第 ${r + 1} 行的类型“${displayText(kindCell)}”不认识，请填${HOLIDAY_KIND_HINT}`);
    out.push({ date, workday });
  });
  return out;
}

/**
 * The last day of the 公示期 as an Excel date serial: the `days`-th working day after `date`
 * (publication day not counted). A year the holiday calendar does not know → #N/A with the warning,
 * never a date that may be wrong.
 */
export function kpPublicityEnd(date: Arg, days?: Arg, overrides?: Arg): number {
  // Serial 0 is no date: a 0 is the empty cell older desktop Excel hands over.
  const cell = zeroAsBlank(single(date, "发布日期"));
  if (isBlank(cell)) throw notAvailable("发布日期未填写");
  if (cellErrorText(cell)) throw passOn(cellErrorText(cell)!, "发布日期");
  const published = readDate(cell);
  if (!published) throw invalid(`发布日期“${displayText(cell)}”无法识别，请填写日期（如 2026-10-09）`);
  let count = PUBLICITY_WORKING_DAYS;
  if (!omitted(days)) {
    const dayCell = single(days, "公示天数");
    const reading = readNumber(dayCell);
    if (!reading.ok || reading.percent || !Number.isInteger(reading.value) || reading.value < 1 || reading.value > 60) {
      throw invalid(`公示天数“${displayText(dayCell)}”应为 1–60 的整数`);
    }
    count = reading.value;
  }
  const period = publicityEnd(published, count, readOverrides(overrides), SHEETS.holidays);
  if (period.unknownYears.length) throw notAvailable(period.warning!);
  return isoToExcelSerial(period.end);
}
