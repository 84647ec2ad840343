// The pane's controller in Excel: every action is one Excel.run over the workbook pipeline of
// src/core/workbook, with the Office.js adapter (excel-workbook.ts) moving cells in and out.

import {
  PublicityPeriod,
  publicityEnd,
  MeasureId,
  CellValue,
  Period,
  generationStamp,
  monthLabel,
  readMonth,
  Problem,
  parseCellAddress,
  problem,
  CellRef,
} from "../../engine";
import {
  WorkbookInput,
  readWorkbook,
  rankWorkbook,
  ProductSheet,
  SheetSpec,
  describeTemplate,
  describeUnitSheet,
  SHEETS,
} from "../../workbook";
import {
  GenerateOutcome,
  GenerateProgress,
  ImportOutcome,
  ImportedFile,
  PaneController,
  PaneError,
  SETUP_SHEETS,
  SetUpOutcome,
  WorkbookOverview,
} from "../controller";
import {
  HostFeatures,
  WorkbookSnapshot,
  applyWorkbookChange,
  detectFeatures,
  readWorkbookCells,
} from "../../adapters/office/excel-workbook";
import { readXlsxFile } from "./xlsx-file";

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

function yearOf(input: WorkbookInput, registry: readonly ProductSheet[]): number | undefined {
  const months = monthsOf(input);
  if (months.length) return Number(months[months.length - 1].slice(0, 4));
  const period = registry.find((s) => s.period)?.period;
  return period ? Number(period.slice(0, 4)) : undefined;
}

