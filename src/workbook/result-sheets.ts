// What the published result looks like (spec §6), as data: the period's result sheet (its layout, columns
// and read-back are result-layout.ts), the 数据校验 sheet (修正记录 is corrections.ts).

import { STATUS_LABELS, Evaluation, ResultRow, periodLabel, Problem, CellRef, columnLetters } from "../engine";
import { FILLS, RESULT_SHEET_SUFFIX, SHEETS, headerCell as header, textCell as text } from "./layout";
import { CellSpec, SheetSpec } from "./sheet-spec";
import { BODY_FONT, DETAILED_TABLE_MARGINS, columnsOnFirstPage, detailedTablePrint, listPrint, wrappedHeights } from "./print-style";
import {
  KEY_COLUMNS,
  RESULT_FACTS,
  RESULT_HEADERS,
  RESULT_ROWS,
  ResultTable,
  numberCell as num,
  pairsRow,
  renderResultTable,
} from "./result-layout";

export const TITLE = "河南省12328交通运输服务监督电话系统运行服务质量考评结果";

export function resultSheetName(evaluation: Pick<Evaluation, "period">): string {
  return `${periodLabel(evaluation.period)} ${RESULT_SHEET_SUFFIX}`;
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
  /** The table as rendered already (a correction compares it with the earlier version); rendered here without it. */
  readonly table?: ResultTable;
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
        [RESULT_FACTS.period, text(periodLabel(evaluation.period))],
        [RESULT_FACTS.state, text(status, { bold: true, fontColor: alert ? "#9C0006" : "#006100" })],
        [RESULT_FACTS.version, text(options.state?.version ?? `第 ${options.version ?? 1} 版`)],
      ],
      RESULT_ROWS.facts[0],
      offset,
    ),
    pairsRow(
      widths,
      [
        [RESULT_FACTS.published, text(pub?.published ?? "未定")],
        [RESULT_FACTS.publicityEnd, text(pub ? pub.end : "未定", pub?.warning ? { fontColor: "#9C0006", note: pub.warning } : {})],
      ],
      RESULT_ROWS.facts[1],
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
  const table = options.table ?? renderResultTable(evaluation);
  const columns = table.columns;
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
  for (const { row, cells } of table.rows) {
    const fill = rowFill(row);
    rows.push(cells.map((cell) => withFill(cell, fill)));
  }
  rows.push(pad([]));
  const legendStart = rows.length + 1;
  rows.push(...legendRows(offset).map(pad));

  const firstData = RESULT_ROWS.header + 1;
  const lastData = RESULT_ROWS.header + evaluation.rows.length;
  const totalCol = columns.findIndex((c) => c.header === RESULT_HEADERS.total) + 1;
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
    freeze: { rows: RESULT_ROWS.header, columns: KEY_COLUMNS },
    merges: [
      `${first}1:${pageEnd}1`,
      ...statusBlock.flatMap((r) => r.merges),
      `${first}${RESULT_ROWS.notices}:${pageEnd}${RESULT_ROWS.notices}`,
      ...[1, 2, 3].map((i) => `${legendLabel}${legendStart + i}:${legendEnd}${legendStart + i}`),
      `${first}${legendStart + 4}:${pageEnd}${legendStart + 4}`,
    ],
    headerRow: RESULT_ROWS.header,
    print: detailedTablePrint(RESULT_ROWS.header, options.generated, KEY_COLUMNS),
    font: BODY_FONT,
    borders: [`A${RESULT_ROWS.header}:${columnLetters(width)}${lastData}`],
    rowHeights: wrappedHeights(
      rows,
      widths,
      new Set([RESULT_ROWS.title, RESULT_ROWS.notices, legendStart + 4]),
      statusBlock.flatMap((r) => r.merges),
    ),
    tabColor: evaluation.status === "final" ? "#1F4E79" : "#C00000",
    chart:
      rankedCount > 0
        ? {
            title: `${periodLabel(evaluation.period)} 总分`,
            categories: `B${firstData}:B${lastData}`,
            values: `${columnLetters(totalCol)}${firstData}:${columnLetters(totalCol)}${lastData}`,
            anchor: `${columnLetters(width + 2)}${RESULT_ROWS.header}`,
          }
        : undefined,
  };
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
