// The 公示表 (issue 11): the compact table a 通报 prints, beside the period's detailed result sheet —
// 名次, 单位, the three group subtotals (业务受理 A1–A4, 业务办理 B1–B5, 运行管理 C1–C2; catalogue.ts), 基本分, 加分, 减分,
// 总分, 人工接通率, 备注 — on one A4 page. Its rows, ties, 不合格 marks and fills are the detailed sheet's
// (the same columns of resultColumns), so the two never disagree.

import { Evaluation, INDICATOR_GROUPS, ResultRow, columnLetters, groupSpan, groupSubtotal, periodLabel } from "../engine";
import { FILLS, PUBLICATION_SHEET_SUFFIX } from "./layout";
import { BODY_FONT, onePagePrint, wrappedHeights } from "./print-style";
import { RESULT_HEADERS, resultColumns } from "./result-layout";
import { TITLE, periodKeyOf, resultSheetName, rowFill } from "./result-sheets";
import { CellSpec, SheetSpec } from "./sheet-spec";

export function publicationSheetName(evaluation: Pick<Evaluation, "period">): string {
  return `${periodLabel(evaluation.period)} ${PUBLICATION_SHEET_SUFFIX}`;
}

const HEADER_ROW = 3;

/**
 * The detailed sheet's columns the 公示表 keeps, with its own widths: portrait A4 within narrow margins
 * holds 552 points, 105 characters of 7 pixels; the columns take them all (排名变化 included: 基本分 one
 * narrower, 备注 two, figures still whole and the page not shrunk below 9 pt; test/print.heavy.test.ts).
 */
const H = RESULT_HEADERS;
const KEPT: Readonly<Record<string, number>> = {
  [H.rank]: 6,
  [H.unit]: 10,
  [H.base]: 6,
  [H.periodBase]: 6,
  [H.bonus]: 6,
  [H.deduction]: 6,
  [H.annualBonus]: 6,
  [H.annualDeduction]: 6,
  [H.total]: 7,
  [H.connectRate]: 8,
  [H.periodConnectRate]: 9,
  [H.rankChange]: 5,
  [H.note]: 24,
};

export interface PublicationColumn {
  readonly header: string;
  readonly width: number;
  readonly cell: (row: ResultRow) => CellSpec;
}

/** The 公示表's columns; the 通报's ranking table has the same (notice.ts). */
export function publicationColumns(evaluation: Evaluation): PublicationColumn[] {
  const detailed = resultColumns(evaluation).filter((c) => c.header in KEPT);
  const groups: PublicationColumn[] = INDICATOR_GROUPS.map((group) => ({
    header: `${group}\n${groupSpan(group)}`,
    width: 9,
    cell: (row) => ({ value: groupSubtotal(row.scores, group), numberFormat: "0.00", align: "right" }),
  }));
  const kept = detailed.map((c) => ({ header: c.header, width: KEPT[c.header], cell: c.cell }));
  return [...kept.slice(0, 2), ...groups, ...kept.slice(2)];
}

export interface PublicationOptions {
  /** "YYYY-MM-DD HH:mm", as the result sheet's. */
  readonly generated: string;
  readonly name?: string;
  /** The state and version the result sheet shows (公示中, 第 1 版 …). */
  readonly state?: { readonly label: string; readonly version: string };
  /** The detailed sheet's name, for the note under the table. */
  readonly resultSheet?: string;
}

/** The period's 公示表. */
export function describePublicationSheet(evaluation: Evaluation, options: PublicationOptions): SheetSpec {
  const cols = publicationColumns(evaluation);
  const width = cols.length;
  const last = columnLetters(width);
  const pad = (cells: (CellSpec | null)[]) => [...cells, ...Array(Math.max(0, width - cells.length)).fill(null)];
  const text = (value: string, extra: Partial<CellSpec> = {}): CellSpec => ({ value, numberFormat: "@", wrap: true, ...extra });
  const pub = evaluation.publication;
  const facts = [
    `考评期间：${periodLabel(evaluation.period)}`,
    options.state ? `状态：${options.state.label}` : undefined,
    `发布日期：${pub?.published ?? "未定"}`,
    `公示期截止：${pub ? pub.end : "未定"}`,
    options.state ? `版本：${options.state.version}` : undefined,
  ].filter(Boolean);
  const header = (value: string): CellSpec => text(value, { bold: true, fill: FILLS.header.color, fontColor: "#FFFFFF", align: "center" });
  const rows: (CellSpec | null)[][] = [
    pad([text(`${TITLE}公示表（${periodLabel(evaluation.period)}）`, { bold: true, fontSize: 14, align: "center" })]),
    pad([text(facts.join("　"), { fontColor: "#595959" })]),
    cols.map((c) => header(c.header)),
  ];
  for (const row of evaluation.rows) {
    const fill = rowFill(row);
    rows.push(cols.map((c) => ({ ...c.cell(row), ...(fill ? { fill } : {}) })));
  }
  const detail = options.resultSheet ?? resultSheetName(evaluation);
  rows.push(
    pad([
      text(
        `注：名次按总分从高到低，总分相同按人工接通率，仍相同者并列；标色行为同分或不参与排名的单位（${FILLS.unranked.label}）。` +
          `各指标得分见“${detail}”表。`,
        { fontColor: "#595959" },
      ),
    ]),
  );
  const lastData = HEADER_ROW + evaluation.rows.length;
  const notes = lastData + 1;
  const widths = cols.map((c) => c.width);
  return {
    name: options.name ?? publicationSheetName(evaluation),
    role: "publication",
    period: periodKeyOf(evaluation),
    rows,
    columnWidths: widths,
    freeze: { rows: HEADER_ROW, columns: 2 },
    merges: [`A1:${last}1`, `A2:${last}2`, `A${notes}:${last}${notes}`],
    print: { ...onePagePrint("portrait", options.generated), printTitleRows: `${HEADER_ROW}:${HEADER_ROW}` },
    font: BODY_FONT,
    borders: [`A${HEADER_ROW}:${last}${lastData}`],
    rowHeights: wrappedHeights(rows, widths, new Set([1, 2, notes])),
    tabColor: evaluation.status === "final" ? "#1F4E79" : "#C00000",
  };
}
