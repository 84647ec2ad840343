// What the published result looks like (spec §6), as data: the period's result sheet, the 数据校验
// sheet (修正记录 is corrections.ts).

import {
  INDICATORS,
  IndicatorId,
  RESULT_LABELS,
  STATUS_LABELS,
  Ratio,
  ratioToNumber,
  zeroDenominatorNote,
  Evaluation,
  ResultRow,
  monthLabel,
  periodLabel,
  Problem,
  CellRef,
  columnLetters,
} from "../engine";
import { FILLS, RESULT_SHEET_SUFFIX, SHEETS, headerCell as header, textCell as text } from "./layout";
import { CellSpec, SheetSpec } from "./sheet-spec";
import {
  BODY_FONT,
  DETAILED_TABLE_MARGINS,
  columnsOnFirstPage,
  detailedTablePrint,
  listPrint,
  wrappedHeights,
  wrappedLines,
} from "./print-style";

export const TITLE = "河南省12328交通运输服务监督电话系统运行服务质量考评结果";

export function resultSheetName(evaluation: Pick<Evaluation, "period">): string {
  return `${periodLabel(evaluation.period)} ${RESULT_SHEET_SUFFIX}`;
}

const SCORE = "0.00";
const PERCENT = "0.00%";
/** Title, two rows of status, the notices, an empty row, then the table's header. */
const NOTICES_ROW = 4;
const HEADER_ROW = 6;
/** 名次 and 单位: repeated on every printed page (print-style.ts), so nothing but the table is written in them. */
const KEY_COLUMNS = 2;

/** A number, right-aligned (and so top-aligned, as the wrapped text beside it). */
const num = (value: number | null, numberFormat = SCORE, extra: Partial<CellSpec> = {}): CellSpec => ({
  value,
  numberFormat,
  align: "right",
  ...extra,
});

