// The result sheet's layout as data (spec §6): where its blocks sit, the words of its header block and
// table, and how each row fills the table — with what reads them back beside what writes them, so that
// the lifecycle (状态, 发布日期), a correction (the earlier version's table) and the superseded mark
// (the rows above the table) read exactly what result-sheets.ts wrote. Renaming a label here renames it
// for all of them.

import {
  CellGrid,
  CellValue,
  Evaluation,
  INDICATORS,
  IndicatorId,
  RESULT_LABELS,
  Ratio,
  RankChange,
  RuleSet,
  formatTotal,
  lossesOf,
  ResultRow,
  columnLetters,
  displayText,
  isEmptyCell,
  monthLabel,
  ratioToNumber,
  zeroDenominatorNote,
} from "../engine";
import { textCell as text } from "./layout";
import { DETAILED_TABLE_MARGINS, columnsOnFirstPage, wrappedLines } from "./print-style";
import { CellSpec } from "./sheet-spec";

/** The rows of the sheet: title, two rows of label–value pairs, the notices, the superseded mark's row, the table's header. */
export const RESULT_ROWS = { title: 1, facts: [2, 3], notices: 4, mark: 5, header: 6 } as const;

/** 名次 and 单位: repeated on every printed page (print-style.ts), so nothing but the table is written in them. */
export const KEY_COLUMNS = 2;

/** The labels of the header block's label–value pairs (rows 2 and 3). */
export const RESULT_FACTS = {
  period: "考评期间",
  state: "状态",
  version: "版本",
  published: "发布日期",
  publicityEnd: "公示期截止",
} as const;

/** The headers of the table's own columns (the indicators' and months' are made from the catalogue and the period). */
export const RESULT_HEADERS = {
  rank: "名次",
  unit: "单位",
  base: "基本分",
  periodBase: "月均得分",
  bonus: "加分",
  deduction: "减分",
  annualBonus: "年度加分",
  annualDeduction: "年度减分",
  total: "总分",
  connectRate: "人工接通率",
  periodConnectRate: "人工接通率（合计）",
  rankChange: "排名变化",
  largestLoss: "最大失分",
  note: "备注",
} as const;

/** What a cell shows that has nothing to show: a rate without a denominator, a month without a result in a quarter's table. */
export const NO_VALUE_MARK = "—";

const SCORE = "0.00";
const PERCENT = "0.00%";

/** A number, right-aligned (and so top-aligned, as the wrapped text beside it). */
export const numberCell = (value: number | null, numberFormat = SCORE, extra: Partial<CellSpec> = {}): CellSpec => ({
  value,
  numberFormat,
  align: "right",
  ...extra,
});
const num = numberCell;

/** A column of the result table: its header and how a row fills it. */
export interface ResultColumn {
  readonly header: string;
  /** In characters: chosen so that the month's table prints two A4 landscape pages wide at 100 % (print-style.ts). */
  readonly width: number;
  readonly cell: (row: ResultRow) => CellSpec;
  /** An empty cell stands for 0 (加分 and 减分 are left blank where there was none). */
  readonly blankIsZero?: boolean;
  /** Follows from other columns (排名变化 from 名次): a correction does not list it as a change of its own. */
  readonly derived?: boolean;
}

/** A bonus or deduction: blank when there was none, and for a unit without a result. */
function pointsCell(row: ResultRow, points: number | null): CellSpec {
  return num(row.result === "pending" || row.result === "missing" || !points ? null : points);
}

function rateValue(r: Ratio | null): number | null {
  return r === null ? null : ratioToNumber(r);
}

function rankCell(row: ResultRow): CellSpec {
  if (row.rank !== null) return num(row.rank, "0", { align: "center" });
  return text(RESULT_LABELS[row.result], { align: "center", bold: true });
}

/** What the columns depend on: the period's kind, the rules (for notes) and, for quarters and years, the months. */
type ColumnSource = Pick<Evaluation, "period" | "rules" | "rows" | "rankChanges">;

function monthColumns(evaluation: ColumnSource): ResultColumn[] {
  const cols: ResultColumn[] = [];
  for (const ind of INDICATORS) {
    const id = ind.id as IndicatorId;
    if (ind.isRate) {
      cols.push({
        header: `${id} ${ind.label}`,
        width: 9,
        cell: (row) => {
          if (row.result === "pending" || row.result === "missing") return num(null, PERCENT);
          if (row.zeroDenominators.includes(id)) return text(NO_VALUE_MARK, { align: "center", note: zeroNote(evaluation, id) });
          return num(rateValue(row.rates[id]), PERCENT);
        },
      });
    }
    cols.push({
      header: ind.isRate ? `${id} 得分` : `${id} ${ind.label} 得分`,
      width: 6,
      cell: (row) => num(row.scores[id]),
    });
  }
  return cols;
}

