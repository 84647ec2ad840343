// The pane's controller for any host: each action asks src/workbook what to do (rank, set up, import)
// from what the workbook holds, through one transact (src/workbook/transact.ts), which reads, plans,
// checks and applies all or nothing. A host (Excel: office-controller.ts; WPS; a browser page on a
// file) gives only its read, its transaction and its navigation. No rule of the product is decided here.

import { CellRef, PublicityPeriod, Period, generationStamp, publicityEnd } from "../../engine";
import { HostSnapshot, ReturnedFile, SHEETS, TransactStep, WorkbookChange, readWorkbook, workbookOverview } from "../../workbook";
import { GenerateOutcome, GenerateProgress, ImportOutcome, PaneController, SetUpOutcome, WorkbookOverview } from "../controller";
import { loadGeneration, loadImport, loadSetUp, loadXlsxFile, prefetchOnDemand } from "./on-demand";

/** What a host gives the pane. Its failures are thrown as PaneErrors where it recognises them. */
export interface PaneHost {
  /** The workbook as sheets of cells, for what the pane shows (no write side needed). */
  read(): Promise<HostSnapshot>;
  /** One action: transact (src/workbook/transact.ts) with the host's port. */
  transact<T extends { readonly change?: WorkbookChange }>(
    plan: (snapshot: HostSnapshot) => T,
    onStep?: (step: TransactStep) => void,
  ): Promise<T>;
  /** Activates the sheet and selects the cell (an empty `cell`: the sheet only). */
  selectCell(ref: CellRef): Promise<void>;
  /** Loads in the background what the host's actions will need. */
  prefetch?(): void;
  readonly now: () => Date;
}

/** How far a generation is, for the pane's bar, at each step of its transaction. */
const GENERATION_PROGRESS: Record<TransactStep, GenerateProgress> = {
  reading: { step: "reading", fraction: 0 },
  planning: { step: "scoring", fraction: 0.4 },
  writing: { step: "writing", fraction: 0.6 },
  done: { step: "done", fraction: 1 },
};

export function createHostController(host: PaneHost): PaneController {
  const stamp = () => generationStamp(host.now());
  return {
    async inspect(): Promise<WorkbookOverview> {
      return workbookOverview(await host.read());
    },

    async generate(
      period: Period,
      published?: string,
      onProgress?: (p: GenerateProgress) => void,
      reason?: string,
    ): Promise<GenerateOutcome> {
      const { generationSummary, rankWorkbook } = await loadGeneration();
      const generated = stamp();
      const run = await host.transact(
        (snapshot) => rankWorkbook(snapshot.sheets, { period, published, reason, generated }),
        (step) => onProgress?.(GENERATION_PROGRESS[step]),
      );
      return { evaluation: run.evaluation, ...generationSummary(run) };
    },

    async setUpWorkbook(year: number): Promise<SetUpOutcome> {
      const { planSetUp } = await loadSetUp();
      const generated = stamp();
      const plan = await host.transact((snapshot) => planSetUp(year, snapshot, generated));
      return { created: plan.created, kept: plan.kept };
    },

    async importFiles(files: readonly File[]): Promise<ImportOutcome> {
      const [returned, { planImport }] = await Promise.all([Promise.all(files.map(readReturnedFile)), loadImport()]);
      const generated = stamp();
      // Nothing readable: the problems alone, without touching the workbook.
      const plan = returned.some((f) => "sheets" in f)
        ? await host.transact((snapshot) => planImport(returned, snapshot, generated))
        : planImport(returned, { sheets: [], names: [] }, generated);
      return { files: plan.files, problems: plan.problems };
    },

    selectCell: (ref) => host.selectCell(ref),

    prefetch(): void {
      prefetchOnDemand();
      host.prefetch?.();
    },

    async previewPublicity(published: string): Promise<PublicityPeriod> {
      const snapshot = await host.read();
      const input = readWorkbook(snapshot.sheets.filter((s) => s.name === SHEETS.holidays));
      return publicityEnd(published, undefined, input.holidayOverrides);
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
