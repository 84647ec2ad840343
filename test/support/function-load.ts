// For tests and the benchmark (not shipped): what the product's formulas ask of a spreadsheet program, read from the sheets as described: how many
// cell values a full recalculation hands to the add-in's functions (KAOPING.*), which Excel marshals to
// JavaScript call by call, and whether any formula uses a volatile function, which Excel recalculates
// after every edit anywhere in the workbook.

import { columnNumber, parseCellAddress } from "../../src/engine";
import { FUNCTION_NAMESPACE, SheetSpec } from "../../src/workbook";

/** Excel's volatile functions: recalculated on every change, wherever it is ("Excel Recalculation", Microsoft Learn). */
export const VOLATILE_FUNCTIONS = ["INDIRECT", "OFFSET", "TODAY", "NOW", "RAND", "RANDBETWEEN", "RANDARRAY", "CELL", "INFO"] as const;

export interface FunctionLoad {
  /** Calls of the namespace's functions on a full recalculation (one per formula call). */
  readonly calls: number;
  /** Cell values handed over: a range argument counts its cells, a reference or an expression (MEDIAN(…)) one value. */
  readonly values: number;
  /** Constants written in the formulas (the indicator "A2"). */
  readonly literals: number;
}

/** A formula's text with each string literal blanked ("A2" → ""), so names inside strings are not read as functions. */
function withoutStrings(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""');
}

/** The volatile functions a formula calls (names outside string literals). */
export function volatileCalls(formula: string): string[] {
  const text = withoutStrings(formula).toUpperCase();
  return VOLATILE_FUNCTIONS.filter((name) => new RegExp(`(^|[^A-Z0-9_.])${name}\\s*\\(`).test(text));
}

/** The arguments of the call whose "(" is at `open`, split at its top-level commas (string literals kept whole). */
export function callArguments(formula: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let current = "";
  for (let i = open + 1; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"') {
      const end = formula.indexOf('"', i + 1);
      let close = end;
      while (close >= 0 && formula[close + 1] === '"') close = formula.indexOf('"', close + 2);
      current += formula.slice(i, close + 1);
      i = close;
      continue;
    }
    if (ch === "(") depth++;
    if (ch === ")" && depth-- === 0) break;
    if (ch === "," && depth === 0) {
      args.push(current.trim());
      current = "";
    } else current += ch;
  }
  args.push(current.trim());
  return args;
}

/** Excel's rows in a sheet: what a whole-column reference (B:B) covers. */
const SHEET_ROWS = 1_048_576;

/** The cells a reference covers ("D13", "'评分规则'!$B$3:$H$3", "B:B"), or undefined when the text is not a reference. */
export function cellRangeSize(ref: string): number | undefined {
  const local = ref.replace(/^(?:'(?:[^']|'')+'|[^'!(),\s]+)!/, "");
  const columns = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(local);
  if (columns) return (Math.abs(columnNumber(columns[2]) - columnNumber(columns[1])) + 1) * SHEET_ROWS;
  const [from, to = from] = local.split(":");
  const a = parseCellAddress(from);
  const b = parseCellAddress(to);
  if (!a || !b || local.split(":").length > 2) return undefined;
  return (Math.abs(b.row - a.row) + 1) * (Math.abs(b.column - a.column) + 1);
}

/** What one argument hands over: cells of a reference, one value of an expression, a literal, or nothing (omitted). */
function argumentLoad(arg: string): { values: number; literals: number } {
  if (arg === "") return { values: 0, literals: 0 };
  if (/^"(?:[^"]|"")*"$/.test(arg) || /^-?\d+(\.\d+)?$/.test(arg) || /^(TRUE|FALSE)$/i.test(arg)) return { values: 0, literals: 1 };
  const cells = cellRangeSize(arg);
  return { values: cells ?? 1, literals: 0 };
}

/** The load of the namespace's calls in one formula. */
export function formulaLoad(formula: string, namespace = FUNCTION_NAMESPACE): FunctionLoad {
  let calls = 0;
  let values = 0;
  let literals = 0;
  const masked = withoutStrings(formula);
  const pattern = new RegExp(`${namespace.replace(/\./g, "\\.")}\\.[A-Z]+\\s*\\(`, "gi");
  for (let m = pattern.exec(masked); m; m = pattern.exec(masked)) {
    calls++;
    for (const arg of callArguments(formula, m.index + m[0].length - 1)) {
      const load = argumentLoad(arg);
      values += load.values;
      literals += load.literals;
    }
  }
  return { calls, values, literals };
}

/** Every formula of the sheets, with where it is. */
export function formulasOf(sheets: readonly SheetSpec[]): { sheet: string; row: number; column: number; formula: string }[] {
  return sheets.flatMap((s) =>
    s.rows.flatMap((row, r) =>
      row.flatMap((cell, c) => (cell?.formula ? [{ sheet: s.name, row: r + 1, column: c + 1, formula: cell.formula }] : [])),
    ),
  );
}

/** The load of a full recalculation of the sheets: every formula's calls of the namespace's functions. */
export function functionLoad(sheets: readonly SheetSpec[], namespace = FUNCTION_NAMESPACE): FunctionLoad {
  let calls = 0;
  let values = 0;
  let literals = 0;
  for (const { formula } of formulasOf(sheets)) {
    const load = formulaLoad(formula, namespace);
    calls += load.calls;
    values += load.values;
    literals += load.literals;
  }
  return { calls, values, literals };
}