function zeroNote(evaluation: ColumnSource, id: IndicatorId): string {
  const rule = evaluation.rules?.indicators.find((r) => r.id === id);
  return rule ? zeroDenominatorNote(rule) : "";
}

function periodColumns(evaluation: ColumnSource): ResultColumn[] {
  const keys = new Set<string>();
  for (const r of evaluation.rows) for (const m of r.months) keys.add(m.month);
  return [...keys].sort().map((key) => ({
    header: `${monthLabel(key).slice(5)}得分`,
    width: 7,
    cell: (row: ResultRow) => {
      const m = row.months.find((x) => x.month === key);
      if (!m) return text(NO_VALUE_MARK, { align: "center" });
      if (m.result === "disqualified") return text(RESULT_LABELS.disqualified, { align: "center", note: "该月不合格，按 0 分计入" });
      if (m.result === "pending" || m.result === "missing") return text(RESULT_LABELS[m.result], { align: "center" });
      return num(m.total);
    },
  }));
}

/** The columns of the result table in order; readPreviousResult reads them back by these headers. */
export function resultColumns(evaluation: ColumnSource): ResultColumn[] {
  const isMonth = evaluation.period.kind === "month";
  const isYear = evaluation.period.kind === "year";
  const H = RESULT_HEADERS;
  return [
    { header: H.rank, width: 7, cell: rankCell },
    { header: H.unit, width: 11, cell: (row) => text(row.unit.name, { wrap: true }) },
    ...(isMonth ? monthColumns(evaluation) : periodColumns(evaluation)),
    { header: isMonth ? H.base : H.periodBase, width: 7, cell: (row) => num(row.base) },
    ...(isMonth || isYear
      ? [
          { header: isYear ? H.annualBonus : H.bonus, width: 6, blankIsZero: true, cell: (row: ResultRow) => pointsCell(row, row.bonus) },
          {
            header: isYear ? H.annualDeduction : H.deduction,
            width: 6,
            blankIsZero: true,
            cell: (row: ResultRow) => pointsCell(row, row.deduction),
          },
        ]
      : []),
    { header: H.total, width: 7, cell: totalCell },
    { header: isMonth ? H.connectRate : H.periodConnectRate, width: 9, cell: (row) => num(rateValue(row.connectRate), PERCENT) },
    ...(evaluation.rankChanges ? [rankChangeColumn(evaluation.rankChanges)] : []),
    ...(evaluation.rules ? [largestLossColumn(evaluation.rules)] : []),
    { header: H.note, width: 52, cell: (row) => text(row.note, { wrap: true }) },
  ];
}

/** 排名变化 against the previous period of the same kind (rank-change.ts): ↑2, ↓3, 持平, 新 … */
function rankChangeColumn(changes: ReadonlyMap<string, RankChange>): ResultColumn {
  const label = (row: ResultRow) => changes.get(row.unit.code)?.label ?? NO_VALUE_MARK;
  return { header: RESULT_HEADERS.rankChange, width: 7, derived: true, cell: (row) => text(label(row), { align: "center" }) };
}

/**
 * 最大失分 (失分分析, losses.ts): the indicator that lost most, "B1 −10.00", on one line so that no row grows;
 * the whole analysis is in the 通报, the pane and rank --json.
 */
function largestLossColumn(rules: RuleSet): ResultColumn {
  const cell = (row: ResultRow): CellSpec => {
    const largest = row.base === null ? undefined : lossesOf(row, rules).indicators[0];
    return text(largest ? `${largest.indicator} −${formatTotal(largest.lost)}` : "", { align: "center" });
  };
  return { header: RESULT_HEADERS.largestLoss, width: 10, derived: true, cell };
}

/** A 不合格 row's 总分 says 不合格: its scores stay for the record, but never as a total beside the ranked units'. */
function totalCell(row: ResultRow): CellSpec {
  if (row.result === "disqualified") return text(RESULT_LABELS.disqualified, { bold: true, align: "center" });
  return num(row.total, SCORE, { bold: true });
}

/** The table rendered once: its columns and each unit's cells, for the sheet and for a correction's comparison alike. */
export interface ResultTable {
  readonly columns: readonly ResultColumn[];
  /** In the evaluation's order. */
  readonly rows: readonly { readonly unit: string; readonly row: ResultRow; readonly cells: readonly CellSpec[] }[];
}

