// An in-memory host behind the host port (src/workbook/host-port.ts), for the tests of transact:
// sheets of cells with their formats and looks, strict where Excel is strict — a step on a sheet that
// is not there, a name taken twice, hiding or deleting the last visible sheet, activating a hidden one
// all fail — and a failure injected at any step, with the steps before it applied, as a failed
// Office.js request leaves them.

import type {
  BlockStyle,
  ExecuteReport,
  HostCapabilities,
  HostPort,
  HostSnapshot,
  HostStep,
  SheetEntry,
  SheetLayout,
  Visibility,
} from "../../src/workbook";
import { ALL_CAPABILITIES } from "../../src/workbook";
import { parseCellAddress } from "../../src/engine";

interface Cell {
  value: string | number | boolean;
  format: string;
  style: BlockStyle;
  link?: string;
  note?: string;
}

interface Sheet {
  name: string;
  visibility: Visibility;
  cells: Map<string, Cell>;
  layout: SheetLayout;
  charts: string[];
}

interface Remembered {
  formats: Map<string, string>;
  filter?: string | null;
  heights: Map<number, number | undefined>;
}

const key = (name: string) => name.toLowerCase();

/** Every cell of an A1 range ("B2:C3" or "B2"), 1-based. */
function cellsOf(range: string): { row: number; column: number }[] {
  const [from, to] = range.split(":").map((a) => parseCellAddress(a)!);
  const end = to ?? from;
  const out: { row: number; column: number }[] = [];
  for (let r = from.row; r <= end.row; r++) for (let c = from.column; c <= end.column; c++) out.push({ row: r, column: c });
  return out;
}

export class MemoryPort implements HostPort {
  sheetList: Sheet[] = [];
  active = "";
  calculation: "automatic" | "manual" = "automatic";
  /** Steps executed so far, over every execute. */
  executed = 0;
  /** The step (1-based, counted over every execute) that fails; later ones run. */
  failAt?: number;
  /** Every step from this one (1-based) fails: a host that stopped answering. */
  failFrom?: number;
  refuseCharts = false;
  readonly memory = new Map<string, Remembered>();

  constructor(
    sheets: Record<string, (string | number)[][]>,
    readonly can: HostCapabilities = ALL_CAPABILITIES,
  ) {
    for (const [name, rows] of Object.entries(sheets)) {
      const sheet = this.add(name, "visible");
      rows.forEach((row, r) => row.forEach((value, c) => sheet.cells.set(`${r + 1},${c + 1}`, { value, format: "General", style: {} })));
    }
    this.active = this.sheetList[0]?.name ?? "";
  }

  private add(name: string, visibility: Visibility): Sheet {
    if (this.find(name)) throw new Error(`ItemAlreadyExists: ${name}`);
    const sheet: Sheet = { name, visibility, cells: new Map(), layout: {}, charts: [] };
    this.sheetList.push(sheet);
    return sheet;
  }

  find(name: string): Sheet | undefined {
    return this.sheetList.find((s) => key(s.name) === key(name));
  }

  private sheet(name: string): Sheet {
    const sheet = this.find(name);
    if (!sheet) throw new Error(`ItemNotFound: ${name}`);
    return sheet;
  }

  private visibleOthers(sheet: Sheet): number {
    return this.sheetList.filter((s) => s !== sheet && s.visibility === "visible").length;
  }

  async read(): Promise<HostSnapshot> {
    const entries = await this.sheets();
    const sheets = this.sheetList
      .filter((s) => !(s.name.startsWith("~kp12328 ") && s.visibility !== "visible"))
      .map((s) => {
        const grid: (string | number | boolean | null)[][] = [];
        for (const [at, cell] of s.cells) {
          if (cell.value === "") continue;
          const [r, c] = at.split(",").map(Number);
          while (grid.length < r) grid.push([]);
          const row = grid[r - 1];
          while (row.length < c) row.push(null);
          row[c - 1] = cell.value;
        }
        return { name: s.name, cells: grid };
      });
    return { sheets, names: entries.map((e) => e.name), entries, active: this.active };
  }

  async sheets(): Promise<SheetEntry[]> {
    return this.sheetList.map((s) => ({ name: s.name, visibility: s.visibility }));
  }

  async execute(steps: readonly HostStep[]): Promise<ExecuteReport> {
    let refusedCharts = 0;
    // The protocol's rule for hosts that read before they write (Office.js): a batch's restores come first.
    const firstOther = steps.findIndex((s) => s.op !== "restore");
    if (firstOther >= 0 && steps.slice(firstOther).some((s) => s.op === "restore"))
      throw new Error("restore steps must come first in a batch");
    for (const step of steps) {
      this.executed++;
      if (this.executed === this.failAt || (this.failFrom !== undefined && this.executed >= this.failFrom))
        throw new Error(`injected failure at step ${this.executed} (${step.op})`);
      if (step.op === "chart" && this.refuseCharts) refusedCharts++;
      else this.run(step);
    }
    return { refusedCharts };
  }

  private cell(sheet: Sheet, row: number, column: number): Cell {
    const at = `${row},${column}`;
    let cell = sheet.cells.get(at);
    if (!cell) sheet.cells.set(at, (cell = { value: "", format: "General", style: {} }));
    return cell;
  }

