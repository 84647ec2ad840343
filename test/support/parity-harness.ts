// Test helper: one month computed twice — with the KP.* functions cell by cell, as an indicator sheet
// would call them, and with the engine's evaluate() — and every number compared. Takes any list of
// records (RawRecord, as the workbook reader produces them), so a demo month can be checked as well.

import {
  CellValue,
  DEFAULT_UNITS,
  FIELDS,
  INDICATOR_IDS,
  IndicatorId,
  MonthKey,
  RawRecord,
  RuleSet,
  Unit,
  evaluate,
  fieldDef,
  monthOfKey,
  readMonth,
  readNumber,
  readRuleTable,
  ratioToNumber,
  scoreArgumentFields,
} from "../../src/engine";
import { rank, rate, score, total } from "../../src/functions/functions";
import { ShimError, installCustomFunctionsShim, outcome } from "./custom-functions-shim";

/** A cell of the functions' sheet: a number, or the Excel error a function returned. */
export type SheetCell = number | { readonly error: string; readonly message?: string };

export interface SheetRow {
  readonly unitCode: string;
  readonly scores: Readonly<Record<IndicatorId, SheetCell>>;
  readonly total: SheetCell;
  readonly connectRate: SheetCell;
  /** Absent where the total is an error (the row is not ranked). */
  readonly rank?: SheetCell;
  /** The same rank with the tie-break given as the counts 人工接听量, 人工排队量 instead of KP.RATE's rates. */
  readonly rankByCounts?: SheetCell;
}

export interface ParityReport {
  readonly sheet: readonly SheetRow[];
  /** How many numbers were compared. */
  readonly compared: number;
  /** Every disagreement, described; empty when the functions and the engine agree. */
  readonly mismatches: readonly string[];
}

/** The indicator sheet's header row: 单位, then the template's labels (月份 first). */
export const SHEET_HEADERS: readonly string[] = ["单位", ...FIELDS.map((f) => f.label)];

function cellOf(f: () => unknown): SheetCell {
  const r = outcome(f);
  if (r.error !== undefined) return { error: r.error, message: r.message };
  return r.value as number;
}

/** A sheet cell as a function argument: an error cell is handed on as an error value. */
function asArg(cell: SheetCell): unknown {
  return typeof cell === "number" ? cell : new ShimError(cell.error, cell.message);
}

