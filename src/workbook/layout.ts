// The workbook's layout as data: the sheets the product reads and writes, their names and headers.

import { FIELDS, FieldId, RESULT_LABELS, normalizeLabel } from "../engine";
import type { CellSpec } from "./sheet-spec";

/**
 * The custom functions' namespace: formulas call them as `KAOPING.SCORE(…)` (the spec's function names
 * after it). manifest.xml's Functions.Namespace says the same (test/manifest.test.ts). Microsoft's naming
 * guidelines for custom functions, which the namespace should follow: start with a letter, at least three
 * characters, A–Z 0–9 _ . only, not a cell reference ("Custom functions naming and localization",
 * learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming) — the spec's `KP` has two.
 * KAOPING is 考评 in pinyin; KP12328 would be a cell reference (column KP, row 12328).
 */
export const FUNCTION_NAMESPACE = "KAOPING";

export const SHEETS = {
  rules: "评分规则",
  units: "考评单位",
  events: "考评事件",
  holidays: "节假日调整",
  validation: "数据校验",
  corrections: "修正记录",
  summary: "指标汇总",
  instructions: "填报说明",
} as const;

/**
 * A template's example row (考评事件) starts its 日期 cell with this word: the reader passes such a row over,
 * so an example left in place counts for nothing.
 */
export const EXAMPLE_MARK = "示例";

/** Headers of the 考评单位 sheet. */
export const UNIT_HEADERS = { code: "代码", name: "单位名称", unitClass: "类别", activeFrom: "启用月份", activeTo: "停用月份" } as const;
export const UNIT_HEADER_ALIASES: Record<keyof typeof UNIT_HEADERS, string[]> = {
  code: ["行政区划代码", "区划代码", "编码"],
  name: ["单位", "名称", "单位名", "考评单位"],
  unitClass: ["类型", "分类", "单位类别"],
  activeFrom: ["起始月份", "开始月份"],
  activeTo: ["结束月份", "截止月份"],
};

/** Headers of the 考评事件 sheet (spec §3). */
export const EVENT_HEADERS = {
  date: "日期",
  unit: "单位",
  type: "类型",
  level: "级别",
  scope: "计入",
  points: "分值",
  description: "说明",
} as const;
export const EVENT_HEADER_ALIASES: Record<keyof typeof EVENT_HEADERS, string[]> = {
  date: ["发生日期", "事件日期"],
  unit: ["单位名称", "考评单位"],
  type: ["事件类型"],
  level: ["等级"],
  scope: ["计入方式", "计入期间"],
  points: ["分数", "加减分"],
  description: ["备注", "事由"],
};

/** Headers of the 节假日调整 sheet. */
export const HOLIDAY_HEADERS = { date: "日期", kind: "类型", note: "说明" } as const;
export const HOLIDAY_HEADER_ALIASES: Record<keyof typeof HOLIDAY_HEADERS, string[]> = {
  date: [],
  kind: ["是否上班", "安排"],
  note: ["备注", "名称"],
};

/** The 单位 column of a summary indicator sheet. */
export const UNIT_COLUMN = "单位";
export const UNIT_COLUMN_ALIASES = ["单位名称", "考评单位", "地区", "中心"];

const HEADER_KEYS = new Map<string, string>();

/** Header text → field id, over labels and aliases, after normalisation and dropping a unit suffix. */
const FIELD_BY_HEADER = new Map<string, FieldId>();
for (const f of FIELDS) {
  for (const text of [f.label, ...f.aliases]) FIELD_BY_HEADER.set(headerKey(text), f.id);
}

/** A header as compared: normalised, with a trailing unit such as （秒）(个)（件）（次）（条） dropped. */
export function headerKey(text: string): string {
  let key = HEADER_KEYS.get(text);
  if (key === undefined) {
    key = normalizeLabel(text).replace(/\((秒|s|个|件|次|条|单|通|%|人次)\)$/i, "");
    // Header texts repeat across every unit sheet: remember them (bounded, so odd cells cannot pile up).
    if (HEADER_KEYS.size < 10_000) HEADER_KEYS.set(text, key);
  }
  return key;
}

export function fieldForHeader(text: string): FieldId | undefined {
  return FIELD_BY_HEADER.get(headerKey(text));
}

export function matchesHeader(text: string, label: string, aliases: readonly string[] = []): boolean {
  const key = headerKey(text);
  return key !== "" && [label, ...aliases].some((a) => headerKey(a) === key);
}

export const RESULT_SHEET_SUFFIX = "考评结果";
/** The 公示表 beside a period's result sheet (publication-table.ts). */
export const PUBLICATION_SHEET_SUFFIX = "公示表";

/** Fill colours of result rows (spec §6) and what they mean, for the legend. */
export const FILLS = {
  resolved: { color: "#FFF2CC", label: "同分，按人工接通率区分名次" },
  shared: { color: "#DDEBF7", label: "同分且人工接通率相同，并列名次" },
  unranked: { color: "#F8CBAD", label: `${RESULT_LABELS.disqualified} / ${RESULT_LABELS.pending} / ${RESULT_LABELS.missing}，不参与排名` },
  header: { color: "#1F4E79" },
  /** The cells a centre or the province types into, in the templates. */
  input: { color: "#E2EFDA", label: "浅绿色单元格为填报单元格" },
  /** Computed cells of a template (provisional scores): not typed. */
  computed: { color: "#EDEDED", label: "灰色单元格为自动计算的暂估得分，不必填写" },
  error: { color: "#F8CBAD" },
  warning: { color: "#FFF2CC" },
} as const;

/** A text cell: stored as text ("@"), so a value such as "=1+2" or "001" stays as typed. */
export const textCell = (value: string, extra: Partial<CellSpec> = {}): CellSpec => ({ value, numberFormat: "@", ...extra });

/** A table's header cell, as every product sheet draws it. */
export const headerCell = (value: string): CellSpec => ({
  value,
  numberFormat: "@",
  bold: true,
  fill: FILLS.header.color,
  fontColor: "#FFFFFF",
  align: "center",
  wrap: true,
});
