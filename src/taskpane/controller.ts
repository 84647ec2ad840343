// The task pane's only way into the workbook. Components call these methods and render what they
// return; every Office.js call lives behind this interface (src/taskpane/host/), so the pane can be
// tested with a plain object and the Office side can change without touching a component.

import type { PublicityPeriod, Evaluation, Period, CellRef, Problem } from "../engine";
import type { GenerationSummary, ImportedFile, WorkbookOverview } from "../workbook";

// What the workbook holds, the set-up sheets and an import's files are the workbook layer's words.
export { SETUP_SHEETS } from "../workbook";
export type { SetUpSheet, WorkbookOverview, ImportedFile } from "../workbook";

/** The steps of one generation, in order; the pane shows one line of text for each. */
export type GenerateStep = "reading" | "checking" | "scoring" | "writing" | "done";

export interface GenerateProgress {
  readonly step: GenerateStep;
  /** 0 … 1, or undefined when the host cannot tell (the pane then shows an indeterminate bar). */
  readonly fraction?: number;
}

/** A generation's result: the evaluation and the sheets written (see GenerationSummary). */
export interface GenerateOutcome extends GenerationSummary {
  readonly evaluation: Evaluation;
}

export interface SetUpOutcome {
  /** Sheets created, in the order they were added. */
  readonly created: readonly string[];
  /** Sheets that already existed and were left as they were. */
  readonly kept: readonly string[];
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
   * (YYYY-MM-DD) is the publication date for the 公示期 (the published version's carries over when
   * none is given). `onProgress` may be called any number of times. `reason` goes into 修正记录.
   */
  generate(
    period: Period,
    published?: string,
    onProgress?: (progress: GenerateProgress) => void,
    reason?: string,
  ): Promise<GenerateOutcome>;
  /** Creates the missing set-up sheets and one indicator sheet per unit for the year; never changes an existing sheet. */
  setUpWorkbook(year: number): Promise<SetUpOutcome>;
  /** Imports centres' returned .xlsx files into the workbook. */
  importFiles(files: readonly File[]): Promise<ImportOutcome>;
  /** Activates the sheet and selects the cell; an empty `cell` only activates the sheet. */
  selectCell(ref: CellRef): Promise<void>;
  /** The 公示期 for a publication date, with the workbook's 节假日调整 overrides applied. */
  previewPublicity(published: string): Promise<PublicityPeriod>;
  /** Loads in the background what the actions will need; called once the pane is ready. */
  prefetch(): void;
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
