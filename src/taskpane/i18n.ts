// The pane's one messages catalogue: Chinese here, English in i18n-en.ts (loaded when Office's display language is English).
// Engine messages (Problem.message, notes) stay Chinese in both: they are the words of the 数据校验 sheet.

/** The language of the engine's own words (problem messages and actions, notes): marked so in an English pane. */
export const ENGINE_LANG = "zh-CN";

import type { Period, PublicityPeriod } from "../engine";
import { LIFECYCLE_LABELS, outcomeSentence } from "../workbook";
import type { LifecycleOutcome, LifecycleState } from "../workbook";
import type { SetUpSheet } from "./controller";

export type Lang = "zh" | "en";

/** "en-US", "en-GB", "EN" → English; everything else (zh-CN, undefined, …) → Chinese. */
export function languageFrom(displayLanguage: string | undefined | null): Lang {
  return typeof displayLanguage === "string" && /^en\b/i.test(displayLanguage.trim()) ? "en" : "zh";
}

export type ErrorKind = "notSupported" | "busy" | "protected" | "notFound" | "unreadableFile" | "failed";
export type ActionKind = "inspect" | "generate" | "setup" | "import" | "select" | "publicity";
export type StepKind = "reading" | "checking" | "scoring" | "writing" | "done";
export type NoticeIntent = "error" | "warning" | "success" | "info";

export interface Messages {
  readonly lang: Lang;
  readonly htmlLang: string;
  readonly appTitle: string;
  readonly appSubtitle: string;
  readonly loadingWorkbook: string;
  readonly outsideExcel: string;
  /** Excel lacks a requirement set the pane needs: one sentence naming it and pointing to the 网页版. */
  unsupportedExcel(capability: string): string;
  /** office.js did not load (no way to Microsoft's CDN): one sentence pointing to the 网页版 and the intranet build. */
  readonly officeUnavailable: string;
  readonly renderCrash: string;
  readonly retry: string;
  /** Accessible names of the message bars, by intent. */
  readonly notice: Readonly<Record<NoticeIntent, string>>;

  // Generation
  readonly generateHeading: string;
  readonly periodKind: string;
  readonly kindMonth: string;
  readonly kindQuarter: string;
  readonly kindYear: string;
  readonly yearLabel: string;
  readonly monthLabel: string;
  readonly quarterLabel: string;
  yearOption(year: number): string;
  monthOption(month: number): string;
  quarterOption(quarter: number): string;
  periodName(period: Period): string;
  generateButton(periodName: string): string;
  readonly generating: string;
  readonly steps: Readonly<Record<StepKind, string>>;
  readonly progressLabel: string;

  // Publication
  readonly publicationDate: string;
  readonly publicationHint: string;
  /** What the date field shows while empty. */
  readonly datePlaceholder: string;
  /** The date field's format, shown under it at all times. */
  readonly dateFormat: string;
  readonly dateInvalid: string;
  readonly publicityComputing: string;
  publicityEnd(end: string, days: number): string;
  /** The calendar's warning: the engine's own words in Chinese, a translation in English. */
  calendarWarning(period: PublicityPeriod): string;
  /** A publication date that cannot be used: the workbook layer's reason in Chinese, a translation in English. */
  publicationRefused(reason: string): string;
  readonly reasonLabel: string;
  readonly reasonHint: string;

