// The pane's words in English, for an Office whose display language is English (i18n.ts loads this
// module on demand). Engine messages stay Chinese: they are the words of the 数据校验 sheet.

import type { Messages } from "./i18n";

const EN_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export const EN_MESSAGES: Messages = {
  lang: "en",
  htmlLang: "en",
  appTitle: "12328 Evaluation",
  appSubtitle: "Henan 12328 hotline service-quality evaluation",
  loadingWorkbook: "Reading the workbook…",
  outsideExcel: "Open this add-in in Excel: on the Home tab, select “12328 Evaluation”.",
  unsupportedExcel: (capability) =>
    `This version of Excel lacks what the add-in needs (${capability}), so it cannot run here: use the 12328 考评 web edition ` +
    "instead (open index.html from its folder in a browser, no Office needed), or upgrade to Microsoft 365 or Office 2021 or later.",
  officeUnavailable:
    "Office's script office.js could not be loaded (this computer may not reach Microsoft's servers), so the add-in cannot run: " +
    "use the 12328 考评 web edition (open index.html from its folder in a browser), or ask the administrator to deploy the intranet build.",
  renderCrash: "The task pane hit an unexpected error. Close the task pane and open it again; the workbook's data is not affected.",
  retry: "Try again",
  notice: { error: "Error", warning: "Warning", success: "Done", info: "Note" },

  generateHeading: "Generate the ranking",
  periodKind: "Period",
  kindMonth: "Month",
  kindQuarter: "Quarter",
  kindYear: "Year",
  yearLabel: "Year",
  monthLabel: "Month",
  quarterLabel: "Quarter",
  yearOption: (y) => String(y),
  monthOption: (m) => EN_MONTHS[m - 1],
  quarterOption: (q) => `Q${q}`,
  periodName: (p) =>
    p.kind === "month" ? `${EN_MONTHS[p.month - 1]} ${p.year}` : p.kind === "quarter" ? `Q${p.quarter} ${p.year}` : `the year ${p.year}`,
  generateButton: (name) => `Generate the ranking for ${name}`,
  generating: "Generating the ranking…",
  steps: {
    reading: "Reading the indicator sheets and events…",
    checking: "Checking the data…",
    scoring: "Scoring and ranking…",
    writing: "Writing the result sheet…",
    done: "Done.",
  },
  progressLabel: "Progress",

  publicationDate: "Publication date (optional)",
  publicationHint:
    "The publication day itself does not count: the publicity period ends on the 5th working day after it " +
    "(statutory holidays and make-up working days included).",
  datePlaceholder: "YYYY-MM-DD",
  dateFormat: "Format: YYYY-MM-DD, e.g. 2026-11-05.",
  dateInvalid: "Enter a valid date as YYYY-MM-DD, e.g. 2026-11-05.",
  publicityComputing: "Working out the publicity period…",
  publicityEnd: (end, days) => `Publicity period ends ${end} (working day ${days} after publication)`,
  calendarWarning: (period) =>
    `The holiday calendar does not cover ${period.unknownYears.join(", ")}: the end date counts weekends only and may be wrong. ` +
    "Add that year's holidays and make-up working days to the 节假日调整 sheet.",
  publicationRefused: (reason) => `Cannot generate: the publication date must be after the period's last day (${reason}).`,
  reasonLabel: "Reason for a correction (optional)",
  reasonHint: "Written to 修正记录 when a published result is corrected.",

  summaryHeading: "Result",
  statusLabel: "Status",
  finalExplain: (dq) =>
    dq
      ? `Every active unit but ${dq} disqualified (不合格, not ranked) is ranked; the result can be published.`
      : "Every active unit is ranked; the result can be published.",
  draftExplain: (pending, missing) => {
    const parts = [
      pending ? `${pending} unit${pending === 1 ? "" : "s"} with data to check` : "",
      missing ? `${missing} unit${missing === 1 ? "" : "s"} not reported` : "",
    ].filter(Boolean);
    const why = parts.length ? parts.join(", ") : "The scoring rules have errors";
    return `${why}: the result is a draft. Generate again once the data is fixed.`;
  },
  states: {
    draft: "Draft (草稿)",
    ready: "Ready to publish (待发布)",
    publicity: "In publicity (公示中)",
    final: "Final (正式)",
    corrected: "Corrected (已更正)",
  },
  generationOutcome: (o, sheet) => {
    switch (o.kind) {
      case "unchanged":
        return `Result unchanged: same data, rules and publication date as version ${o.version || "—"}; no new version was made.`;
      case "draftKept":
        return `The data has problems: this result is a draft and was not published; published version ${o.version} stays as it is.`;
      case "corrected":
        return (
          `Version ${o.version} (a correction) written; version ${o.version - 1} kept as “${o.previousVersion}”, ` +
          `marked superseded; ${o.corrections} rows added to 修正记录.`
        );
      case "replaced":
        return `“${sheet}” updated; an earlier draft or unpublished result is not kept as a version.`;
      case "created":
        return `“${sheet}” written.`;
    }
  },
  topThree: "Top three",
  rankLabel: (r) => `No. ${r}`,
  points: (total) => `${total} pts`,
  tieBreaks: "Tie-breaks applied",
  noTieBreaks: "No units had equal totals.",
  lossesHeading: "Points lost (失分分析)",
  lossesUnit: "Unit",
  noLosses: "Full points on every indicator.",
  deductionLine: (p, before) => `Deduction (批评曝光) −${p}${before !== null ? ` (${before} before the cap)` : ""}`,
  bonusLine: (p, before) => `Bonus (荣誉奖励) +${p}${before !== null ? ` (${before} before the cap)` : ""}`,
  tieResolved: (name, others, total, rate, rank) =>
    `${name} and ${others} both scored ${total}; connection rate ${rate} places ${name} No. ${rank}`,
  tieShared: (name, others, total, rank) => `${name} and ${others} both scored ${total} with the same connection rate: shared No. ${rank}`,
  unranked: (dq, pending, missing) =>
    "Not ranked: " +
    [
      dq ? `${dq} disqualified (不合格)` : "",
      pending ? `${pending} data to check (数据待核)` : "",
      missing ? `${missing} not reported (缺报)` : "",
    ]
      .filter(Boolean)
      .join(", "),
  problemsFound: (errors, warnings) =>
    `${errors} error${errors === 1 ? "" : "s"} and ${warnings} warning${warnings === 1 ? "" : "s"} found`,
  noProblems: "No data problems found.",
  pdfHint:
    "To print or save as PDF: open the 公示表 or the result sheet and choose File → Export → Create PDF " +
    "(set up for A4; an add-in cannot export PDF itself).",
  openResult: "Open the result sheet",
  openValidation: "Open the 数据校验 sheet",
  listSeparator: ", ",

  problemsHeading: "Data problems",
  importProblemsHeading: "Problems found while importing",
  severityError: "Error",
  severityWarning: "Warning",
  goToCell: (ref) => `Go to ${ref}`,
  noPlace: "(no cell)",
  actionPrefix: "What to do: ",
  messagesInChinese: "Messages are in Chinese, as in the 数据校验 sheet.",
  moreProblems: (n) => `${n} more not listed: see the 数据校验 sheet.`,
  errorsOnly: "Errors only",

  setupHeading: "Workbook set-up",
  setupPrompt:
    "This workbook has no indicator sheets yet. First create the sheets the evaluation needs: 评分规则 (rules), 考评单位 (units), " +
    "考评事件 (events), 节假日调整 (holidays) and one indicator sheet per unit (input cells with number validation).",
  setupYear: "Evaluation year",
  setupButton: "Create the evaluation sheets",
  settingUp: "Creating the sheets…",
  setupDone: (created, kept) =>
    [created.length ? `Created: ${created.join(", ")}.` : "", kept.length ? `Already there, left unchanged: ${kept.join(", ")}.` : ""]
      .filter(Boolean)
      .join(" "),
  setupNothing: "All the sheets are already there; nothing was changed.",
  indicatorSheets: (n) => `${n} indicator sheet${n === 1 ? "" : "s"}`,
  sheetPresent: (sheet, present) => `${sheet}: ${present ? "present" : "missing"}`,

  importHeading: "Import returned files",
  importLabel: "Choose the .xlsx files the centres returned (several at once is fine)",
  chooseFiles: "Choose .xlsx files…",
  noFileChosen: "No file chosen yet.",
  importButton: "Import the chosen files",
  importing: "Importing…",
  filesChosen: (n) => `${n} file${n === 1 ? "" : "s"} chosen`,
  importDone: (files) =>
    `Imported ${files.length} file${files.length === 1 ? "" : "s"}: ` +
    files.map((f) => `${f.name} → ${f.sheets.join(", ") || "—"} (${f.rows} row${f.rows === 1 ? "" : "s"})`).join("; ") +
    ".",
  importNothing: "No data was imported.",

  errors: {
    notSupported: "This version of Excel does not support this action. Update Excel and try again.",
    busy: "Excel is busy (a cell may be in edit mode). Press Enter or Esc to finish editing, then try again.",
    protected: "A sheet that has to be written is protected. Unprotect it and try again.",
    notFound: "That sheet or cell no longer exists; it may have been deleted or renamed.",
    unreadableFile: "The file cannot be read. Make sure it is an .xlsx Excel workbook.",
    failed: "The action did not complete. Try again; if it keeps failing, contact support.",
  },
  actionFailed: {
    inspect: "Could not read the workbook",
    generate: "The ranking was not generated",
    setup: "The sheets were not created",
    import: "The import did not complete",
    select: "Could not go to the cell",
    publicity: "Could not work out the publicity period",
  },
};
