// The 通报草稿 as data (spec §11): title, addressees, the summary, the ranking table with the 公示表's
// columns, 红黑榜, the bottom units' 失分分析, the 公示期 and marked places for what only a person writes.
// The docx adapter lays it out after GB/T 9704; nothing here knows about Word.

import { Evaluation, PUBLICITY_WORKING_DAYS, lossesOf, periodLabel } from "../engine";
import { NoticeFacts } from "./notice-facts";
import { listParagraphs, lossParagraph, summaryParagraph, tight } from "./notice-text";
import { publicationColumns } from "./publication-table";
import { RESULT_HEADERS } from "./result-layout";
import { CellSpec } from "./sheet-spec";

export type NoticeBlock =
  | { readonly kind: "heading"; readonly text: string }
  | { readonly kind: "paragraph"; readonly text: string }
  /** A place only a person can fill: shown highlighted, in 【】. */
  | { readonly kind: "placeholder"; readonly text: string }
  | {
      readonly kind: "table";
      readonly headers: readonly string[];
      readonly rows: readonly (readonly string[])[];
      readonly widths: readonly number[];
    };

export interface NoticeDocument {
  readonly title: string;
  /** 主送机关. */
  readonly addressees: string;
  readonly blocks: readonly NoticeBlock[];
  /** 发文机关署名 and 成文日期: placeholders unless known. */
  readonly signature: { readonly issuer: string | null; readonly date: string | null };
  /** 草稿: the result is not publishable yet; the document says so at the top. */
  readonly draft: boolean;
}

/**
 * The ranking table's widths in the notice (relative; the adapter fits them to the 156 mm 版心): figures
 * at 9 pt need less than the 公示表's cells, but 不合格 and a five-character name (济源示范区) fit on one line;
 * 备注 takes the rest; the group subtotals take 5.5.
 */
const H = RESULT_HEADERS;
const NOTICE_WIDTHS: Readonly<Record<string, number>> = {
  [H.rank]: 5.5,
  [H.unit]: 8.5,
  [H.base]: 5,
  [H.periodBase]: 5,
  [H.bonus]: 4.5,
  [H.deduction]: 4.5,
  [H.annualBonus]: 4.5,
  [H.annualDeduction]: 4.5,
  [H.total]: 5.5,
  [H.connectRate]: 6.5,
  [H.periodConnectRate]: 6.5,
  [H.rankChange]: 4.5,
  [H.note]: 13,
};

/** How a 公示表 cell reads as text in the notice's table. */
export function cellText(cell: CellSpec): string {
  const v = cell.value;
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "number") {
    if (cell.numberFormat === "0.00%") return `${(Math.round(v * 10000) / 100).toFixed(2)}%`;
    if (cell.numberFormat === "0.00") return (Math.round(v * 100) / 100).toFixed(2);
    return String(v);
  }
  return String(v);
}

/** A date YYYY-MM-DD as 2026年11月5日. */
export function chineseDate(iso: string): string {
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

/** The 通报草稿 of a period's result. */
export function describeNotice(evaluation: Evaluation, facts: NoticeFacts): NoticeDocument {
  const label = periodLabel(evaluation.period);
  const blocks: NoticeBlock[] = [];
  blocks.push({
    kind: "paragraph",
    text:
      `根据《河南省12328交通运输服务监督电话系统运行服务质量考评办法（暂行）》（豫交文〔2019〕80号），` +
      `省12328中心对${label}各单位12328电话系统运行服务质量进行了考评。现将考评结果通报如下：`,
  });
  blocks.push({ kind: "heading", text: "一、总体情况" });
  blocks.push({ kind: "paragraph", text: summaryParagraph(evaluation) });

  blocks.push({ kind: "heading", text: "二、考评结果" });
  const previous = facts.previous ? `与上期（${periodLabel(facts.previous.period)}）相比` : "本期无上期结果可比";
  blocks.push({ kind: "paragraph", text: `各单位得分及名次见下表（排名变化${previous}）。` });
  // The 公示表's columns, 排名变化 among them; a header's second line (A1–A4) is left to the table's width.
  const columns = publicationColumns({ ...evaluation, rankChanges: facts.rankChanges });
  const headers = columns.map((c) => c.header.replace(/\n.*/, ""));
  const rows = evaluation.rows.map((row) => columns.map((c) => cellText(c.cell(row))));
  const widths = columns.map((c) => NOTICE_WIDTHS[headers[columns.indexOf(c)]] ?? 5.5);
  blocks.push({ kind: "table", headers, rows, widths });

  blocks.push({ kind: "heading", text: "三、红黑榜及末位警示" });
  for (const text of listParagraphs(facts)) blocks.push({ kind: "paragraph", text });

  blocks.push({ kind: "heading", text: "四、失分情况" });
  const bottom = facts.black.rows;
  const disqualified = evaluation.rows.filter((r) => r.result === "disqualified");
  if (!bottom.length && !disqualified.length) blocks.push({ kind: "paragraph", text: "本期无需分析的单位。" });
  else blocks.push({ kind: "paragraph", text: "黑榜单位的主要失分情况如下：" });
  for (const row of bottom) {
    if (evaluation.rules && row.base !== null)
      blocks.push({ kind: "paragraph", text: lossParagraph(row, lossesOf(row, evaluation.rules)) });
  }

  blocks.push({ kind: "heading", text: "五、存在问题及工作要求" });
  blocks.push({ kind: "placeholder", text: "此处由起草人填写本期存在的主要问题，以及对各单位的工作要求" });

  blocks.push({ kind: "heading", text: "六、公示" });
  const pub = evaluation.publication;
  blocks.push(
    pub
      ? {
          kind: "paragraph",
          text:
            `考评结果自${chineseDate(pub.published)}起公示 ${PUBLICITY_WORKING_DAYS} 个工作日，至${chineseDate(pub.end)}止。` +
            `对考评结果有异议的，请于公示期内向省12328中心提出。`,
        }
      : { kind: "placeholder", text: "发布日期未定：确定发布日期后重新生成，此处写明公示期起止日期" },
  );
  const tightened = blocks.map((b) => (b.kind === "paragraph" ? { ...b, text: tight(b.text) } : b));
  return {
    title: `关于${label}全省12328电话系统运行服务质量考评情况的通报`,
    addressees: "各省辖市、济源示范区、省直管县（市）12328电话系统运行服务中心：",
    blocks: tightened,
    signature: { issuer: null, date: pub ? chineseDate(pub.published) : null },
    draft: evaluation.status === "draft",
  };
}