  // Summary
  readonly summaryHeading: string;
  readonly statusLabel: string;
  /** A complete result: publishable, and saying so when units are 不合格 (not ranked). */
  finalExplain(disqualified: number): string;
  draftExplain(pending: number, missing: number): string;
  /** The publication states: 草稿, 待发布, 公示中, 正式, 已更正. */
  readonly states: Readonly<Record<LifecycleState, string>>;
  /** What the generation did: a new version, 结果未变化 …; in Chinese the workbook layer's own sentence. */
  generationOutcome(outcome: LifecycleOutcome, sheet: string): string;
  readonly topThree: string;
  rankLabel(rank: number): string;
  points(total: string): string;
  readonly tieBreaks: string;
  readonly noTieBreaks: string;
  /** 失分分析 of a chosen unit (UnitLosses). */
  readonly lossesHeading: string;
  readonly lossesUnit: string;
  readonly noLosses: string;
  readonly deductionLine: (points: string, beforeCap: string | null) => string;
  readonly bonusLine: (points: string, beforeCap: string | null) => string;
  tieResolved(name: string, others: string, total: string, rate: string, rank: number): string;
  tieShared(name: string, others: string, total: string, rank: number): string;
  unranked(disqualified: number, pending: number, missing: number): string;
  problemsFound(errors: number, warnings: number): string;
  readonly noProblems: string;
  /** How to print or save as PDF: an add-in cannot export PDF, Excel's own command does. */
  readonly pdfHint: string;
  readonly openResult: string;
  readonly openValidation: string;
  readonly listSeparator: string;

  // Problems
  readonly problemsHeading: string;
  readonly importProblemsHeading: string;
  readonly severityError: string;
  readonly severityWarning: string;
  goToCell(ref: string): string;
  readonly noPlace: string;
  readonly actionPrefix: string;
  readonly messagesInChinese: string;
  moreProblems(count: number): string;
  readonly errorsOnly: string;

  // Set-up
  readonly setupHeading: string;
  readonly setupPrompt: string;
  readonly setupYear: string;
  readonly setupButton: string;
  readonly settingUp: string;
  setupDone(created: readonly string[], kept: readonly string[]): string;
  readonly setupNothing: string;
  indicatorSheets(count: number): string;
  sheetPresent(sheet: SetUpSheet, present: boolean): string;

  // Import
  readonly importHeading: string;
  readonly importLabel: string;
  readonly chooseFiles: string;
  readonly noFileChosen: string;
  readonly importButton: string;
  readonly importing: string;
  filesChosen(count: number): string;
  importDone(files: readonly { name: string; sheets: readonly string[]; rows: number }[]): string;
  readonly importNothing: string;

  // Errors
  readonly errors: Readonly<Record<ErrorKind, string>>;
  readonly actionFailed: Readonly<Record<ActionKind, string>>;
}

