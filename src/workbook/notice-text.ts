// The 通报's sentences, written from the result (spec §11): the summary of the period, the 红黑榜 and
// 末位警示, and each bottom unit's 失分分析 — what a clerk used to work out again by hand.

import {
  Evaluation,
  IndicatorLoss,
  Losses,
  ResultRow,
  decimalOf,
  distinctPercent,
  formatTotal,
  indicatorDef,
  monthLabel,
  periodLabel,
  HonourList,
} from "../engine";
import { NoticeFacts } from "./notice-facts";

/**
 * A sentence as a 公文 prints it: no space between Chinese and figures (the sheets' notes have them; a
 * justified line would stretch them).
 */
export function tight(text: string): string {
  return text.replace(/ (?=[\u3000-\u9fff\uff00-\uffef])|(?<=[\u3000-\u9fff\uff00-\uffef]) /g, "");
}

const points = (value: number | null) => `${formatTotal(value)} 分`;
const percent = (value: number) => distinctPercent(decimalOf(value), []);

/** A count as written in a sentence: whole numbers plain, 2.5 as 2.5. */
const count = (value: number) => (Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100));

/** The value of a loss as a clerk writes it: "66.67%（8/12）", "18.5 秒", "一般问题 2 个、严重问题 1 个". */
export function lossValueText(loss: IndicatorLoss): string {
  if (loss.zeroDenominator) return "分母为 0";
  switch (loss.kind) {
    case "rate":
      if (loss.value === null) return "—";
      return loss.numerator !== null && loss.denominator !== null
        ? `${percent(loss.value)}（${count(loss.numerator)}/${count(loss.denominator)}）`
        : percent(loss.value);
    case "count":
      return loss.value === null
        ? "—"
        : `${count(loss.value)} 件${loss.denominator !== null ? `（同类中位数 ${count(loss.denominator)} 件）` : ""}`;
    case "seconds":
      return loss.value === null ? "—" : `${count(loss.value)} 秒`;
    case "findings":
      return loss.findings ? `一般问题 ${loss.findings.minor} 个、严重问题 ${loss.findings.major} 个` : "—";
  }
}

/** Where full points begin, in words: "满分线 95.00%", "不超过 15 秒", "无问题", "达到同类中位数". */
export function fullPointsText(loss: IndicatorLoss): string {
  if (loss.fullAt === null) return "";
  switch (loss.kind) {
    case "rate":
      return `满分线 ${percent(loss.fullAt)}`;
    case "count":
      return "满分线为同类中位数";
    case "seconds":
      return `满分线 ${count(loss.fullAt)} 秒以内`;
    case "findings":
      return "满分须无问题";
  }
}

/** "限时办结率 66.67%（8/12），得 0.00 分，失 10.00 分（满分线 100.00%）". */
export function lossSentence(loss: IndicatorLoss): string {
  const full = fullPointsText(loss);
  const what = `${indicatorDef(loss.indicator).label} ${lossValueText(loss)}`;
  return `${what}，得 ${points(loss.score)}，失 ${points(loss.lost)}${full ? `（${full}）` : ""}`;
}

/** How many indicators a notice names per unit; the rest are summed in one clause. */
export const NOTICE_LOSSES_NAMED = 5;

/** A row's 失分分析 as one paragraph: the indicators most lost first, then the deduction and its cap. */
export function lossParagraph(row: ResultRow, losses: Losses, named = NOTICE_LOSSES_NAMED): string {
  const place = row.rank !== null ? `第 ${row.rank} 名` : "不合格";
  const head = `${row.unit.name}（${place}，总分 ${points(row.total)}）`;
  const parts = losses.indicators.slice(0, named).map(lossSentence);
  const rest = losses.indicators.slice(named);
  if (rest.length) parts.push(`其余 ${rest.length} 项指标共失 ${points(rest.reduce((sum, l) => sum + Math.round(l.lost * 100), 0) / 100)}`);
  const { deduction, bonus } = losses;
  if (deduction.points > 0) {
    const cap = deduction.capped ? `（合计 ${points(deduction.beforeCap)}，按上限 ${points(deduction.cap)} 计）` : "";
    parts.push(`批评曝光减 ${points(deduction.points)}${cap}`);
  }
  if (bonus.points > 0) parts.push(`荣誉奖励加 ${points(bonus.points)}${bonus.capped ? `（按上限 ${points(bonus.cap)} 计）` : ""}`);
  for (const m of losses.disqualifiedMonths) parts.push(`${monthLabel(m)}不合格，按 0 分计入`);
  if (!parts.length) return `${head}：各项指标均得满分。`;
  return `${head}：${parts.join("；")}。`;
}

