// Centres' returned workbooks into this one (spec §8 import), as one change: a value goes into an
// empty input cell of the unit's row; a cell that already holds a different value is left as it is
// and reported; a unit with no sheet yet gets one. Nothing typed in this workbook is overwritten.

import {
  CellValue,
  MeasureId,
  MonthKey,
  Problem,
  RawRecord,
  Unit,
  isEmptyCell,
  monthLabel,
  parseCellAddress,
  problem,
  readMonth,
} from "../engine";
import { SheetCells, WorkbookInput, readWorkbook } from "./read";
import { WorkbookSheets } from "./overview";
import { CellWrite, SheetSpec, WorkbookChange } from "./sheet-spec";
import { describeUnitSheet } from "./template";

/** A returned file as the adapter read it: its sheets, or why it could not be read. */
export type ReturnedFile =
  { readonly name: string; readonly sheets: readonly SheetCells[] } | { readonly name: string; readonly unreadable: string };

export interface ImportedFile {
  readonly name: string;
  /** Workbook sheets the file's data went into (created or filled). */
  readonly sheets: readonly string[];
  /** Indicator rows taken over. */
  readonly rows: number;
}

export interface ImportPlan {
  /** Undefined when there is nothing to write. */
  readonly change?: WorkbookChange;
  /** The files that could be read, with what each brought. */
  readonly files: readonly ImportedFile[];
  /** Files that could not be read, rows that were skipped, values that were not taken. */
  readonly problems: readonly Problem[];
}

type Values = Partial<Record<MeasureId, CellValue>>;

/** A unit without a sheet in the workbook: the months the files bring for it, for a new sheet. */
interface NewSheet {
  readonly unit: Unit;
  readonly year: number;
  readonly months: Map<MonthKey, Values>;
}

/** The import of `returned` into `workbook`; `generated` ("YYYY-MM-DD HH:mm") is stamped on new sheets' registry entries. */
export function planImport(returned: readonly ReturnedFile[], workbook: WorkbookSheets, generated: string): ImportPlan {
  const problems: Problem[] = returned.flatMap((f) =>
    "unreadable" in f
      ? [
          problem(
            "error",
            "import.unreadable",
            // The reader's messages name the file already.
            f.unreadable.startsWith(f.name) ? f.unreadable : `${f.name}：${f.unreadable}`,
            "请确认文件是 WPS 或 Excel 另存的 .xlsx 工作簿。",
          ),
        ]
      : [],
  );
  const readable = returned.filter((f): f is Extract<ReturnedFile, { sheets: unknown }> => "sheets" in f);
  if (!readable.length) return { files: [], problems };

  const importer = new Importer(workbook, problems);
  const files = readable.map((f) => importer.take(f.name, readWorkbook(f.sheets)));
  // A1 of a new sheet compares with the class's sheets: those the workbook has and those made now.
  const made = [...importer.newSheets.values()].map((s) => s.unit);
  const peers = [...importer.target.units.filter((u) => workbook.names.includes(u.name)), ...made];
  const newSheets = [...importer.newSheets.values()].map((s): SheetSpec =>
    describeUnitSheet(s.unit, s.year, (_, month) => s.months.get(month), importer.target.rules ?? undefined, { peers }),
  );
  const writes = [...importer.writes.values()];
  if (!writes.length && !newSheets.length) return { files, problems };
  const registry = [...importer.target.registry, ...newSheets.map((s) => ({ name: s.name, role: s.role, created: generated }))];
  return { change: { renames: [], sheets: newSheets, appends: [], cellWrites: writes, registry }, files, problems };
}

/** The state of one import while the files are taken in turn: a later file never overrides an earlier one. */
class Importer {
  readonly target: WorkbookInput;
  /** Planned writes by "sheet!cell". */
  readonly writes = new Map<string, CellWrite>();
  readonly newSheets = new Map<string, NewSheet>();
  private readonly rows = new Map<string, RawRecord>();
  private readonly cells: Map<string, SheetCells["cells"]>;
  private readonly names: Set<string>;

