// Excel's custom functions (spec §7), called in cells as KAOPING.RATE, KAOPING.SCORE, … (the namespace is
// FUNCTION_NAMESPACE of src/workbook/layout.ts). The functions are declared in declared.ts — arguments,
// what blank and 0 mean, the computation — and run by its runFunction; here only Excel's form of them:
// custom-functions-metadata-plugin generates functions.json and the CustomFunctions.associate calls from
// the JSDoc below (build/functions-metadata.js then sets allowErrorForDataTypeAny), so each parameter is
// written here again, for the generator; metadata.test.ts holds it to the declaration. The descriptions
// are the help Excel shows (docs/functions.md has the long form). Nothing here calls the Excel API, and no
// function is volatile.

import { FunctionResult, kaopingFunction, runFunction } from "./declared";
import { KpErrorCode } from "./errors";

/**
 * The part of the custom-functions runtime used here: the global `CustomFunctions` in Excel. Each member
 * carries the requirement set of its declaration in Microsoft's @types/custom-functions-runtime, for
 * test/requirement-sets.test.ts, which holds them against manifest.xml (and against those declarations
 * when that package is installed).
 * @runtimeGlobal CustomFunctions
 */
interface CustomFunctionsRuntime {
  /** Custom error results. [Api set: CustomFunctionsRuntime 1.2] */
  Error: new (code: string, message?: string) => unknown;
  /** The error codes; each of its members is [Api set: CustomFunctionsRuntime 1.3]. */
  ErrorCode: Record<KpErrorCode, string>;
}

function runtime(): CustomFunctionsRuntime {
  return (globalThis as unknown as { CustomFunctions: CustomFunctionsRuntime }).CustomFunctions;
}

/** An Excel error for a failed call; a message only where Excel shows one (#VALUE!, #N/A). */
function excelError(result: Extract<FunctionResult, { error: string }>): unknown {
  const cf = runtime();
  const code = cf.ErrorCode[result.error];
  const withMessage = result.error === "invalidValue" || result.error === "notAvailable";
  return withMessage && result.message ? new cf.Error(code, result.message) : new cf.Error(code);
}

/** The function `id` run on the arguments as Excel passed them: its number, or Excel's error thrown. */
function call(id: string, args: readonly unknown[]): number {
  const result = runFunction(kaopingFunction(id), args);
  if ("value" in result) return result.value;
  throw excelError(result);
}

/**
 * 比率：分子 ÷ 分母（如 人工接听量 ÷ 人工排队量），与考评结果表中的比率一致。分母为 0 时返回 #DIV/0!；分子或分母未填写返回 #N/A（旧版桌面 Excel 把空单元格当作 0 传入，此时按 0 计算）；负数、小数或分子大于分母返回 #VALUE!。
 * @customfunction RATE
 * @param numerator 分子：数量（如 人工接听量），应为不小于 0 的整数
 * @param denominator 分母：数量（如 人工排队量），应为不小于 0 的整数
 * @returns 比率（0–1，可设为百分比格式）
 */
export function rate(numerator: any, denominator: any): number {
  return call("RATE", [numerator, denominator]);
}

/**
 * 单项指标得分（保留两位小数，四舍五入），与考评结果表一致。A1：数值=工单总量，分母=同类单位工单总量中位数；A2、A3、B1–B5：数值=分子数量，分母=分母数量（如 A2 为人工接听量、人工排队量）；A4：数值=平均等待时长（秒），分母留空；C1：数值=按时报送信息数与逾期报送信息数两个单元格，分母=应报送信息数；C2：数值=督导一般问题数，分母=督导严重问题数。未填写返回 #N/A（旧版桌面 Excel 把空单元格当作 0 传入，此时按 0 计分），数据有误返回 #VALUE!。
 * @customfunction SCORE
 * @param indicator 指标编号（如 A2）或名称（如 人工接通率）
 * @param value 指标数值：A1 工单总量；比率类指标为分子数量；A4 平均等待秒数；C1 按时、逾期报送数两个单元格；C2 一般问题数（或一般、严重两个单元格）
 * @param denominator 可选。A1 为同类单位工单总量中位数；比率类指标为分母数量；C1 为应报送信息数；C2 为严重问题数；A4 留空或填 0
 * @param rules 可选。“评分规则”表的区域（含表头），或该指标在表中的一行（如 A2 的 '评分规则'!$B$3:$H$3）；省略时使用默认规则
 * @returns 得分
 */
export function score(indicator: any, value: any[][], denominator?: any, rules?: any[][]): number {
  return call("SCORE", [indicator, value, denominator, rules]);
}

/**
 * 指标表中一行的基本分（不含加分、减分），按表头识别各项数据，校验与计分与考评结果表完全一致；数据有误返回 #VALUE!，未填写返回 #N/A（旧版桌面 Excel 把空单元格当作 0 传入，此时按 0 计分）。
 * @customfunction TOTAL
 * @param headers 表头行（如 指标表的第 3 行），表头文字与模板一致
 * @param values 该单位该月的数据行，与表头一一对应
 * @param a1Median 可选。同类单位当月工单总量的中位数，用于 A1 工单数量；使用默认规则时必须给出
 * @param rules 可选。“评分规则”表的区域（含表头）；省略时使用默认规则
 * @returns 基本分（满分 67）
 */
export function total(headers: any[][], values: any[][], a1Median?: any, rules?: any[][]): number {
  return call("TOTAL", [headers, values, a1Median, rules]);
}

/**
 * 名次：按总分从高到低；总分相同（精确到分）时按人工接通率从高到低，无人工接通率（人工排队量为 0）的排在后面；仍相同则并列，下一名次顺延（1、2、2、4）。与考评结果表的名次一致。区域中不是数字的单元格（如 不合格、缺报）不参与排名。
 * @customfunction RANK
 * @param score 本单位总分
 * @param scores 全部参与排名单位的总分区域
 * @param tiebreak 可选。本单位人工接通率（一个单元格，如 KAOPING.RATE 的结果），或本单位人工接听量、人工排队量（两个单元格）；同分单位名次不同时用来确定本单位
 * @param tiebreaks 可选。与总分区域一一对应：每个单位两个数量（人工接听量、人工排队量，推荐；排队量为 0 即无接通率，空白按 0 计），或每个单位一个人工接通率（#DIV/0!、“—”或空白表示无接通率）
 * @returns 名次
 */
export function rank(score: any, scores: any[][], tiebreak?: any, tiebreaks?: any[][]): number {
  return call("RANK", [score, scores, tiebreak, tiebreaks]);
}

/**
 * 公示期截止日：发布日之后第 5 个工作日（发布当日不计，按国务院节假日与调休安排，可用节假日调整区域覆盖）。结果为日期序列号，请将单元格设为日期格式。节假日数据未包含的年份返回 #N/A 并提示补充节假日调整，不作推测。
 * @customfunction PUBLICITYEND
 * @param date 发布日期
 * @param days 可选。公示工作日天数，默认 5（不用时请省略该参数，不要引用空单元格）
 * @param overrides 可选。节假日调整区域：每行 日期 | 工作日/休息日，可含表头
 * @returns 公示期最后一天（日期序列号）
 */
export function publicityEnd(date: any, days?: any, overrides?: any[][]): number {
  return call("PUBLICITYEND", [date, days, overrides]);
}