/** The summary paragraph: units evaluated, average, highest and lowest, tie-breaks, 不合格. */
export function summaryParagraph(evaluation: Evaluation): string {
  const rows = evaluation.rows;
  const ranked = rows.filter((r) => r.rank !== null && r.total !== null);
  const parts = [`${periodLabel(evaluation.period)}，全省共 ${rows.length} 个单位参加考评`];
  if (ranked.length < rows.length) parts[0] += `，其中 ${ranked.length} 个单位参与排名`;
  if (ranked.length) {
    const cents = ranked.map((r) => Math.round(r.total! * 100));
    const mean = Math.round(cents.reduce((a, b) => a + b, 0) / cents.length);
    const top = ranked.filter((r) => r.rank === ranked[0].rank);
    const lowest = ranked.filter((r) => r.total === ranked[ranked.length - 1].total);
    parts.push(`平均得分 ${points(mean / 100)}`);
    parts.push(`最高 ${points(top[0].total)}（${top.map((r) => r.unit.name).join("、")}）`);
    parts.push(`最低 ${points(lowest[0].total)}（${lowest.map((r) => r.unit.name).join("、")}）`);
    parts.push(`最高与最低相差 ${points((cents[0] - cents[cents.length - 1]) / 100)}`);
  }
  const sentences = [parts.join("，") + "。"];
  const resolved = ranked.filter((r) => r.tieBreak === "resolved");
  if (resolved.length) sentences.push(`${resolved.map((r) => r.unit.name).join("、")} 总分相同，按人工接通率确定名次。`);
  const shared = ranked.filter((r) => r.tieBreak === "shared");
  if (shared.length) sentences.push(`${shared.map((r) => r.unit.name).join("、")} 总分和人工接通率均相同，名次并列。`);
  const disqualified = rows.filter((r) => r.result === "disqualified");
  if (disqualified.length) sentences.push(`${disqualified.map((r) => r.unit.name).join("、")} 经核查存在弄虚作假，本期考评结果为不合格。`);
  const unranked = rows.filter((r) => r.result === "pending" || r.result === "missing");
  if (unranked.length) sentences.push(`${unranked.map((r) => r.unit.name).join("、")} 数据待核或缺报，暂不排名。`);
  return sentences.join("");
}

function listText(list: HonourList): string {
  if (!list.rows.length) return "无";
  return `${list.rows.map((r) => r.unit.name).join("、")}${list.tiedAtCut ? "（含并列，不分先后）" : ""}`;
}

/** 红榜, 黑榜 and 末位警示 as sentences. */
export function listParagraphs(facts: NoticeFacts): string[] {
  const { rules } = facts;
  const out = [];
  if (rules.redList > 0) out.push(`红榜（前 ${rules.redList} 名）：${listText(facts.red)}。`);
  if (rules.blackList > 0) out.push(`黑榜（后 ${rules.blackList} 名）：${listText(facts.black)}。`);
  if (rules.warningMonths > 0) {
    out.push(
      facts.warnings.length
        ? facts.warnings
            .map((w) => `${w.unitName} 连续 ${w.months.length} 个月（${w.months.map(monthLabel).join("、")}）排名末位，予以末位警示。`)
            .join("")
        : `本期无连续 ${rules.warningMonths} 个月排名末位的单位。`,
    );
  }
  return out;
}
