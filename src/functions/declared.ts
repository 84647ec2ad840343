// The KAOPING functions (spec §7), declared once: each function's id, its arguments — what kind each is,
// whether it may be left out, what blank and 0 mean — and what computes it; and the one runner that reads
// every argument as declared and turns every failure into an error result. Any host calls runFunction
// with the arguments as it received them and turns the result into its own value or error: Excel's
// custom functions (functions.ts), WPS 表格's (/work/coord/FUNCTIONS.md).

import { Arg, ArgSpec, ValueOf, readArgument } from "./arguments";
import { KpError, KpErrorCode } from "./errors";
import { SHEETS } from "../workbook";
import { kpPublicityEnd } from "./publicity";
import { ALL_TIES, OWN_TIE, kpRank } from "./rank";
import { kpScore, kpTotal } from "./score";

export interface KaopingFunction {
  /** As formulas call it after the namespace: KAOPING.RATE. */
  readonly id: string;
  /** The JavaScript name Excel's metadata associates with the id (functions.ts). */
  readonly name: string;
  readonly args: readonly ArgSpec[];
  /** The result from the arguments read as declared; a failure is thrown as a KpError. */
  readonly compute: (...values: never[]) => number;
}

/** A function with its compute typed by its arguments' declarations. */
function declare<const A extends readonly ArgSpec[]>(
  id: string,
  name: string,
  args: A,
  compute: (...values: { [K in keyof A]: A[K] extends ArgSpec ? ValueOf<A[K]> : never }) => number,
): KaopingFunction {
  return { id, name, args, compute: compute as (...values: never[]) => number };
}

const RULES = {
  name: "rules",
  label: "评分规则",
  kind: "rules",
  matrix: true,
  optional: true,
  zero: "blank",
  means: "省略或空白：默认规则；区域中文字列（编号、方法、分母为零、说明）的 0 为空单元格，数字列的 0 为数字",
} as const;

export const KAOPING_FUNCTIONS: readonly KaopingFunction[] = [
  declare(
    "RATE",
    "rate",
    [
      { name: "numerator", label: "分子", kind: "count", matrix: false, zero: "number", means: "空白：#N/A（未填写）；0 为数量 0" },
      { name: "denominator", label: "分母", kind: "count", matrix: false, zero: "number", means: "空白：#N/A；0：#DIV/0!" },
    ],
    (n, d) => {
      if (d === 0) throw new KpError("divisionByZero");
      if (n > d) throw new KpError("invalidValue", `分子 ${n} 大于分母 ${d}，比率不能超过 100%`);
      return n / d;
    },
  ),
  declare(
    "SCORE",
    "score",
    [
      {
        name: "indicator",
        label: "指标",
        kind: "cell",
        matrix: false,
        zero: "blank",
        passErrors: true,
        means: "空白或 0：#VALUE!（请给出指标）",
      },
      { name: "value", label: "数值", kind: "cells", matrix: true, zero: "number", means: "空白：#N/A（未填写）；0 为数 0" },
      {
        name: "denominator",
        label: "第三个参数",
        kind: "cells",
        matrix: false,
        optional: true,
        zero: "number",
        means: "分母或同类中位数：空白为未给出，0 为数 0；不使用该参数的指标（A4、C2 两格）空白或 0 均为未给出",
      },
      RULES,
    ],
    kpScore,
  ),
  declare(
    "TOTAL",
    "total",
    [
      { name: "headers", label: "表头", kind: "cells", matrix: true, zero: "number", means: "表头文字；空白或其他文字的列不计" },
      { name: "values", label: "数值", kind: "cells", matrix: true, zero: "number", means: "空白：未填写（全空为缺报，#N/A）；0 为数 0" },
      {
        name: "a1Median",
        label: "同类中位数",
        kind: "cell",
        matrix: false,
        optional: true,
        zero: "number",
        means: "空白：未给出（默认规则下 #N/A）；0 为中位数 0",
      },
      RULES,
    ],
    kpTotal,
  ),
  declare(
    "RANK",
    "rank",
    [
      { name: "score", label: "分数", kind: "cell", matrix: false, zero: "number", passErrors: true, means: "空白：#N/A；0 为总分 0" },
      {
        name: "scores",
        label: "分数区域",
        kind: "range",
        matrix: true,
        zero: "number",
        means: "不是数字的单元格（空白、不合格、缺报）不参与排名；0 为总分 0",
      },
      {
        name: "tiebreak",
        label: OWN_TIE,
        kind: "cells",
        matrix: false,
        optional: true,
        zero: "number",
        means: "空白：无接通率；0 为接通率 0（未给出人工接通率区域时，0 为空单元格）",
      },
      {
        name: "tiebreaks",
        label: ALL_TIES,
        kind: "range",
        matrix: true,
        optional: true,
        zero: "number",
        means: "全空：未给出；接通率空白、“—”或 #DIV/0! 为无接通率，数量空白按 0 计",
      },
    ],
    kpRank,
  ),
  declare(
    "PUBLICITYEND",
    "publicityEnd",
    [
      { name: "date", label: "发布日期", kind: "cell", matrix: false, zero: "blank", passErrors: true, means: "空白或 0：#N/A（未填写）" },
      {
        name: "days",
        label: "公示天数",
        kind: "cell",
        matrix: false,
        optional: true,
        zero: "number",
        means: "空白：5 个工作日；0：#VALUE!",
      },
      {
        name: "overrides",
        label: SHEETS.holidays,
        kind: "range",
        matrix: true,
        optional: true,
        zero: "blank",
        means: "空白或 0：空单元格",
      },
    ],
    kpPublicityEnd,
  ),
];

export type FunctionResult = { readonly value: number } | { readonly error: KpErrorCode; readonly message: string };

/** The function of an id (RATE, SCORE …). */
export function kaopingFunction(id: string): KaopingFunction {
  const fn = KAOPING_FUNCTIONS.find((f) => f.id === id);
  if (!fn) throw new RangeError(`no KAOPING function ${id}`);
  return fn;
}

/**
 * One call: each argument read as declared (args[i] undefined where the host left it out), then computed.
 * Every failure is a result: a KpError's code and message, anything else #VALUE! with what went wrong.
 */
export function runFunction(fn: KaopingFunction, args: readonly Arg[]): FunctionResult {
  try {
    const values = fn.args.map((spec, i) => readArgument(spec, args[i]));
    return { value: (fn.compute as (...values: unknown[]) => number)(...values) };
  } catch (error) {
    if (error instanceof KpError) return { error: error.code, message: error.message };
    return { error: "invalidValue", message: `计算出错：${error instanceof Error ? error.message : String(error)}` };
  }
}
