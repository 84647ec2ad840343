// The 通报草稿 as a Word document, laid out after GB/T 9704-2012 党政机关公文格式: A4, 版心 156 × 225 mm
// (天头 37 mm, 订口 28 mm), 22 lines of 28 characters, body 仿宋 3号 (16 pt), title 小标宋 2号 (22 pt),
// first-level headings 黑体 3号, page numbers 4号 "— 1 —" below the 版心, right on odd pages and left
// on even ones. Built with the docx package; the text comes from the workbook layer (notice.ts).

import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HighlightColor,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import { NoticeDocument } from "../../workbook";

/** Millimetres as twips (1/20 pt): the unit of page sizes and margins. */
const mm = (value: number) => Math.round((value * 1440) / 25.4);

/**
 * The fonts GB/T 9704 names, as Windows and WPS install them. Where a font is missing, Word and WPS
 * substitute a Chinese face of the same kind and LibreOffice its own replacement (fontconfig): the
 * document names the standard's fonts and leaves the fallback to the host.
 */
export const NOTICE_FONTS = {
  title: "方正小标宋简体",
  body: "仿宋_GB2312",
  heading: "黑体",
  latin: "Times New Roman",
  pageNumber: "宋体",
} as const;

/** Sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小五 9 pt. */
const SIZE = { title: 44, body: 32, pageNumber: 28, table: 18 } as const;

/** 225 mm ÷ 22 lines: the fixed line pitch of the body, in twips (28.95 pt). */
const LINE = Math.round(mm(225) / 22);

const font = (eastAsia: string) => ({ eastAsia, ascii: NOTICE_FONTS.latin, hAnsi: NOTICE_FONTS.latin });

const body = (text: string, extra: { bold?: boolean; highlight?: boolean } = {}) =>
  new TextRun({
    text,
    font: font(NOTICE_FONTS.body),
    size: SIZE.body,
    bold: extra.bold,
    ...(extra.highlight ? { highlight: HighlightColor.YELLOW } : {}),
  });

/** A body paragraph: first line indented two characters, fixed line pitch. */
const paragraph = (runs: TextRun[], indent = true) =>
  new Paragraph({
    children: runs,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    indent: indent ? { firstLine: SIZE.body * 20 } : undefined,
    alignment: AlignmentType.JUSTIFIED,
  });

function pageNumberFooter(alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): Footer {
  const run = (children: (string | (typeof PageNumber)[keyof typeof PageNumber])[]) =>
    new TextRun({ children, font: font(NOTICE_FONTS.pageNumber), size: SIZE.pageNumber });
  return new Footer({
    children: [
      new Paragraph({
        alignment,
        indent: alignment === AlignmentType.RIGHT ? { right: SIZE.pageNumber * 20 } : { left: SIZE.pageNumber * 20 },
        children: [run(["— ", PageNumber.CURRENT, " —"])],
      }),
    ],
  });
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: "000000" };

function table(headers: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[]): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const textWidth = mm(156);
  const columnWidths = widths.map((w) => Math.floor((w / total) * textWidth));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: columnWidths[i], type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 30, right: 30, top: 20, bottom: 20 },
      children: [
        new Paragraph({
          alignment: i === headers.length - 1 && !header ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: [new TextRun({ text, font: font(header ? NOTICE_FONTS.heading : NOTICE_FONTS.body), size: SIZE.table })],
        }),
      ],
    });
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths,
    borders: { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, i, false)) })),
    ],
  });
}

/** The document's parts in order. */
function content(notice: NoticeDocument): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  if (notice.draft) out.push(paragraph([body("【草稿：本期结果尚有待核数据，不可印发】", { bold: true, highlight: true })], false));
  // Title: 2号小标宋, centred, one empty line below (GB/T 9704 7.3.3).
  out.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: Math.round(LINE * 1.2), lineRule: LineRuleType.EXACT, after: LINE },
      children: [new TextRun({ text: notice.title, font: font(NOTICE_FONTS.title), size: SIZE.title })],
    }),
  );
  out.push(paragraph([body(notice.addressees)], false));
  for (const block of notice.blocks) {
    if (block.kind === "heading")
      out.push(paragraph([new TextRun({ text: block.text, font: font(NOTICE_FONTS.heading), size: SIZE.body })]));
    else if (block.kind === "paragraph") out.push(paragraph([body(block.text)]));
    else if (block.kind === "placeholder") out.push(paragraph([body(`【${block.text}】`, { highlight: true })]));
    else out.push(table(block.headers, block.rows, block.widths));
  }
  // Signature and date: right-aligned, four characters from the right margin (GB/T 9704 7.3.5).
  const right = (runs: TextRun[]) =>
    new Paragraph({
      children: runs,
      alignment: AlignmentType.RIGHT,
      indent: { right: SIZE.body * 20 * 2 },
      spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    });
  out.push(paragraph([body("")], false));
  out.push(right([notice.signature.issuer ? body(notice.signature.issuer) : body("【发文机关署名】", { highlight: true })]));
  out.push(right([notice.signature.date ? body(notice.signature.date) : body("【成文日期】", { highlight: true })]));
  return out;
}

/** The 通报草稿 as the bytes of a .docx file. */
export async function noticeDocx(notice: NoticeDocument): Promise<Uint8Array> {
  const document = new Document({
    creator: "kp12328",
    title: notice.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(NOTICE_FONTS.body), size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(23) },
          },
        },
        footers: { default: pageNumberFooter(AlignmentType.RIGHT), even: pageNumberFooter(AlignmentType.LEFT) },
        children: content(notice),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
