// The custom functions' logic (spec §7), as thin wrappers over the engine so that a cell and the
// ranking sheet can never disagree. Pure and synchronous: no Excel API, no CustomFunctions global —
// failures are KpError values that functions.ts turns into Excel errors.
//
// Arguments arrive as Excel hands them to a custom function: scalars, or 2-D arrays for ranges, with
// blanks as "" or null and omitted optional arguments as null or undefined.

import {
  cellErrorText,
  CellGrid,
  CellValue,
  checkMeasure,
  checkParts,
  checkRow,
  compareRatios,
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
  METHODS_FOR,
  normalizeLabel,
  problemDoes,
  PUBLICITY_WORKING_DAYS,
  publicityEnd,
  rank,
  Ratio,
  readDate,
  readHolidayKind,
  readNumber,
  readRuleTable,
  ruleFor,
  RuleSet,
  scoreArgumentFields,
  indicatorScorer,
  IndicatorScorer,
  monthScorer,
  MonthScorer,
  toCents,
  zeroDenominatorNote,
} from "../engine";
import { fieldForHeader, SHEETS } from "../workbook";

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

/** One cell as the engine's CellValue: error objects (CustomFunctions.Error-like or {error}) as {error}. */
export function toCell(value: Arg): CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    const v = value as { error?: unknown; code?: unknown; message?: unknown };
    if (typeof v.error === "string") return { error: v.error };
    if (typeof v.code === "string" && EXCEL_ERRORS.includes(v.code)) return { error: v.code };
  }
  return String(value);
}

/** An argument's cells in reading order (a scalar is one cell). */
export function cellsOf(arg: Arg): CellValue[] {
  if (!Array.isArray(arg)) return [toCell(arg)];
  if (arg.length === 1 && Array.isArray(arg[0]) && arg[0].length === 1) return [toCell(arg[0][0])];
  const out: CellValue[] = [];
  for (const row of arg) {
    if (Array.isArray(row)) for (const v of row) out.push(toCell(v));
    else out.push(toCell(row));
  }
  return out;
}

/** A range argument as a grid (a scalar is a 1×1 grid). */
export function gridOf(arg: Arg): CellValue[][] {
  if (!Array.isArray(arg)) return [[toCell(arg)]];
  return arg.map((row) => (Array.isArray(row) ? row.map(toCell) : [toCell(row)]));
}

/** A single-cell argument; a 1×1 range counts as a single cell. */
function single(arg: Arg, what: string): CellValue {
  if (!Array.isArray(arg)) return toCell(arg);
  const cells = cellsOf(arg);
  if (cells.length === 1) return cells[0];
  throw invalid(`${what}应为单个单元格，收到 ${cells.length} 个单元格`);
}

