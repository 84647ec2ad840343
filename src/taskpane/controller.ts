// The task pane's only way into the workbook. Components call these methods and render what they
// return; every Office.js call lives behind this interface (src/taskpane/host/), so the pane can be
// tested with a plain object and the Office side can change without touching a component.

import type { PublicityPeriod, Evaluation, MonthKey, Period, CellRef, Problem } from "../engine";
import { SHEETS } from "../workbook";

/** The set-up sheets the pane offers to create (spec §8). */
export const SETUP_SHEETS = [SHEETS.rules, SHEETS.units, SHEETS.events, SHEETS.holidays] as const;
export type SetUpSheet = (typeof SETUP_SHEETS)[number];

/** What the workbook holds, read when the pane opens and after set-up or import. */
export interface WorkbookOverview {
  /** Indicator sheets found: one per unit, plus any 汇总 sheet. 0 → the pane shows the set-up prompt. */
  readonly indicatorSheets: number;
  /** Which set-up sheets exist. */
  readonly setUpSheets: Readonly<Record<SetUpSheet, boolean>>;
  /** Months that have at least one indicator row, ascending ("2026-10"); picks the default period. */
  readonly months: readonly MonthKey[];
  /** The workbook's year when it can tell (from the data or the sheets it made); else undefined. */
  readonly year?: number;
}

/** The steps of one generation, in order; the pane shows one line of text for each. */
export type GenerateStep = "reading" | "checking" | "scoring" | "writing" | "done";

export interface GenerateProgress {
  readonly step: GenerateStep;
  /** 0 … 1, or undefined when the host cannot tell (the pane then shows an indeterminate bar). */
  readonly fraction?: number;
}

export interface GenerateOutcome {
  readonly evaluation: Evaluation;
  /** The result sheet written and activated, e.g. "2026年10月 考评结果". */
  readonly resultSheet: string;
  /** The 数据校验 sheet written, when there were problems. */
  readonly validationSheet?: string;
  /** When the period had been generated before: the name the earlier result sheet was renamed to. */
  readonly previousVersion?: string;
  /** Rows appended to 修正记录 (0 on a first generation). */
  readonly corrections: number;
}

export interface SetUpOutcome {
  /** Sheets created, in the order they were added. */
  readonly created: readonly string[];
  /** Sheets that already existed and were left as they were. */
  readonly kept: readonly string[];
}

export interface ImportedFile {
  readonly name: string;
  /** Workbook sheets the file's data went into (created or filled). */
  readonly sheets: readonly string[];
  /** Indicator rows taken over. */
  readonly rows: number;
}

export interface ImportOutcome {
  readonly files: readonly ImportedFile[];
  /** Files that could not be read, rows that were skipped, …; `at` points into the workbook where it can. */
  readonly problems: readonly Problem[];
}

/**
 * Implemented in the add-in by `createOfficeController()` (src/taskpane/host/office-controller.ts)
 * and in tests by a plain object. Methods may throw: a `PaneError` for failures the host
 * understands, anything else for the rest; the pane shows a Chinese (or English) sentence either way.
 */
export interface PaneController {
  /** Reads what the workbook holds. */
  inspect(): Promise<WorkbookOverview>;
  /**
   * Runs the workbook pipeline for the period and writes the result sheets. `published`
   * (YYYY-MM-DD) is the publication date for the 公示期. `onProgress` may be called any number of times.
   */
  generate(period: Period, published?: string, onProgress?: (progress: GenerateProgress) => void): Promise<GenerateOutcome>;
  /** Creates the missing set-up sheets and one indicator sheet per unit for the year; never changes an existing sheet. */
  setUpWorkbook(year: number): Promise<SetUpOutcome>;
  /** Imports centres' returned .xlsx files into the workbook. */
  importFiles(files: readonly File[]): Promise<ImportOutcome>;
  /** Activates the sheet and selects the cell; an empty `cell` only activates the sheet. */
  selectCell(ref: CellRef): Promise<void>;
  /** The 公示期 for a publication date, with the workbook's 节假日调整 overrides applied. */
  previewPublicity(published: string): Promise<PublicityPeriod>;
}

export type PaneErrorCode =
  /** The Excel version lacks an API the action needs. */
  | "notSupported"
  /** Excel is in cell-edit mode or otherwise busy. */
  | "busy"
  /** A sheet the action must write is protected. */
  | "protected"
  /** A sheet or cell the action refers to does not exist (any more). */
  | "notFound"
  /** An imported file is not a readable .xlsx workbook. */
  | "unreadableFile"
  /** Anything else the host recognised; `message` then says what. */
  | "failed";

/** A failure the host understands. `userMessage`, when given, is a complete sentence in Chinese for the user. */
export class PaneError extends Error {
  readonly code: PaneErrorCode;
  readonly userMessage?: string;

  constructor(code: PaneErrorCode, userMessage?: string) {
    super(userMessage ?? code);
    this.name = "PaneError";
    this.code = code;
    this.userMessage = userMessage;
  }
}

/** True for a PaneError, also one thrown by another copy of this module. */
export function isPaneError(error: unknown): error is PaneError {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { name?: unknown }).name === "PaneError" &&
    typeof (error as { code?: unknown }).code === "string"
  );
}