  private run(step: HostStep): void {
    switch (step.op) {
      case "addSheet":
        this.add(step.sheet, "hidden");
        return;
      case "writeBlock": {
        const sheet = this.sheet(step.sheet);
        step.values.forEach((row, r) =>
          row.forEach((value, c) => {
            const cell = this.cell(sheet, step.row + r, step.column + c);
            if (step.formats) cell.format = step.formats[r][c];
            cell.value = value;
          }),
        );
        return;
      }
      case "styleBlock": {
        const sheet = this.sheet(step.sheet);
        for (const { row, column } of cellsOf(step.range)) {
          const cell = this.cell(sheet, row, column);
          cell.style = { ...cell.style, ...step.style };
        }
        return;
      }
      case "link":
        this.cell(this.sheet(step.sheet), ...this.at(step.cell)).link = `${step.to.sheet}!${step.to.cell}`;
        return;
      case "note":
        this.cell(this.sheet(step.sheet), ...this.at(step.cell)).note = step.text;
        return;
      case "layout": {
        const sheet = this.sheet(step.sheet);
        sheet.layout = {
          ...sheet.layout,
          ...step.layout,
          rowHeights: { ...sheet.layout.rowHeights, ...step.layout.rowHeights },
        };
        return;
      }
      case "chart":
        this.sheet(step.sheet).charts.push(step.chart.title);
        return;
      case "rename": {
        const sheet = this.sheet(step.sheet);
        const other = this.find(step.to);
        if (other && other !== sheet) throw new Error(`ItemAlreadyExists: ${step.to}`);
        if (key(this.active) === key(sheet.name)) this.active = step.to;
        sheet.name = step.to;
        return;
      }
      case "setVisibility": {
        const sheet = this.sheet(step.sheet);
        if (step.visibility !== "visible" && !this.visibleOthers(sheet)) throw new Error("InvalidOperation: the last visible sheet");
        sheet.visibility = step.visibility;
        if (step.visibility !== "visible" && key(this.active) === key(sheet.name))
          this.active = this.sheetList.find((s) => s.visibility === "visible")!.name;
        return;
      }
      case "delete": {
        const sheet = this.sheet(step.sheet);
        if (sheet.visibility === "visible" && !this.visibleOthers(sheet)) throw new Error("InvalidOperation: the last visible sheet");
        this.sheetList = this.sheetList.filter((s) => s !== sheet);
        if (key(this.active) === key(sheet.name)) this.active = this.sheetList.find((s) => s.visibility === "visible")!.name;
        return;
      }
      case "activate": {
        const sheet = this.sheet(step.sheet);
        if (sheet.visibility !== "visible") throw new Error("InvalidOperation: a hidden sheet cannot be activated");
        this.active = sheet.name;
        return;
      }
      case "pause":
        this.calculation = "manual";
        return;
      case "resume":
        this.calculation = "automatic";
        return;
      case "remember": {
        const sheet = this.sheet(step.sheet);
        const formats = new Map(
          cellsOf(step.range).map(({ row, column }) => [`${row},${column}`, sheet.cells.get(`${row},${column}`)?.format ?? "General"]),
        );
        const heights = new Map((step.rows ?? []).map((r) => [r, sheet.layout.rowHeights?.[r]]));
        this.memory.set(step.key, { formats, heights, ...(step.filter ? { filter: sheet.layout.filter ?? null } : {}) });
        return;
      }
      case "restore": {
        const before = this.memory.get(step.key);
        if (!before) return;
        const sheet = this.sheet(step.sheet);
        const changed = [...before.formats].some(([at, format]) => {
          const cell = sheet.cells.get(at);
          return cell !== undefined && (cell.value !== "" || cell.format !== format);
        });
        if (before.filter !== undefined) sheet.layout = { ...sheet.layout, filter: before.filter ?? undefined };
        const heights = { ...sheet.layout.rowHeights };
        for (const [r, h] of before.heights) {
          if (h === undefined) delete heights[r];
          else heights[r] = h;
        }
        sheet.layout = { ...sheet.layout, rowHeights: heights };
        if (!changed) return;
        for (const [at, format] of before.formats) {
          const cell = sheet.cells.get(at);
          if (!cell) continue;
          if (step.clear === "all") sheet.cells.set(at, { value: "", format, style: {} });
          else sheet.cells.set(at, { ...cell, value: "", format });
        }
        return;
      }
    }
  }

  private at(address: string): [number, number] {
    const at = parseCellAddress(address)!;
    return [at.row, at.column];
  }

  /** Everything a user could see, as plain data, for exact comparison. */
  view(): unknown {
    return {
      active: this.active,
      calculation: this.calculation,
      sheets: this.sheetList.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        layout: JSON.parse(
          JSON.stringify({ ...s.layout, rowHeights: Object.keys(s.layout.rowHeights ?? {}).length ? s.layout.rowHeights : undefined }),
        ) as unknown,
        charts: s.charts,
        cells: [...s.cells.entries()]
          .filter(([, c]) => c.value !== "" || c.format !== "General" || Object.keys(c.style).length || c.link || c.note)
          .sort(([a], [b]) => a.localeCompare(b)),
      })),
    };
  }
}