export function renderResultTable(evaluation: ColumnSource): ResultTable {
  const columns = resultColumns(evaluation);
  return { columns, rows: evaluation.rows.map((row) => ({ unit: row.unit.name, row, cells: columns.map((c) => c.cell(row)) })) };
}

/** The column letter of a month result sheet's column, by header ("A1 工单数量 得分" → "C"). */
export function monthResultColumn(header: string): string {
  const columns = resultColumns({ period: { kind: "month", year: 2000, month: 1 }, rules: null, rows: [] });
  return columnLetters(columns.findIndex((c) => c.header === header) + 1);
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Label and value pairs in a row, after `offset` blank cells (headerValue reads a value as the first filled
 * cell after its label). Where the row has room within the first printed page, a label or value that one
 * cell would wrap spans as many as it needs (merged, up to three), so that words and dates print on one line;
 * where it is too narrow for that, pairs take a cell each and the pairs that do not fit share the row's last cell.
 */
export function pairsRow(
  widths: readonly number[],
  pairs: readonly (readonly [string, CellSpec])[],
  row: number,
  offset: number,
): { cells: (CellSpec | null)[]; merges: string[] } {
  const label = (value: string) => text(value, { bold: true, wrap: true });
  const wrapped = (cell: CellSpec) => ({ ...cell, wrap: true });
  const limit = columnsOnFirstPage(widths, DETAILED_TABLE_MARGINS);
  const cells: (CellSpec | null)[] = Array<null>(offset).fill(null);
  // Each cell as wide as it needs, up to three cells, else up to two where three are too many for the row.
  for (const maxSpan of [3, 2]) {
    const merges: string[] = [];
    const put = (cell: CellSpec) => {
      const at = cells.length;
      const fits = (span: number) => wrappedLines(String(cell.value ?? ""), sum(widths.slice(at, at + span))) === 1;
      let span = 1;
      while (span < maxSpan && at + span < widths.length && !fits(span)) span++;
      cells.push(cell, ...Array<null>(span - 1).fill(null));
      if (span > 1) merges.push(`${columnLetters(at + 1)}${row}:${columnLetters(at + span)}${row}`);
    };
    for (const [l, v] of pairs) {
      put(label(l));
      put(wrapped(v));
    }
    if (cells.length <= limit) return { cells, merges };
    cells.length = offset;
  }
  const room = widths.length - offset;
  const fit = pairs.length * 2 <= room ? pairs.length : Math.floor((room - 1) / 2);
  cells.push(...pairs.slice(0, fit).flatMap(([l, v]) => [label(l), wrapped(v)]));
  const rest = pairs.slice(fit);
  if (rest.length) cells.push(text(rest.map(([l, v]) => `${l}：${String(v.value ?? "")}`).join("　"), { wrap: true }));
  return { cells, merges: [] };
}

/**
 * A value of a result sheet's header block: the first filled cell after `label` in the rows above the table —
 * beside the label, or after it where the label spans two merged cells. A merged cell reads as empty past its
 * first cell in Excel and as its value again in a file read by ExcelJS: both are skipped.
 */
export function headerValue(cells: CellGrid | undefined, label: (typeof RESULT_FACTS)[keyof typeof RESULT_FACTS]): string | undefined {
  for (const row of (cells ?? []).slice(0, RESULT_ROWS.header)) {
    const at = row.findIndex((v) => v === label);
    if (at < 0) continue;
    const value = row.slice(at + 1).find((v) => !isEmptyCell(v) && v !== label);
    return value === undefined ? undefined : displayText(value);
  }
  return undefined;
}

/** The row index (0-based) of a result sheet's table header: the row that starts 名次, 单位; −1 when there is none. */
export function tableHeaderIndex(cells: CellGrid): number {
  return cells.findIndex((row) => String(row[0] ?? "") === RESULT_HEADERS.rank && String(row[1] ?? "") === RESULT_HEADERS.unit);
}

/** An earlier result sheet's table, by unit name: each column's value by its header. */
export type PreviousResult = ReadonlyMap<string, ReadonlyMap<string, CellValue>>;

/** Reads an earlier result sheet's table (found by its 名次 and 单位 headers). */
export function readPreviousResult(cells: CellGrid): PreviousResult {
  const out = new Map<string, Map<string, CellValue>>();
  const headerIndex = tableHeaderIndex(cells);
  if (headerIndex < 0) return out;
  const headers = cells[headerIndex].map((h) => String(h ?? ""));
  for (const row of cells.slice(headerIndex + 1)) {
    const name = String(row[1] ?? "").trim();
    if (!name) break;
    out.set(name, new Map(headers.map((h, i) => [h, row[i] ?? null] as const).filter(([h]) => h && h !== RESULT_HEADERS.unit)));
  }
  return out;
}