  constructor(
    workbook: WorkbookSheets,
    private readonly problems: Problem[],
  ) {
    this.target = readWorkbook(workbook.sheets);
    this.cells = new Map(workbook.sheets.map((s) => [s.name, s.cells]));
    this.names = new Set(workbook.names);
    for (const r of this.target.records) {
      const month = readMonth(r.month);
      if (month && r.cells) this.rows.set(`${r.unitCode}|${month}`, r);
    }
  }

  take(file: string, input: WorkbookInput): ImportedFile {
    const sheets = new Set<string>();
    let rows = 0;
    for (const rec of input.records) {
      const month = readMonth(rec.month);
      const unit = this.target.units.find((u) => u.code === rec.unitCode) ?? input.units.find((u) => u.code === rec.unitCode);
      if (!month || !unit || !Object.values(rec.values).some((v) => !isEmptyCell(v))) continue;
      const existing = this.rows.get(`${unit.code}|${month}`);
      const into = existing ? this.fill(file, unit, month, existing, rec.values) : this.addToNewSheet(file, unit, month, rec.values);
      if (into) {
        sheets.add(into);
        rows++;
      }
    }
    return { name: file, sheets: [...sheets], rows };
  }

  /** Values into the empty cells of the workbook's row; returns the sheet when it took any. */
  private fill(file: string, unit: Unit, month: MonthKey, row: RawRecord, values: Values): string | undefined {
    let took = false;
    for (const [field, value] of Object.entries(values) as [MeasureId, CellValue][]) {
      const at = row.cells?.[field];
      if (!at || value === null || value === "" || typeof value === "object") continue;
      const id = `${at.sheet}!${at.cell}`;
      const { row: r, column: c } = parseCellAddress(at.cell)!;
      const current = this.writes.get(id)?.value ?? this.cells.get(at.sheet)?.[r - 1]?.[c - 1] ?? null;
      if (isEmptyCell(current)) {
        this.writes.set(id, { sheet: at.sheet, cell: at.cell, value });
        took = true;
      } else if (current !== value) {
        this.problems.push(
          problem(
            "warning",
            "import.conflict",
            `${file}：${unit.name} ${monthLabel(month)} 的 ${id} 已有数值 ${String(current)}，导入文件为 ${String(value)}，未覆盖`,
            "核实后如需采用导入的数值，请手工修改该单元格。",
            { unitCode: unit.code, month, at },
          ),
        );
      }
    }
    return took ? (row.cells?.month?.sheet ?? unit.name) : undefined;
  }

  /** A month of a unit that has no sheet: kept for a new sheet, unless a sheet of its name lacks the row. */
  private addToNewSheet(file: string, unit: Unit, month: MonthKey, values: Values): string | undefined {
    if (this.names.has(unit.name)) {
      this.problems.push(
        problem(
          "warning",
          "import.noRow",
          `${file}：${unit.name} ${monthLabel(month)} 在本工作簿的“${unit.name}”表中没有对应的行，未导入`,
          "请在该表中补上该月份的行后再导入。",
          { unitCode: unit.code, month, at: { sheet: unit.name, cell: "A1" } },
        ),
      );
      return undefined;
    }
    const sheet = this.newSheets.get(unit.code) ?? { unit, year: Number(month.slice(0, 4)), months: new Map<MonthKey, Values>() };
    this.newSheets.set(unit.code, sheet);
    const earlier = sheet.months.get(month);
    if (!earlier) {
      sheet.months.set(month, values);
      return unit.name;
    }
    // A month two files bring: the first file's values stand.
    if (JSON.stringify(earlier) !== JSON.stringify(values))
      this.problems.push(
        problem(
          "warning",
          "import.conflict",
          `${file}：${unit.name} ${monthLabel(month)} 已由前一个文件导入，本文件中不同的数值未采用`,
          "核实后如需采用本文件的数值，请在导入后手工修改。",
          { unitCode: unit.code, month },
        ),
      );
    return undefined;
  }
}