const zh: Messages = {
  lang: "zh",
  htmlLang: "zh-CN",
  appTitle: "12328 考评",
  appSubtitle: "河南省12328电话运行服务质量考评",
  loadingWorkbook: "正在读取工作簿…",
  outsideExcel: "请在 Excel 中打开此加载项：在“开始”选项卡上单击“12328 考评”。",
  unsupportedExcel: (capability) =>
    `此版本的 Excel 缺少加载项所需的${capability}，无法在此运行；请改用 12328 考评网页版（在浏览器中打开网页版文件夹中的 index.html，无需 Office），或升级到 Microsoft 365 或 Office 2021 及以上版本。`,
  officeUnavailable:
    "未能加载 Office 的脚本 office.js（本机可能无法访问微软的服务器），加载项无法运行；请改用 12328 考评网页版（在浏览器中打开网页版文件夹中的 index.html），或请管理员部署内网版加载项。",
  renderCrash: "任务窗格出现意外错误。请关闭任务窗格后重新打开；工作簿中的数据未受影响。",
  retry: "重试",
  notice: { error: "错误", warning: "警告", success: "已完成", info: "提示" },

  generateHeading: "生成排名",
  periodKind: "考评周期",
  kindMonth: "月度",
  kindQuarter: "季度",
  kindYear: "年度",
  yearLabel: "年份",
  monthLabel: "月份",
  quarterLabel: "季度",
  yearOption: (y) => `${y}年`,
  monthOption: (m) => `${m}月`,
  quarterOption: (q) => `第${q}季度`,
  periodName: (p) =>
    p.kind === "month" ? `${p.year}年${p.month}月` : p.kind === "quarter" ? `${p.year}年第${p.quarter}季度` : `${p.year}年度`,
  generateButton: (name) => `生成 ${name} 排名`,
  generating: "正在生成排名…",
  steps: {
    reading: "正在读取指标表和考评事件…",
    checking: "正在校验数据…",
    scoring: "正在计分与排名…",
    writing: "正在写入结果表…",
    done: "已完成。",
  },
  progressLabel: "生成进度",

  publicationDate: "公示发布日期（可选）",
  publicationHint: "发布当天不计，公示期为其后第 5 个工作日截止（按法定节假日与调休计算）。",
  datePlaceholder: "年-月-日",
  dateFormat: "格式：年-月-日，如 2026-11-05。",
  dateInvalid: "请按“年-月-日”填写一个有效日期，如 2026-11-05。",
  publicityComputing: "正在计算公示期…",
  publicityEnd: (end, days) => `公示期截止：${end}（发布后第 ${days} 个工作日）`,
  calendarWarning: (period) => period.warning ?? "",
  publicationRefused: (reason) => `无法生成：${reason}。`,
  reasonLabel: "更正原因（可选）",
  reasonHint: "已发布的结果被更正时，写入修正记录。",

  summaryHeading: "本次结果",
  statusLabel: "状态",
  finalExplain: (dq) =>
    dq ? `除 ${dq} 个不合格单位（不参与排名）外，其余在考单位均已排名，可以发布。` : "全部在考单位均已排名，可以发布。",
  draftExplain: (pending, missing) => {
    const parts = [pending ? `${pending} 个单位数据待核` : "", missing ? `${missing} 个单位缺报` : ""].filter(Boolean);
    return `${parts.length ? parts.join("，") : "评分规则有误"}，结果暂为草稿；更正后请重新生成。`;
  },
  states: LIFECYCLE_LABELS,
  generationOutcome: outcomeSentence,
  topThree: "前三名",
  rankLabel: (r) => `第 ${r} 名`,
  points: (total) => `${total} 分`,
  tieBreaks: "同分处理",
  noTieBreaks: "没有同分的单位。",
  lossesHeading: "失分分析",
  lossesUnit: "单位",
  noLosses: "各项指标均得满分。",
  deductionLine: (p, before) => `批评曝光减 ${p} 分${before !== null ? `（合计 ${before} 分，按上限计）` : ""}`,
  bonusLine: (p, before) => `荣誉奖励加 ${p} 分${before !== null ? `（合计 ${before} 分，按上限计）` : ""}`,
  tieResolved: (name, others, total, rate, rank) => `${name} 与 ${others} 同为 ${total} 分，按人工接通率 ${rate} 排第 ${rank} 名`,
  tieShared: (name, others, total, rank) => `${name} 与 ${others} 同为 ${total} 分且人工接通率相同，并列第 ${rank} 名`,
  unranked: (dq, pending, missing) =>
    [dq ? `不合格 ${dq} 个` : "", pending ? `数据待核 ${pending} 个` : "", missing ? `缺报 ${missing} 个` : ""].filter(Boolean).join("，") +
    "（未排名）",
  problemsFound: (errors, warnings) => `发现 ${errors} 个错误、${warnings} 个警告`,
  noProblems: "未发现数据问题。",
  pdfHint: "打印或存为 PDF：打开“公示表”或结果表，选择“文件 → 导出 → 创建 PDF”（已设为 A4，加载项不能直接导出 PDF）。",
  openResult: "打开结果表",
  openValidation: "打开数据校验表",
  listSeparator: "、",

  problemsHeading: "数据问题",
  importProblemsHeading: "导入时发现的问题",
  severityError: "错误",
  severityWarning: "警告",
  goToCell: (ref) => `定位到 ${ref}`,
  noPlace: "（无对应单元格）",
  actionPrefix: "处理：",
  messagesInChinese: "",
  moreProblems: (n) => `另有 ${n} 条未列出，请查看数据校验表。`,
  errorsOnly: "只看错误",

  setupHeading: "工作簿设置",
  setupPrompt:
    "此工作簿还没有指标表。请先创建考评所需的表格：评分规则、考评单位、考评事件、节假日调整，以及每个单位一张指标表（输入格带数字校验）。",
  setupYear: "考评年度",
  setupButton: "创建考评表格",
  settingUp: "正在创建表格…",
  setupDone: (created, kept) =>
    [created.length ? `已创建：${created.join("、")}。` : "", kept.length ? `已存在、未改动：${kept.join("、")}。` : ""]
      .filter(Boolean)
      .join(""),
  setupNothing: "所需表格均已存在，未做改动。",
  indicatorSheets: (n) => `指标表 ${n} 张`,
  sheetPresent: (sheet, present) => `${sheet}：${present ? "已有" : "缺少"}`,

  importHeading: "导入报送文件",
  importLabel: "选择各中心报回的 .xlsx 文件（可多选）",
  chooseFiles: "选择 .xlsx 文件…",
  noFileChosen: "尚未选择文件。",
  importButton: "导入所选文件",
  importing: "正在导入…",
  filesChosen: (n) => `已选择 ${n} 个文件`,
  importDone: (files) =>
    `已导入 ${files.length} 个文件：${files.map((f) => `${f.name} → ${f.sheets.join("、") || "—"}（${f.rows} 行）`).join("；")}。`,
  importNothing: "没有导入任何数据。",

  errors: {
    notSupported: "当前 Excel 版本不支持此操作，请更新 Excel 后重试。",
    busy: "Excel 正忙（可能正在编辑单元格）。请按 Enter 或 Esc 结束编辑后重试。",
    protected: "要写入的工作表受保护，请取消保护后重试。",
    notFound: "找不到该工作表或单元格，可能已被删除或重命名。",
    unreadableFile: "文件无法读取，请确认是 .xlsx 格式的 Excel 工作簿。",
    failed: "操作未能完成，请重试；如问题持续，请联系技术支持。",
  },
  actionFailed: {
    inspect: "读取工作簿未完成",
    generate: "生成排名未完成",
    setup: "创建表格未完成",
    import: "导入未完成",
    select: "无法定位单元格",
    publicity: "无法计算公示期",
  },
};