/** A column of the result table: its header and how a row fills it. */
interface Column {
  readonly header: string;
  /** In characters: chosen so that the month's table prints two A4 landscape pages wide at 100 % (print-style.ts). */
  readonly width: number;
  readonly cell: (row: ResultRow) => CellSpec;
  /** An empty cell stands for 0 (加分 and 减分 are left blank where there was none). */
  readonly blankIsZero?: boolean;
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

function monthColumns(evaluation: ColumnSource): Column[] {
  const cols: Column[] = [];
  for (const ind of INDICATORS) {
    const id = ind.id as IndicatorId;
    if (ind.isRate) {
      cols.push({
        header: `${id} ${ind.label}`,
        width: 9,
        cell: (row) => {
          if (row.result === "pending" || row.result === "missing") return num(null, PERCENT);
          if (row.zeroDenominators.includes(id)) return text("—", { align: "center", note: zeroNote(evaluation, id) });
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

function periodColumns(evaluation: ColumnSource): Column[] {
  const keys = new Set<string>();
  for (const r of evaluation.rows) for (const m of r.months) keys.add(m.month);
  return [...keys].sort().map((key) => ({
    header: `${monthLabel(key).slice(5)}得分`,
    width: 7,
    cell: (row: ResultRow) => {
      const m = row.months.find((x) => x.month === key);
      if (!m) return text("—", { align: "center" });
      if (m.result === "disqualified") return text(RESULT_LABELS.disqualified, { align: "center", note: "该月不合格，按 0 分计入" });
      if (m.result === "pending" || m.result === "missing") return text(RESULT_LABELS[m.result], { align: "center" });
      return num(m.total);
    },
  }));
}

/** What the columns depend on: the period's kind, the rules (for notes) and, for quarters and years, the months. */
type ColumnSource = Pick<Evaluation, "period" | "rules" | "rows">;

/** The columns of the result table in order; headers are what readPreviousResult matches. */
export function resultColumns(evaluation: ColumnSource): Column[] {
  const isMonth = evaluation.period.kind === "month";
  const isYear = evaluation.period.kind === "year";
  return [
    { header: "名次", width: 7, cell: rankCell },
    { header: "单位", width: 11, cell: (row) => text(row.unit.name, { wrap: true }) },
    ...(isMonth ? monthColumns(evaluation) : periodColumns(evaluation)),
    { header: isMonth ? "基本分" : "月均得分", width: 7, cell: (row) => num(row.base) },
    ...(isMonth || isYear
      ? [
          { header: isYear ? "年度加分" : "加分", width: 6, blankIsZero: true, cell: (row: ResultRow) => pointsCell(row, row.bonus) },
          { header: isYear ? "年度减分" : "减分", width: 6, blankIsZero: true, cell: (row: ResultRow) => pointsCell(row, row.deduction) },
        ]
      : []),
    { header: "总分", width: 7, cell: totalCell },
    { header: isMonth ? "人工接通率" : "人工接通率（合计）", width: 9, cell: (row) => num(rateValue(row.connectRate), PERCENT) },
    { header: "备注", width: 52, cell: (row) => text(row.note, { wrap: true }) },
  ];
}

/** A 不合格 row's 总分 says 不合格: its scores stay for the record, but never as a total beside the ranked units'. */
function totalCell(row: ResultRow): CellSpec {
  if (row.result === "disqualified") return text(RESULT_LABELS.disqualified, { bold: true, align: "center" });
  return num(row.total, SCORE, { bold: true });
}

export function rowFill(row: ResultRow): string | undefined {
  if (row.result !== "ranked") return FILLS.unranked.color;
  if (row.tieBreak === "resolved") return FILLS.resolved.color;
  if (row.tieBreak === "shared") return FILLS.shared.color;
  return undefined;
}

function withFill(cell: CellSpec, fill: string | undefined): CellSpec {
  return fill ? { ...cell, fill } : cell;
}

export interface ResultSheetOptions {
  /** When the sheet was generated, "YYYY-MM-DD HH:mm". */
  readonly generated: string;
  readonly version?: number;
  /** The name under which the sheet is written (a unique one when a user sheet holds the usual name). */
  readonly name?: string;
  /** Its publication state (see lifecycle.ts); without it, the evaluation's 正式 / 草稿. */
  readonly state?: {
    readonly label: string;
    /** 第 2 版（更正）, or — for a draft. */
    readonly version: string;
    /** Leads the notices row, e.g. the 更正 mark. */
    readonly notice?: string;
    /** Where the notice links to (修正记录). */
    readonly link?: CellRef;
    /** Shown in red: a draft or a correction. */
    readonly alert?: boolean;
  };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Label and value pairs in a row, after `offset` blank cells (lifecycle.ts reads a value as the first filled
 * cell after its label). Where the row has room within the first printed page, a label or value that one
 * cell would wrap spans as many as it needs (merged, up to three), so that words and dates print on one line;
 * where it is too narrow for that, pairs take a cell each and the pairs that do not fit share the row's last cell.
 */
function pairsRow(
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
 * Rows 2 and 3: which period, its state and version; then when it is published and when its 公示期 ends —
 * two rows, so that each label and value prints whole within the first page.
 */
function statusRows(
  evaluation: Evaluation,
  options: ResultSheetOptions,
  status: string,
  alert: boolean,
  widths: readonly number[],
  offset: number,
) {
  const pub = evaluation.publication;
  return [
    pairsRow(
      widths,
      [
        ["考评期间", text(periodLabel(evaluation.period))],
        ["状态", text(status, { bold: true, fontColor: alert ? "#9C0006" : "#006100" })],
        ["版本", text(options.state?.version ?? `第 ${options.version ?? 1} 版`)],
      ],
      2,
      offset,
    ),
    pairsRow(
      widths,
      [
        ["发布日期", text(pub?.published ?? "未定")],
        ["公示期截止", text(pub ? pub.end : "未定", pub?.warning ? { fontColor: "#9C0006", note: pub.warning } : {})],
      ],
      3,
      offset,
    ),
  ];
}

/** Row 4: what the reader must know before the table (a correction, a draft, a warning, the problems), and when it was made. */
function noticesCell(evaluation: Evaluation, options: ResultSheetOptions, alert: boolean): CellSpec {
  const pub = evaluation.publication;
  const notices: string[] = [];
  if (options.state?.notice) notices.push(options.state.notice);
  if (evaluation.status === "draft") notices.push(`草稿：${evaluation.draftReasons.join("，")}。数据更正后请重新生成，草稿不可发布。`);
  if (pub?.warning) notices.push(pub.warning);
  const errors = evaluation.problems.filter((p) => p.severity === "error").length;
  const warnings = evaluation.problems.length - errors;
  if (evaluation.problems.length) notices.push(`数据校验：${errors} 个错误，${warnings} 个提醒，详见“${SHEETS.validation}”表。`);
  // Here rather than among the status pairs, which must fit the first printed page; the footer prints it on every page.
  notices.push(`生成时间：${options.generated}`);
  return text(notices.join(" "), { fontColor: alert || pub?.warning ? "#9C0006" : "#595959", link: options.state?.link, wrap: true });
}

/** Below the table: what its fills mean and how ties are broken, after `offset` blank cells. */
function legendRows(offset: number): (CellSpec | null)[][] {
  const keyBlank = Array<null>(offset).fill(null);
  const rule = "名次按总分从高到低；总分相同（精确到 0.01 分）按人工接通率从高到低；仍相同者并列，下一名次顺延（如 1、2、2、4）。";
  return [
    [...keyBlank, text("图例", { bold: true })],
    ...(["resolved", "shared", "unranked"] as const).map((key) => [
      ...keyBlank,
      { value: null, fill: FILLS[key].color },
      text(FILLS[key].label),
    ]),
    [...keyBlank, text(rule, { fontColor: "#595959", wrap: true })],
  ];
}

/** The period's result sheet. */
export function describeResultSheet(evaluation: Evaluation, options: ResultSheetOptions): SheetSpec {
  const columns = resultColumns(evaluation);
  const width = columns.length;
  const name = options.name ?? resultSheetName(evaluation);
  const status = options.state?.label ?? STATUS_LABELS[evaluation.status];
  const alert = options.state ? options.state.alert === true : evaluation.status !== "final";
  const rows: (CellSpec | null)[][] = [];
  const pad = (cells: (CellSpec | null)[]) => [...cells, ...Array(Math.max(0, width - cells.length)).fill(null)];

  // A table wider than a page: title, status, notices and legend start after the key columns, which
  // repeat on its second printed page, where anything else in them would show as a clipped piece.
  const widths = columns.map((c) => c.width);
  const pageColumns = columnsOnFirstPage(widths, DETAILED_TABLE_MARGINS);
  const offset = width > pageColumns ? KEY_COLUMNS : 0;
  const keyBlank = Array<null>(offset).fill(null);
  rows.push(pad([...keyBlank, text(`${TITLE}（${periodLabel(evaluation.period)}）`, { bold: true, fontSize: 14, wrap: true })]));
  const statusBlock = statusRows(evaluation, options, status, alert, widths, offset);
  for (const r of statusBlock) rows.push(pad(r.cells));
  rows.push(pad([...keyBlank, noticesCell(evaluation, options, alert)]));
  // Left empty: a superseded version's mark goes here (plan.ts).
  rows.push(pad([]));
  rows.push(columns.map((c) => header(c.header)));
  for (const row of evaluation.rows) {
    const fill = rowFill(row);
    rows.push(columns.map((c) => withFill(c.cell(row), fill)));
  }
  rows.push(pad([]));
  const legendStart = rows.length + 1;
  rows.push(...legendRows(offset).map(pad));

  const firstData = HEADER_ROW + 1;
  const lastData = HEADER_ROW + evaluation.rows.length;
  const totalCol = columns.findIndex((c) => c.header === "总分") + 1;
  const rankedCount = evaluation.rows.filter((r) => r.total !== null).length;
  const first = columnLetters(offset + 1);
  const pageEnd = columnLetters(pageColumns);
  const legendLabel = columnLetters(offset + 2);
  const legendEnd = columnLetters(Math.min(width, offset + 8));
  return {
    name,
    role: "result",
    period: periodKeyOf(evaluation),
    rows,
    columnWidths: widths,
    freeze: { rows: HEADER_ROW, columns: 2 },
    merges: [
      `${first}1:${pageEnd}1`,
      ...statusBlock.flatMap((r) => r.merges),
      `${first}${NOTICES_ROW}:${pageEnd}${NOTICES_ROW}`,
      ...[1, 2, 3].map((i) => `${legendLabel}${legendStart + i}:${legendEnd}${legendStart + i}`),
      `${first}${legendStart + 4}:${pageEnd}${legendStart + 4}`,
    ],
    headerRow: HEADER_ROW,
    print: detailedTablePrint(HEADER_ROW, options.generated, KEY_COLUMNS),
    font: BODY_FONT,
    borders: [`A${HEADER_ROW}:${columnLetters(width)}${lastData}`],
    rowHeights: wrappedHeights(
      rows,
      widths,
      new Set([1, NOTICES_ROW, legendStart + 4]),
      statusBlock.flatMap((r) => r.merges),
    ),
    tabColor: evaluation.status === "final" ? "#1F4E79" : "#C00000",
    chart:
      rankedCount > 0
        ? {
            title: `${periodLabel(evaluation.period)} 总分`,
            categories: `B${firstData}:B${lastData}`,
            values: `${columnLetters(totalCol)}${firstData}:${columnLetters(totalCol)}${lastData}`,
            anchor: `${columnLetters(width + 2)}${HEADER_ROW}`,
          }
        : undefined,
  };
}

/** The column letter of a month result sheet's column, by header ("A1 工单数量 得分" → "C"). */
export function monthResultColumn(header: string): string {
  const columns = resultColumns({ period: { kind: "month", year: 2000, month: 1 }, rules: null, rows: [] });
  return columnLetters(columns.findIndex((c) => c.header === header) + 1);
}

export function periodKeyOf(evaluation: Pick<Evaluation, "period">): string {
  const p = evaluation.period;
  return p.kind === "month"
    ? `${p.year}-${String(p.month).padStart(2, "0")}`
    : p.kind === "quarter"
      ? `${p.year}-Q${p.quarter}`
      : String(p.year);
}

const VALIDATION_HEADERS = ["序号", "级别", "工作表", "单元格", "问题", "处理办法"];
const VALIDATION_WIDTHS = [6, 7, 14, 10, 60, 40];

/** The 数据校验 sheet: every problem, with a link to its cell. */
export function describeValidationSheet(evaluation: Evaluation, generated: string): SheetSpec {
  const rows: (CellSpec | null)[][] = [];
  const width = VALIDATION_HEADERS.length;
  const pad = (cells: (CellSpec | null)[]) => [...cells, ...Array(Math.max(0, width - cells.length)).fill(null)];
  const errors = evaluation.problems.filter((p) => p.severity === "error").length;
  rows.push(pad([text(`数据校验（${periodLabel(evaluation.period)}，生成于 ${generated}）`, { bold: true, fontSize: 13, wrap: true })]));
  rows.push(
    pad([
      text(
        evaluation.problems.length
          ? `共 ${evaluation.problems.length} 条：错误 ${errors} 条（相关单位不参与排名），提醒 ${evaluation.problems.length - errors} 条。点击单元格地址可跳转。`
          : "未发现问题。",
        { wrap: true },
      ),
    ]),
  );
  rows.push(VALIDATION_HEADERS.map(header));
  const sorted = [...evaluation.problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  sorted.forEach((p, i) => rows.push(problemRow(p, i + 1)));
  return {
    name: SHEETS.validation,
    role: "validation",
    period: periodKeyOf(evaluation),
    rows,
    columnWidths: VALIDATION_WIDTHS,
    freeze: { rows: 3 },
    merges: ["A1:F1", "A2:F2"],
    headerRow: 3,
    // A4 landscape one page wide (the widths, 137 characters, fit at 100 %), the header row on every page.
    print: listPrint(3, generated),
    font: BODY_FONT,
    borders: [`A3:F${rows.length}`],
    rowHeights: wrappedHeights(rows, VALIDATION_WIDTHS, new Set([1, 2])),
  };
}

function problemRow(p: Problem, n: number): (CellSpec | null)[] {
  const fill = p.severity === "error" ? FILLS.error.color : FILLS.warning.color;
  const hasCell = !!p.at?.cell;
  return [
    num(n, "0"),
    text(p.severity === "error" ? "错误" : "提醒", { fill, align: "center" }),
    text(p.at?.sheet ?? "", { wrap: true }),
    hasCell ? text(p.at!.cell, { link: p.at, fontColor: "#0563C1", align: "left" }) : text(""),
    text(p.message, { wrap: true }),
    text(p.action, { wrap: true }),
  ];
}
