// The pane's controller in Excel: every action is one Excel.run that reads the workbook's cells, asks
// src/workbook what to do (rank, set up, import) and applies the one change it plans with the
// Office.js adapter (excel-read.ts at start; its write side, excel-workbook.ts, loaded when the user
// acts). No rule of the product is decided here.

import { PublicityPeriod, publicityEnd, Period, generationStamp, CellRef } from "../../engine";
import { ChangeRefused, ReturnedFile, SHEETS, readWorkbook, workbookOverview } from "../../workbook";
import { GenerateOutcome, GenerateProgress, ImportOutcome, PaneController, PaneError, SetUpOutcome, WorkbookOverview } from "../controller";
import { HostFeatures, detectFeatures, readWorkbookCells } from "../../adapters/office/excel-read";
import { loadGeneration, loadImport, loadSetUp, loadWriter, loadXlsxFile, prefetchOnDemand } from "./on-demand";

export interface OfficeEnvironment {
  readonly run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  readonly isSetSupported: (name: string, version: string) => boolean;
  readonly now: () => Date;
}

function defaultEnvironment(): OfficeEnvironment {
  return {
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    now: () => new Date(),
  };
}

/** Office's errors as the pane's: a code the pane words for the user, never a stack trace. */
export function toPaneError(error: unknown): unknown {
  if (error instanceof PaneError) return error;
  if (error instanceof ChangeRefused) return new PaneError("failed", error.message);
  const code = (error as { code?: string })?.code;
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return new PaneError("busy");
    case "AccessDenied":
    case "InsertDeleteConflict":
      return new PaneError("protected");
    case "ItemNotFound":
      return new PaneError("notFound");
    case "ApiNotFound":
    case "UnsupportedOperation":
      return new PaneError("notSupported");
    case "ItemAlreadyExists":
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
    case "GeneralException":
      return new PaneError("failed", (error as Error).message);
    default:
      return error;
  }
}

export function createOfficeController(env: OfficeEnvironment = defaultEnvironment()): PaneController {
  const features = (): HostFeatures => detectFeatures(env.isSetSupported);

  async function withExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await env.run(batch);
    } catch (error) {
      throw toPaneError(error);
    }
  }

  return {
    async inspect(): Promise<WorkbookOverview> {
      return withExcel(async (context) => workbookOverview(await readWorkbookCells(context, features())));
    },

    async generate(
      period: Period,
      published?: string,
      onProgress?: (p: GenerateProgress) => void,
      reason?: string,
    ): Promise<GenerateOutcome> {
      const [{ generationSummary, rankWorkbook }, { applyWorkbookChange }] = await Promise.all([loadGeneration(), loadWriter()]);
      return withExcel(async (context) => {
        const f = features();
        onProgress?.({ step: "reading", fraction: 0 });
        const snapshot = await readWorkbookCells(context, f);
        onProgress?.({ step: "scoring", fraction: 0.4 });
        const run = rankWorkbook(snapshot.sheets, { period, published, reason, generated: generationStamp(env.now()) });
        onProgress?.({ step: "writing", fraction: 0.6 });
        await applyWorkbookChange(context, run.change, snapshot, f);
        onProgress?.({ step: "done", fraction: 1 });
        return { evaluation: run.evaluation, ...generationSummary(run) };
      });
    },

    async setUpWorkbook(year: number): Promise<SetUpOutcome> {
      const [{ planSetUp }, { applyWorkbookChange }] = await Promise.all([loadSetUp(), loadWriter()]);
      return withExcel(async (context) => {
        const f = features();
        const snapshot = await readWorkbookCells(context, f);
        const plan = planSetUp(year, snapshot, generationStamp(env.now()));
        if (plan.change) await applyWorkbookChange(context, plan.change, snapshot, f);
        return { created: plan.created, kept: plan.kept };
      });
    },

    async importFiles(files: readonly File[]): Promise<ImportOutcome> {
      const [returned, { planImport }, { applyWorkbookChange }] = await Promise.all([
        Promise.all(files.map(readReturnedFile)),
        loadImport(),
        loadWriter(),
      ]);
      const generated = generationStamp(env.now());
      // Nothing readable: the problems alone, without touching the workbook.
      if (!returned.some((f) => "sheets" in f)) {
        const { files: none, problems } = planImport(returned, { sheets: [], names: [] }, generated);
        return { files: none, problems };
      }
      return withExcel(async (context) => {
        const f = features();
        const snapshot = await readWorkbookCells(context, f);
        const plan = planImport(returned, snapshot, generated);
        if (plan.change) await applyWorkbookChange(context, plan.change, snapshot, f);
        return { files: plan.files, problems: plan.problems };
      });
    },

    async selectCell(ref: CellRef): Promise<void> {
      return withExcel(async (context) => {
        const ws = context.workbook.worksheets.getItem(ref.sheet);
        ws.activate();
        if (ref.cell) ws.getRange(ref.cell).select();
        await context.sync();
      });
    },

    prefetch: prefetchOnDemand,

    async previewPublicity(published: string): Promise<PublicityPeriod> {
      return withExcel(async (context) => {
        const snapshot = await readWorkbookCells(context, { ...features(), validation: false });
        const holidays = snapshot.sheets.filter((s) => s.name === SHEETS.holidays);
        const input = readWorkbook(holidays);
        return publicityEnd(published, undefined, input.holidayOverrides);
      });
    },
  };
}

async function readReturnedFile(file: File): Promise<ReturnedFile> {
  try {
    const { readXlsxFile } = await loadXlsxFile();
    return { name: file.name, sheets: await readXlsxFile(file) };
  } catch (error) {
    return { name: file.name, unreadable: (error as Error).message };
  }
}
