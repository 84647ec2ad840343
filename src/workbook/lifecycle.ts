// The publication lifecycle of a period's result (spec §6 "Publication lifecycle"): its states, when a
// publication date may be given, and what a generation is to a result already in the workbook.
//
// 草稿 (draft: problems block it, never publishable) → 待发布 (complete, no publication date yet) →
// 公示中 (published; the 公示期 runs to its end date) → 正式 (the 公示期 is over, no correction) or
// 已更正 (a correction was published). Only a published result gets a version number (第 1 版, 第 2 版 …);
// drafts and unpublished results are replaced in place, and a published version is never replaced:
// the next one is written beside it and it is kept as “… vN”, marked superseded.

import { CellGrid, Period, monthsOf, monthOfKey, periodLabel } from "../engine";
import { RESULT_FACTS, headerValue } from "./result-layout";
import { ProductSheet } from "./sheet-spec";

export type LifecycleState = "draft" | "ready" | "publicity" | "final" | "corrected";

/** The states as the result sheet, the pane and the command-line tool name them. */
export const LIFECYCLE_LABELS: Readonly<Record<LifecycleState, string>> = {
  draft: "草稿",
  ready: "待发布",
  publicity: "公示中",
  final: "正式",
  corrected: "已更正",
};

/** The mark of a published version once a later one replaces it. */
export const SUPERSEDED_LABEL = "已被替代";

/**
 * JSON `status` (spec §9): `draft` and `final` keep their meaning (final: complete, publishable or
 * published and past its 公示期); `publicity` and `corrected` are the new states.
 */
export const LIFECYCLE_STATUS: Readonly<Record<LifecycleState, "draft" | "final" | "publicity" | "corrected">> = {
  draft: "draft",
  ready: "final",
  publicity: "publicity",
  final: "final",
  corrected: "corrected",
};

/** What the registry records of a result sheet's standing. */
export type StoredState = "draft" | "ready" | "published" | "superseded";

/** Whether a registry entry is a published result (an entry of an earlier release without a state counts as one: it is kept). */
export function isPublished(entry: Pick<ProductSheet, "state">): boolean {
  return entry.state === "published" || entry.state === undefined;
}

/** The state of a result: draft or not, its publication date and 公示期 end, its version, and today (YYYY-MM-DD). */
export function lifecycleState(p: {
  readonly draft: boolean;
  readonly published?: string;
  readonly end?: string;
  readonly version: number;
  readonly today?: string;
}): LifecycleState {
  if (p.draft) return "draft";
  if (!p.published) return "ready";
  if (p.version >= 2) return "corrected";
  return p.today && p.end && p.today > p.end ? "final" : "publicity";
}

/** The last day of the period, YYYY-MM-DD. */
export function periodLastDay(period: Period): string {
  const months = monthsOf(period);
  const { year, month } = monthOfKey(months[months.length - 1]);
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

export interface PublicationCheck {
  /** Why the date cannot be a publication date (one Chinese sentence); nothing is written. */
  readonly refused?: string;
  /** A date that may be right but is odd (more than a year after the period). */
  readonly warning?: string;
}

/** A publication date is after the period's last day; more than a year after it is a warning. */
export function checkPublicationDate(period: Period, published: string): PublicationCheck {
  const last = periodLastDay(period);
  if (published <= last)
    return {
      refused: `发布日期 ${published} 不晚于${periodLabel(period)}的最后一天（${last}）：考评期结束后才能发布结果，请更正发布日期`,
    };
  const [y, m, d] = last.split("-").map(Number);
  const yearAfter = new Date(Date.UTC(y + 1, m - 1, d)).toISOString().slice(0, 10);
  if (published > yearAfter) return { warning: `发布日期 ${published} 距${periodLabel(period)}结束（${last}）已超过一年，请确认日期无误` };
  return {};
}

/** Why a publication date cannot be used for the period (one Chinese sentence), or undefined. */
export function publicationRefusal(period: Period, published: string | undefined): string | undefined {
  return published ? checkPublicationDate(period, published).refused : undefined;
}

/** "2026-11-05 09:00" → "2026-11-05"; undefined when the stamp is not a date. */
export function dayOf(generated: string): string | undefined {
  const day = generated.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined;
}

/** The period's current result sheet in the registry: the one not kept under a versioned name. */
export function currentResult(registry: readonly ProductSheet[], period: string): ProductSheet | undefined {
  return registry.find((s) => s.role === "result" && s.period === period && s.state !== "superseded" && !/ v\d+$/.test(s.name));
}

/** What a generation did to the period's result. */
export type GenerationKind =
  /** The period's first result sheet. */
  | "created"
  /** A draft or an unpublished result replaced in place (drafts are not publications). */
  | "replaced"
  /** A new published version; the earlier one kept and marked superseded. */
  | "corrected"
  /** Same inputs, rules and publication date: no new version. */
  | "unchanged"
  /** The data has problems: the published version stays as it is, only 数据校验 is written. */
  | "draftKept";

export interface LifecycleOutcome {
  readonly kind: GenerationKind;
  /** The period's current result sheet (for draftKept: the published one, left as it is). */
  readonly sheet: string;
  readonly state: LifecycleState;
  /** The version of the current published result; 0 when none is published. */
  readonly version: number;
  /** The publication date in force (given now or carried over from the earlier version). */
  readonly published?: string;
  /** The name the earlier version was kept under, for a correction. */
  readonly previousVersion?: string;
  /** Rows added to 修正记录. */
  readonly corrections: number;
}

/** One sentence on what a generation did, for the command-line tool and the pane. */
export function outcomeSentence(o: LifecycleOutcome, resultSheet: string): string {
  switch (o.kind) {
    case "unchanged":
      return `结果未变化：数据、规则和发布日期均与第 ${o.version || "—"} 版相同，未生成新版本（“${resultSheet}”，${LIFECYCLE_LABELS[o.state]}）。`;
    case "draftKept":
      return `数据有问题，本次结果为草稿，未发布；已发布的第 ${o.version} 版（“${resultSheet}”）保持不变，问题见数据校验表。`;
    case "corrected":
      return `已生成第 ${o.version} 版（更正），第 ${o.version - 1} 版保留为“${o.previousVersion}”并标注已被替代；修正记录新增 ${o.corrections} 行。`;
    case "replaced":
      return (
        `“${resultSheet}”已更新（${LIFECYCLE_LABELS[o.state]}${o.version ? `，第 ${o.version} 版` : ""}）；` +
        `此前的${o.state === "draft" ? "草稿" : "未发布结果"}未发布，不保留版本。`
      );
    case "created":
      return `已生成“${resultSheet}”（${LIFECYCLE_LABELS[o.state]}${o.version ? `，第 ${o.version} 版` : ""}）。`;
  }
}

/**
 * The publication date of the period's current result: the registry's, or for a sheet of an earlier
 * release (no state recorded) the date its header shows.
 */
export function publishedDate(entry: ProductSheet, cells: CellGrid | undefined): string | undefined {
  if (entry.published || entry.state !== undefined) return entry.published;
  const shown = headerValue(cells, RESULT_FACTS.published);
  return shown && /^\d{4}-\d{2}-\d{2}$/.test(shown) ? shown : undefined;
}