/** The pane's words in Chinese, which every start needs (the default, and the engine's language). */
export const ZH_MESSAGES: Messages = zh;

/**
 * The pane's words in `lang`. English is a chunk of its own in the production build, loaded only for an
 * English Office (its 4 kB are not in every Chinese pane's start).
 */
export function loadMessages(lang: Lang): Promise<Messages> {
  return lang === "en" ? import(/* webpackChunkName: "messages-en" */ "./i18n-en").then((m) => m.EN_MESSAGES) : Promise.resolve(zh);
}

/** Office error codes (OfficeExtension.Error.code) the pane can explain. */
const OFFICE_CODES: Readonly<Record<string, ErrorKind>> = {
  InvalidOperationInCellEditMode: "busy",
  ActivityLimitReached: "busy",
  Conflict: "busy",
  AccessDenied: "protected",
  InsertDeleteConflict: "protected",
  ItemNotFound: "notFound",
  InvalidReference: "notFound",
  ApiNotFound: "notSupported",
  NotImplemented: "notSupported",
  UnsupportedOperation: "notSupported",
};

const ERROR_KINDS: readonly ErrorKind[] = ["notSupported", "busy", "protected", "notFound", "unreadableFile", "failed"];

/**
 * One sentence for a failed action: never a stack trace or an English exception text in the Chinese
 * UI. A PaneError's own Chinese sentence is shown in Chinese; elsewhere the code decides.
 */
export function describeError(error: unknown, action: ActionKind, t: Messages): string {
  const head = t.actionFailed[action];
  const sep = t.lang === "zh" ? "：" : ": ";
  if (typeof error === "object" && error !== null) {
    const e = error as { name?: unknown; code?: unknown; userMessage?: unknown };
    if (e.name === "PaneError" && typeof e.code === "string") {
      if (t.lang === "zh" && typeof e.userMessage === "string" && e.userMessage.trim()) return `${head}${sep}${e.userMessage.trim()}`;
      const kind = (ERROR_KINDS as readonly string[]).includes(e.code) ? (e.code as ErrorKind) : "failed";
      return `${head}${sep}${t.errors[kind]}`;
    }
    if (typeof e.code === "string" && OFFICE_CODES[e.code]) return `${head}${sep}${t.errors[OFFICE_CODES[e.code]]}`;
  }
  return `${head}${sep}${t.errors.failed}`;
}