/** Excel's MEDIAN over numbers. */
function excelMedian(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The arguments of KP.SCORE for one indicator, taken from a row as the argument conventions say. */
function scoreArgs(id: IndicatorId, v: (label: string) => CellValue, median: number): [unknown, unknown] {
  const { value, denominator } = scoreArgumentFields(id);
  const third = denominator ? v(fieldDef(denominator).label) : id === "A1" ? median : null;
  return [[value.map((f) => v(fieldDef(f).label))], third];
}

/**
 * Builds the month's indicator sheet from `records` (those of other months are left out) and fills in,
 * per row: KP.SCORE for each indicator, KP.TOTAL, KP.RATE(人工接听量, 人工排队量) and KP.RANK over the
 * totals, once with the rates as tie-breaks and once with the two counts. The A1 median of a class is Excel's MEDIAN of 工单总量 over the
 * rows of that class whose KP.TOTAL is a number (a helper column in a real sheet).
 */
export function functionsSheet(
  records: readonly RawRecord[],
  month: MonthKey,
  units: readonly Unit[] = DEFAULT_UNITS,
  rulesGrid?: CellValue[][],
): SheetRow[] {
  installCustomFunctionsShim();
  const { year } = monthOfKey(month);
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const rows = records
    .filter((r) => unitByCode.has(r.unitCode) && readMonth(r.month, year) === month)
    .map((r) => ({
      unit: unitByCode.get(r.unitCode)!,
      cells: [
        unitByCode.get(r.unitCode)!.name,
        r.month,
        ...FIELDS.filter((f) => f.id !== "month").map((f) => r.values[f.id as keyof typeof r.values] ?? null),
      ] as CellValue[],
    }));
  const headers = [SHEET_HEADERS as string[]];
  const rules = rulesGrid ?? null;

  // The A1 median per class, over rows that score (any median will do to find those).
  const medians = new Map<string, number>();
  for (const cls of new Set(rows.map((r) => r.unit.unitClass))) {
    const orders = rows
      .filter((r) => r.unit.unitClass === cls && typeof cellOf(() => total(headers, [r.cells], 0, rules as never)) === "number")
      .map((r) => readNumber(r.cells[SHEET_HEADERS.indexOf("工单总量")]))
      .filter((x) => x.ok)
      .map((x) => (x as { value: number }).value);
    if (orders.length) medians.set(cls, excelMedian(orders));
  }

  const partial = rows.map((r) => {
    const v = (label: string) => r.cells[SHEET_HEADERS.indexOf(label)];
    const median = medians.get(r.unit.unitClass) ?? 0;
    const scores = {} as Record<IndicatorId, SheetCell>;
    for (const id of INDICATOR_IDS) {
      const [value, denominator] = scoreArgs(id, v, median);
      scores[id] = cellOf(() => score(id, value as never, denominator, rules as never));
    }
    return {
      unitCode: r.unit.code,
      scores,
      total: cellOf(() => total(headers, [r.cells], median, rules as never)),
      connectRate: cellOf(() => rate(v("人工接听量"), v("人工排队量"))),
      counts: [v("人工接听量"), v("人工排队量")],
    };
  });
  const totals = partial.map((p) => [asArg(p.total)]);
  const rates = partial.map((p) => [asArg(p.connectRate)]);
  const counts = partial.map((p) => p.counts);
  return partial.map(({ counts: own, ...p }) =>
    typeof p.total === "number"
      ? {
          ...p,
          rank: cellOf(() => rank(p.total, totals, asArg(p.connectRate), rates)),
          rankByCounts: cellOf(() => rank(p.total, totals, [own], counts)),
        }
      : p,
  );
}

/** The functions' sheet against evaluate() for the month: totals, base, every score, the rate and the rank. */
export function checkParity(
  records: readonly RawRecord[],
  month: MonthKey,
  units: readonly Unit[] = DEFAULT_UNITS,
  rulesGrid?: CellValue[][],
): ParityReport {
  let rules: RuleSet | undefined;
  if (rulesGrid) {
    const reading = readRuleTable(rulesGrid, "评分规则");
    if (!reading.rules) throw new Error(`rules grid unusable: ${reading.problems.map((p) => p.message).join("; ")}`);
    rules = reading.rules;
  }
  const { year, month: m } = monthOfKey(month);
  const evaluation = evaluate({ period: { kind: "month", year, month: m }, units, records, rules });
  const sheet = functionsSheet(records, month, units, rulesGrid);
  const byCode = new Map(sheet.map((r) => [r.unitCode, r]));
  const mismatches: string[] = [];
  let compared = 0;
  const same = (what: string, engine: number | null, cell: SheetCell | undefined) => {
    compared++;
    const ok = engine === null ? cell !== undefined && typeof cell !== "number" && cell.error === "#N/A" : cell === engine;
    if (!ok) mismatches.push(`${what}: engine ${engine}, functions ${JSON.stringify(cell)}`);
  };

  for (const row of evaluation.rows) {
    const s = byCode.get(row.unit.code);
    const name = `${row.unit.name}`;
    if (row.result === "missing") {
      if (s) mismatches.push(`${name}: engine 缺报, but the sheet has a row`);
      continue;
    }
    if (!s) {
      mismatches.push(`${name}: engine ${row.result}, but the sheet has no row`);
      continue;
    }
    if (row.result === "pending") {
      compared++;
      if (typeof s.total === "number") mismatches.push(`${name}: engine 数据待核, functions total ${s.total}`);
      continue;
    }
    same(`${name} 基本分`, row.base, s.total);
    same(`${name} 总分`, row.total, s.total); // no events: total = base
    same(`${name} 名次`, row.rank, s.rank);
    same(`${name} 名次（按数量）`, row.rank, s.rankByCounts);
    same(
      `${name} 人工接通率`,
      row.connectRate ? ratioToNumber(row.connectRate) : null,
      typeof s.connectRate === "number" ? s.connectRate : { error: s.connectRate.error === "#DIV/0!" ? "#N/A" : s.connectRate.error },
    );
    for (const id of INDICATOR_IDS) same(`${name} ${id}`, row.scores[id], s.scores[id]);
  }
  return { sheet, compared, mismatches };
}
