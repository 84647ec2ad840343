// The 评分规则 argument of KAOPING.SCORE and KAOPING.TOTAL: a whole table or one indicator's row, read and
// checked by the engine's own readers (rules.ts) and kept by content, so that 10,000 formulas naming one
// range read it once.

import {
  CellGrid,
  CellValue,
  DEFAULT_RULES,
  IndicatorId,
  IndicatorScorer,
  MonthScorer,
  RULE_ROW_WIDTH,
  RuleSet,
  indicatorScorer,
  isBlank,
  monthScorer,
  readIndicatorRuleRow,
  readNumber,
  readRuleTable,
  ruleRowNumberColumns,
} from "../engine";
import { Arg, errorOf, gridOf, zeroAsBlank } from "./arguments";
import { KpError, andMore, invalid } from "./errors";

/** Where messages about a rules range point: the range's own cells, counted from its top-left cell. */
const RULES_RANGE_SHEET = "评分规则区域";

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
export interface ScoringRules {
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
export function isRuleRow(arg: Arg): arg is unknown[][] {
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
export function scoreRulesOf(arg: Arg, id: IndicatorId): ScoringRules {
  return isRuleRow(arg) ? rowRulesOf(arg, id) : rulesOf(arg);
}

/** For tests and the benchmark: forget cached rule tables. */
export function clearRuleCache(): void {
  ruleCache.length = 0;
  rowCache.clear();
}