/** Omitted, or a blank cell / all-blank range: an optional argument not given. */
function omitted(arg: Arg): boolean {
  if (arg === undefined || arg === null) return true;
  if (typeof arg === "number") return false;
  return cellsOf(arg).every((c) => isBlank(c));
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
  const x = toCell(a);
  const y = toCell(b);
  if (x instanceof Date || y instanceof Date) return x instanceof Date && y instanceof Date && x.getTime() === y.getTime();
  return typeof x === "object" && typeof y === "object" && x !== null && y !== null && "error" in x && "error" in y && x.error === y.error;
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
    const grid = gridOf(arg);
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

/** For tests and the benchmark: forget cached rule tables. */
export function clearRuleCache(): void {
  ruleCache.length = 0;
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
  const cell = single(arg, "指标");
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

function noDenominatorError(def: IndicatorDef): KpError {
  return invalid(`${def.id} ${def.label}不使用第三个参数，请留空`);
}

const MISSING_MEDIAN = "A1 工单数量需要同类单位当月工单总量的中位数（可用 MEDIAN 计算），请在该参数中给出";

/**
 * One indicator's points. The arguments follow the indicator's fields (scoreArgumentFields):
 * - A1: value = 工单总量, third argument = the class median of 工单总量 (required).
 * - A2, A3, B1–B5: value = the rate's numerator count, third argument = its denominator count.
 * - A4: value = 平均等待时长（秒）; third argument left empty.
 * - C1: value = two cells 按时报送信息数, 逾期报送信息数 (e.g. B2:C2 or {8,2}); third argument = 应报送信息数.
 * - C2: value = 督导一般问题数, third argument = 督导严重问题数; or value = the two cells and the third empty.
 */
export function kpScore(indicator: Arg, value: Arg, denominator?: Arg, rules?: Arg): number {
  const def = findIndicator(indicator);
  const scoring = rulesOf(rules);
  const rule = ruleFor(scoring.rules, def.id);
  if (!METHODS_FOR[def.id].includes(rule.method)) {
    throw invalid(`评分规则中 ${def.id} ${def.label} 的方法不适用于该指标，可用：${METHODS_FOR[def.id].join("、")}`);
  }
  const values: Partial<Record<MeasureId, number>> = {};
  const valueCells = cellsOf(value);
  const given = !omitted(denominator);
  const { value: valueFields, denominator: denominatorField } = scoreArgumentFields(def.id);
  let median: Ratio | null = null;
  // An indicator that is not a rate may also take all its fields as the value (C2: B2:C2).
  if (!def.isRate && denominatorField && valueCells.length === def.fields.length) {
    if (given) throw noDenominatorError(def);
    def.fields.forEach((f, i) => (values[f] = readField(valueCells[i], f)));
  } else {
    if (valueCells.length !== valueFields.length) throw invalid(valueCountMessage(def, valueFields, valueCells.length));
    valueFields.forEach((f, i) => (values[f] = readField(valueCells[i], f)));
    if (denominatorField) {
      const label = fieldDef(denominatorField).label;
      if (!given) throw notAvailable(`${def.id} ${def.label}需要${label}（第三个参数）`);
      values[denominatorField] = readField(single(denominator, label), denominatorField);
    } else if (rule.method === "classMedian") {
      if (!given) throw notAvailable(MISSING_MEDIAN);
      median = readMedian(denominator);
    } else if (given) throw noDenominatorError(def);
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
  const headerCells = cellsOf(headers);
  const valueCells = cellsOf(values);
  if (headerCells.length !== valueCells.length) {
    throw invalid(`表头有 ${headerCells.length} 个单元格，数值有 ${valueCells.length} 个，两者应一一对应`);
  }
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
  else if (a1Rule.method === "classMedian") throw notAvailable(MISSING_MEDIAN);
  return fromCents(scoring.scoreMonth(checked, median).baseCents);
}

// ---------------------------------------------------------------------------------------------
// KP.RANK

/** A connection rate from a cell: a number 0–1 (or percent text); blank or #DIV/0! = no rate. */
function readRate(cell: CellValue, what: string): Ratio | null {
  if (isBlank(cell)) return null;
  const error = cellErrorText(cell);
  if (error === "#DIV/0!") return null;
  const reading = readNumber(cell);
  if (!reading.ok) {
    if (reading.reason === "error") throw passOn(reading.text, what);
    throw invalid(`${what}为“${reading.text}”，不是比率`);
  }
  if (reading.value < 0 || reading.value > 1) throw invalid(`${what}为 ${displayText(cell)}，应在 0–100% 之间`);
  return exactRatio(reading.value);
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
 * The rank of `score` among `scores`: high to low; equal totals (to the cent) ordered by the
 * 人工接通率 in `tiebreaks`; still equal → shared rank, the next rank skips (1, 2, 2, 4). Cells of
 * `scores` that hold no number (不合格, 缺报, errors) take no part.
 */
export function kpRank(score: Arg, scores: Arg, tiebreak?: Arg, tiebreaks?: Arg): number {
  const scoreCell = single(score, "分数");
  if (isBlank(scoreCell)) throw notAvailable("分数未填写");
  if (cellErrorText(scoreCell)) throw passOn(cellErrorText(scoreCell)!, "分数");
  const own = readTotal(scoreCell);
  if (own === undefined) throw invalid(`分数为“${displayText(scoreCell)}”，不是数字`);

  const scoreCells = cellsOf(scores);
  const rateGiven = !omitted(tiebreaks);
  const rateCells = rateGiven ? cellsOf(tiebreaks) : [];
  if (rateGiven && rateCells.length !== scoreCells.length) {
    throw invalid(`人工接通率区域有 ${rateCells.length} 个单元格，分数区域有 ${scoreCells.length} 个，两者应一一对应`);
  }
  if (!rateGiven && !omitted(tiebreak)) throw invalid("给出本单位的人工接通率时，也请给出全部单位的人工接通率区域（第四个参数）");
  // Blank (or #DIV/0!) = the unit has no 人工接通率, as when it had no queued calls.
  const ownRate = rateGiven && !omitted(tiebreak) ? readRate(single(tiebreak, "本单位人工接通率"), "本单位人工接通率") : null;

  const contenders: Contender[] = [];
  scoreCells.forEach((cell, i) => {
    const cents = readTotal(cell);
    if (cents === undefined) return;
    const connectRate = rateGiven ? readRate(rateCells[i], `第 ${i + 1} 个人工接通率`) : null;
    contenders.push({ key: String(i).padStart(6, "0"), name: String(i + 1), totalCents: cents, connectRate });
  });
  const placements = rank(contenders);
  const sameRate = (a: Ratio | null, b: Ratio | null) => (a === null || b === null ? a === b : compareRatios(a, b) === 0);
  const mine = contenders.find((c) => c.totalCents === own && sameRate(c.connectRate, ownRate));
  if (!mine) throw notAvailable(rateGiven ? "分数与人工接通率的组合不在排名区域中" : "分数不在排名区域中");
  return placements.find((p) => p.contender === mine)!.rank;
}

// ---------------------------------------------------------------------------------------------
// KP.PUBLICITYEND

/** Rows of date | 工作日/休息日, the words of the workbook's 节假日调整 sheet (a header row and blank rows are passed over). */
export function readOverrides(arg: Arg): HolidayOverride[] {
  if (omitted(arg)) return [];
  const out: HolidayOverride[] = [];
  gridOf(arg).forEach((row, r) => {
    const [dateCell = null, kindCell = null] = row;
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
  const cell = single(date, "发布日期");
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
