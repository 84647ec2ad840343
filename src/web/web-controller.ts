// The 网页版's controller: the pane's actions on a workbook held in the page's memory (an ExcelJS
// workbook read from the file the user opened). Each action reads the workbook's cells, asks
// src/workbook what to do — the same planning the command-line tool and the add-in call — and applies
// the change with the .xlsx adapter's writer, as `kp12328 rank` does. Nothing is written to disk here:
// the page saves a copy when the user asks (save.ts). No rule of the product is decided here.

import type ExcelJS from "exceljs";
import { CellRef, Period, PublicityPeriod, generationStamp, periodKey, publicityEnd } from "../engine";
import {
  ChangeRefused,
  ReturnedFile,
  SHEETS,
  WorkbookChange,
  WorkbookSheets,
  generationSummary,
  planImport,
  planSetUp,
  rankWorkbook,
  readWorkbook,
  workbookOverview,
} from "../workbook";
import { workbookSheets } from "../adapters/xlsx/cells";
import { applyChange } from "../adapters/xlsx/writer";
import { readXlsxFile } from "../taskpane/host/xlsx-file";
import {
  GenerateOutcome,
  GenerateProgress,
  ImportOutcome,
  PaneController,
  PaneError,
  SetUpOutcome,
  WorkbookOverview,
} from "../taskpane/controller";

/** The workbook the page works on, and what the page around the pane is told of it. */
export interface WebHost {
  readonly workbook: ExcelJS.Workbook;
  readonly now: () => Date;
  /** After every change applied to the workbook (the page then offers to save it); a generation names its period and version. */
  readonly changed: (what: Changed) => void;
  /** A problem's cell was clicked: the page has no grid, so it shows the cell's place and value. */
  readonly select: (ref: CellRef) => void;
}

export type Changed =
  { readonly kind: "setup" | "import" } | { readonly kind: "generate"; readonly period: string; readonly version?: number };

/** The workbook's cells and sheet names as the workbook layer reads them (the CLI's workbookSheets). */
export function snapshotOf(workbook: ExcelJS.Workbook): WorkbookSheets {
  return { sheets: workbookSheets(workbook), names: workbook.worksheets.map((ws) => ws.name) };
}

/** The change applied, or a refused change as the pane's failure (a Chinese sentence, nothing written). */
function apply(host: WebHost, change: WorkbookChange, what: Changed): void {
  try {
    applyChange(host.workbook, change);
  } catch (error) {
    if (error instanceof ChangeRefused) throw new PaneError("failed", error.message);
    throw error;
  }
  host.changed(what);
}

export function createWebController(host: WebHost): PaneController {
  const stamp = () => generationStamp(host.now());
  return {
    async inspect(): Promise<WorkbookOverview> {
      return workbookOverview(snapshotOf(host.workbook));
    },

    async generate(
      period: Period,
      published?: string,
      onProgress?: (p: GenerateProgress) => void,
      reason?: string,
    ): Promise<GenerateOutcome> {
      onProgress?.({ step: "reading", fraction: 0 });
      const { sheets } = snapshotOf(host.workbook);
      onProgress?.({ step: "scoring", fraction: 0.4 });
      let run;
      try {
        run = rankWorkbook(sheets, { period, published, reason, generated: stamp() });
      } catch (error) {
        if (error instanceof ChangeRefused) throw new PaneError("failed", error.message);
        throw error;
      }
      onProgress?.({ step: "writing", fraction: 0.6 });
      apply(host, run.change, { kind: "generate", period: periodKey(period), version: run.lifecycle.version });
      onProgress?.({ step: "done", fraction: 1 });
      return { evaluation: run.evaluation, ...generationSummary(run) };
    },

    async setUpWorkbook(year: number): Promise<SetUpOutcome> {
      const plan = planSetUp(year, snapshotOf(host.workbook), stamp());
      if (plan.change) apply(host, plan.change, { kind: "setup" });
      return { created: plan.created, kept: plan.kept };
    },

    async importFiles(files: readonly File[]): Promise<ImportOutcome> {
      const returned = await Promise.all(files.map(readReturnedFile));
      const plan = planImport(returned, snapshotOf(host.workbook), stamp());
      if (plan.change) apply(host, plan.change, { kind: "import" });
      return { files: plan.files, problems: plan.problems };
    },

    async selectCell(ref: CellRef): Promise<void> {
      if (!host.workbook.getWorksheet(ref.sheet)) throw new PaneError("notFound");
      host.select(ref);
    },

    async previewPublicity(published: string): Promise<PublicityPeriod> {
      const holidays = snapshotOf(host.workbook).sheets.filter((s) => s.name === SHEETS.holidays);
      return publicityEnd(published, undefined, readWorkbook(holidays).holidayOverrides);
    },

    // Everything is in the page already.
    prefetch(): void {},
  };
}

async function readReturnedFile(file: File): Promise<ReturnedFile> {
  try {
    return { name: file.name, sheets: await readXlsxFile(file) };
  } catch (error) {
    return { name: file.name, unreadable: (error as Error).message };
  }
}
