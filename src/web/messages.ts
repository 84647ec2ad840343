// The 网页版's own words: what the page around the pane says (open, save, the templates, print). The
// pane inside keeps its catalogue (src/taskpane/i18n.ts); the language is the browser's, as there.

import type { Lang } from "../taskpane/i18n";

export interface WebMessages {
  readonly pageTitle: string;
  readonly pageSubtitle: string;
  readonly fileHeading: string;
  readonly openButton: string;
  readonly dropHint: string;
  readonly dropHere: string;
  readonly opening: string;
  openFailed(name: string, why: string): string;
  readonly newHeading: string;
  readonly newButton: string;
  readonly yearLabel: string;
  readonly centresTemplate: string;
  readonly perUnitZip: string;
  readonly templatesHint: string;
  readonly preparing: string;
  downloaded(name: string): string;
  opened(name: string): string;
  readonly unsaved: string;
  readonly saved: string;
  readonly saveButton: string;
  readonly saving: string;
  savedAs(name: string): string;
  readonly saveFailed: string;
  readonly sameFileRefused: string;
  readonly replaceUnsaved: string;
  readonly leaveUnsaved: string;
  cellAt(sheet: string, cell: string, value: string): string;
  readonly cellEmpty: string;
  readonly offline: string;
}

const zh: WebMessages = {
  pageTitle: "12328 考评 · 网页版",
  pageSubtitle: "在浏览器中打开省中心工作簿，导入、排名、保存结果；不联网，文件不离开本机。",
  fileHeading: "工作簿",
  openButton: "打开工作簿…",
  dropHint: "或把 .xlsx 工作簿拖到这里",
  dropHere: "松开鼠标以打开此工作簿",
  opening: "正在打开工作簿…",
  openFailed: (name, why) => `无法打开“${name}”：${why}`,
  newHeading: "新建与模板",
  newButton: "新建省中心工作簿",
  yearLabel: "年份",
  centresTemplate: "下载各中心填报模板",
  perUnitZip: "下载每单位填报文件（zip）",
  templatesHint: "新建的工作簿在本页中打开，创建工作表后请保存；填报模板和每单位文件直接下载，发给各中心填写。",
  preparing: "正在准备文件…",
  downloaded: (name) => `已生成：${name}`,
  opened: (name) => `已打开：${name}`,
  unsaved: "有未保存的更改",
  saved: "已保存",
  saveButton: "保存结果工作簿…",
  saving: "正在保存…",
  savedAs: (name) => `已保存为：${name}（打开的原文件未改动）`,
  saveFailed: "未能保存工作簿，请重试。",
  sameFileRefused: "不能保存到打开的原文件上：请换一个文件名，原文件保持不变。",
  replaceUnsaved: "当前工作簿有未保存的更改，打开另一个工作簿将丢弃这些更改。继续吗？",
  leaveUnsaved: "工作簿有未保存的更改。",
  cellAt: (sheet, cell, value) => `工作表“${sheet}”单元格 ${cell}：${value}。请在 Excel 或 WPS 中打开工作簿修改后，再在本页打开。`,
  cellEmpty: "（空）",
  offline: "本页不联网：工作簿只在本机浏览器中处理。",
};

const en: WebMessages = {
  pageTitle: "12328 考评 · web edition",
  pageSubtitle: "Open the provincial workbook in the browser, import, rank, save the result; offline, files stay on this computer.",
  fileHeading: "Workbook",
  openButton: "Open workbook…",
  dropHint: "or drop an .xlsx workbook here",
  dropHere: "Release to open this workbook",
  opening: "Opening the workbook…",
  openFailed: (name, why) => `Cannot open "${name}": ${why}`,
  newHeading: "New workbook and templates",
  newButton: "New provincial workbook",
  yearLabel: "Year",
  centresTemplate: "Download the centres' template",
  perUnitZip: "Download one file per unit (zip)",
  templatesHint:
    "A new workbook opens in this page; save it once its sheets are created. The templates download directly, to send to the centres.",
  preparing: "Preparing the file…",
  downloaded: (name) => `Created: ${name}`,
  opened: (name) => `Opened: ${name}`,
  unsaved: "Unsaved changes",
  saved: "Saved",
  saveButton: "Save result workbook…",
  saving: "Saving…",
  savedAs: (name) => `Saved as ${name} (the file you opened is unchanged)`,
  saveFailed: "The workbook could not be saved. Please try again.",
  sameFileRefused: "The result cannot be saved over the file you opened: choose another name; the original stays as it was.",
  replaceUnsaved: "This workbook has unsaved changes; opening another one discards them. Continue?",
  leaveUnsaved: "The workbook has unsaved changes.",
  cellAt: (sheet, cell, value) => `Sheet "${sheet}", cell ${cell}: ${value}. Edit it in Excel or WPS, then open the workbook here again.`,
  cellEmpty: "(empty)",
  offline: "This page works offline: the workbook is processed only in this browser.",
};

export function webMessages(lang: Lang): WebMessages {
  return lang === "en" ? en : zh;
}