function monthsOf(input: WorkbookInput): string[] {
  const set = new Set<string>();
  for (const r of input.records) {
    const month = readMonth(r.month);
    const filled = Object.values(r.values).some((v) => v !== null && v !== undefined && v !== "");
    if (month && filled) set.add(month);
  }
  return [...set].sort();
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
      return withExcel(async (context) => {
        const snapshot = await readWorkbookCells(context, features());
        const input = readWorkbook(snapshot.sheets);
        const names = new Set(snapshot.names);
        const setUpSheets = Object.fromEntries(SETUP_SHEETS.map((s) => [s, names.has(s)])) as WorkbookOverview["setUpSheets"];
        return { indicatorSheets: input.indicatorSheets.length, setUpSheets, months: monthsOf(input), year: yearOf(input, input.registry) };
      });
    },

    async generate(period: Period, published?: string, onProgress?: (p: GenerateProgress) => void): Promise<GenerateOutcome> {
      return withExcel(async (context) => {
        const f = features();
        onProgress?.({ step: "reading", fraction: 0 });
        const snapshot = await readWorkbookCells(context, f);
        onProgress?.({ step: "scoring", fraction: 0.4 });
        const run = rankWorkbook(snapshot.sheets, { period, published, generated: generationStamp(env.now()) });
        onProgress?.({ step: "writing", fraction: 0.6 });
        await applyWorkbookChange(context, run.change, snapshot, f);
        onProgress?.({ step: "done", fraction: 1 });
        const result = run.change.sheets.find((s) => s.role === "result")!;
        const validation = run.change.sheets.find((s) => s.role === "validation");
        const previous = run.change.renames.find((r) => r.from === result.name);
        const corrections =
          run.change.appends.reduce((n, a) => n + a.rows.length, 0) +
          run.change.sheets.filter((s) => s.role === "corrections").reduce((n, s) => n + s.rows.length - 1, 0);
        return {
          evaluation: run.evaluation,
          resultSheet: result.name,
          validationSheet: run.evaluation.problems.length ? validation?.name : undefined,
          previousVersion: previous?.to,
          corrections,
        };
      });
    },

    async setUpWorkbook(year: number): Promise<SetUpOutcome> {
      return withExcel(async (context) => {
        const f = features();
        const snapshot = await readWorkbookCells(context, f);
        const input = readWorkbook(snapshot.sheets, year);
        const names = new Set(snapshot.names);
        const specs = describeTemplate({ year, units: input.units });
        // A unit whose data already lives in some sheet (its own or a summary) gets no new sheet.
        const covered = new Set(input.indicatorSheets.flatMap((s) => s.units));
        const wanted = specs.filter(
          (s) => !names.has(s.name) && !(s.role === "unitInput" && input.units.some((u) => u.name === s.name && covered.has(u.code))),
        );
        const kept = specs.filter((s) => !wanted.includes(s)).map((s) => s.name);
        if (wanted.length) {
          // The created sheets are listed in the registry as the product's, so that nothing else is.
          const registry = [...input.registry, ...wanted.map((s) => ({ name: s.name, role: s.role, created: generationStamp(env.now()) }))];
          await applyWorkbookChange(context, { renames: [], sheets: wanted, appends: [], registry, activate: wanted[0].name }, snapshot, f);
        }
        return { created: wanted.map((s) => s.name), kept };
      });
    },

    async importFiles(files: readonly File[]): Promise<ImportOutcome> {
      const problems: Problem[] = [];
      const parsed: { file: File; input: WorkbookInput }[] = [];
      for (const file of files) {
        try {
          parsed.push({ file, input: readWorkbook(await readXlsxFile(file)) });
        } catch (error) {
          problems.push(
            problem("error", "import.unreadable", `${file.name}：${(error as Error).message}`, "请确认文件是 Excel 另存的 .xlsx 工作簿。"),
          );
        }
      }
      if (!parsed.length) return { files: [], problems };
      return withExcel(async (context) => {
        const f = features();
        const snapshot = await readWorkbookCells(context, f);
        const target = readWorkbook(snapshot.sheets);
        const plan = planImport(parsed, target, snapshot, problems);
        const writes = context.workbook.worksheets;
        for (const w of plan.cellWrites) {
          const range = writes.getItem(w.sheet).getRange(w.cell);
          // Text that Excel would take for a formula is stored as text.
          if (typeof w.value === "string" && /^[=+\-@]/.test(w.value)) range.numberFormat = [["@"]];
          range.values = [[w.value as string | number | boolean]];
        }
        if (plan.cellWrites.length) await context.sync();
        if (plan.newSheets.length) {
          const registry = [
            ...target.registry,
            ...plan.newSheets.map((s) => ({ name: s.name, role: s.role, created: generationStamp(env.now()) })),
          ];
          await applyWorkbookChange(context, { renames: [], sheets: plan.newSheets, appends: [], registry }, snapshot, f);
        }
        return { files: plan.files, problems };
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

interface ImportPlan {
  readonly cellWrites: { sheet: string; cell: string; value: CellValue }[];
  readonly newSheets: SheetSpec[];
  readonly files: ImportedFile[];
}

/**
 * Centres' returned workbooks into this one: a value goes into an empty input cell of the unit's
 * sheet; a cell that already holds a different value is left as it is and reported; a unit with no
 * sheet yet gets one. Nothing typed in this workbook is overwritten.
 */
function planImport(
  parsed: { file: File; input: WorkbookInput }[],
  target: WorkbookInput,
  snapshot: WorkbookSnapshot,
  problems: Problem[],
): ImportPlan {
  const cellWrites: ImportPlan["cellWrites"] = [];
  const newSheets: SheetSpec[] = [];
  const files: ImportedFile[] = [];
  const cellsBySheet = new Map(snapshot.sheets.map((s) => [s.name, s.cells]));
  const targetRows = new Map<string, (typeof target.records)[number]>();
  for (const r of target.records) {
    const month = readMonth(r.month);
    if (month) targetRows.set(`${r.unitCode}|${month}`, r);
  }
  const fresh = new Map<string, { unitName: string; year: number; months: Map<string, Partial<Record<MeasureId, CellValue>>> }>();

  for (const { file, input } of parsed) {
    const sheets = new Set<string>();
    let rows = 0;
    for (const rec of input.records) {
      const month = readMonth(rec.month);
      const unit = target.units.find((u) => u.code === rec.unitCode) ?? input.units.find((u) => u.code === rec.unitCode);
      if (!month || !unit) continue;
      if (!Object.values(rec.values).some((v) => v !== null && v !== undefined && v !== "")) continue;
      const existing = targetRows.get(`${unit.code}|${month}`);
      if (!existing?.cells) {
        const hasSheet = snapshot.names.includes(unit.name);
        if (hasSheet) {
          problems.push(
            problem(
              "warning",
              "import.noRow",
              `${file.name}：${unit.name} ${monthLabel(month)} 在本工作簿的“${unit.name}”表中没有对应的行，未导入`,
              "请在该表中补上该月份的行后再导入。",
              { unitCode: unit.code },
            ),
          );
          continue;
        }
        const entry = fresh.get(unit.code) ?? { unitName: unit.name, year: Number(month.slice(0, 4)), months: new Map() };
        entry.months.set(month, rec.values);
        fresh.set(unit.code, entry);
        sheets.add(unit.name);
        rows++;
        continue;
      }
      let took = false;
      for (const [field, value] of Object.entries(rec.values) as [MeasureId, CellValue][]) {
        const at = existing.cells[field];
        if (!at || value === null || value === "" || typeof value === "object") continue;
        const { row, column: col } = parseCellAddress(at.cell)!;
        const current = cellsBySheet.get(at.sheet)?.[row - 1]?.[col - 1] ?? null;
        if (current === null || current === "") {
          cellWrites.push({ sheet: at.sheet, cell: at.cell, value });
          took = true;
        } else if (current !== value) {
          problems.push(
            problem(
              "warning",
              "import.conflict",
              `${file.name}：${unit.name} ${monthLabel(month)} 的 ${at.sheet}!${at.cell} 已有数值 ${String(current)}，导入文件为 ${String(value)}，未覆盖`,
              "核实后如需采用导入的数值，请手工修改该单元格。",
              { unitCode: unit.code, month, at },
            ),
          );
        }
      }
      if (took) {
        sheets.add(existing.cells.month?.sheet ?? unit.name);
        rows++;
      }
    }
    files.push({ name: file.name, sheets: [...sheets], rows });
  }
  for (const [code, entry] of fresh) {
    const unit = target.units.find((u) => u.code === code)!;
    newSheets.push(describeUnitSheet(unit, entry.year, (_, month) => entry.months.get(month)));
  }
  return { cellWrites, newSheets, files };
}
