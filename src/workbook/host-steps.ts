// A SheetSpec, an append and a cell write as the host port's primitive steps: values as one
// rectangular block (formats beside them), equal looks grouped into rectangles, then links, borders,
// the sheet's set-up and its notes; the chart is left for the end of the request (transact.ts).

import { cellAddress, columnLetters, parseCellAddress } from "../engine";
import { BlockStyle, HostCapabilities, HostStep, SheetLayout } from "./host-port";
import { CellSpec, CellWrite, FontSpec, SheetAppend, SheetSpec, cellNumberFormat, filterRange, tableRange } from "./sheet-spec";

type Rows = readonly (readonly (CellSpec | null)[])[];

/** A cell's look as a block's, or undefined for a cell that has none of its own. */
function cellStyle(c: CellSpec | null): BlockStyle | undefined {
  if (!c) return undefined;
  const style: BlockStyle = {
    ...(c.fill ? { fill: c.fill } : {}),
    ...(c.bold ? { bold: true } : {}),
    ...(c.fontColor ? { fontColor: c.fontColor } : {}),
    ...(c.fontSize ? { fontSize: c.fontSize } : {}),
    ...(c.link ? { underline: true } : {}),
    ...(c.align ? { align: c.align } : {}),
    ...(c.wrap ? { wrap: true } : {}),
    ...(c.align || c.wrap ? { top: true } : {}),
  };
  return Object.keys(style).length ? style : undefined;
}

/** The parts of a CellSpec that are formatting, as one key, so equal styles group into one range. */
function styleKey(c: CellSpec | null): string {
  const style = cellStyle(c);
  return style ? JSON.stringify(style) : "";
}

/** Rectangles of equal style: runs along each row, joined down consecutive rows with the same run. */
export function styleBlocks(rows: Rows, rowOffset = 0): { range: string; style: BlockStyle }[] {
  type Block = { r0: number; r1: number; c0: number; c1: number; key: string; style: BlockStyle };
  const open = new Map<string, Block>();
  const done: Block[] = [];
  rows.forEach((row, r) => {
    const runs: Block[] = [];
    let c = 0;
    while (c < row.length) {
      const key = styleKey(row[c]);
      let e = c;
      while (e + 1 < row.length && styleKey(row[e + 1]) === key) e++;
      if (key) runs.push({ r0: r, r1: r, c0: c, c1: e, key, style: cellStyle(row[c])! });
      c = e + 1;
    }
    const seen = new Set<string>();
    for (const run of runs) {
      const id = `${run.c0}:${run.c1}:${run.key}`;
      seen.add(id);
      const prev = open.get(id);
      if (prev && prev.r1 === r - 1) prev.r1 = r;
      else {
        if (prev) done.push(prev);
        open.set(id, run);
      }
    }
    for (const [id, block] of open) {
      if (!seen.has(id)) {
        done.push(block);
        open.delete(id);
      }
    }
  });
  done.push(...open.values());
  const at = (r: number, c: number) => cellAddress(r + 1 + rowOffset, c + 1);
  return done.map((b) => ({ range: `${at(b.r0, b.c0)}:${at(b.r1, b.c1)}`, style: b.style }));
}

/** Rows as one rectangle of values (a formula as its text) and number formats, as wide as the widest row. */
export function rectangular(rows: Rows): { values: (string | number | boolean)[][]; formats: string[][]; width: number } {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const values = rows.map((row) =>
    Array.from({ length: width }, (_, c) => {
      const cell = row[c];
      if (!cell) return "";
      if (cell.formula) return cell.formula;
      return cell.value ?? "";
    }),
  );
  // Text cells carry "@" so that a string like "=1+2" from the input is stored as text, never a formula.
  const formats = rows.map((row) => Array.from({ length: width }, (_, c) => cellNumberFormat(row[c])));
  return { values, formats, width };
}

/** The rows' rectangle from row `first` (1-based), `width` columns wide: "A7:X34". */
function rowsRange(first: number, count: number, width: number): string {
  return `A${first}:${columnLetters(width)}${first + count - 1}`;
}

/** Rows written from row `first` (1-based) into `sheet`: the font over their rectangle first (a cell's own size wins), looks, links. */
function rowSteps(sheet: string, rows: Rows, first: number, font: FontSpec | undefined): HostStep[] {
  const steps: HostStep[] = [];
  const { values, formats, width } = rectangular(rows);
  steps.push({ op: "writeBlock", sheet, row: first, column: 1, values, formats });
  if (font && rows.length)
    steps.push({
      op: "styleBlock",
      sheet,
      range: rowsRange(first, rows.length, width),
      style: { fontName: font.name, fontSize: font.size },
    });
  for (const { range, style } of styleBlocks(rows, first - 1)) steps.push({ op: "styleBlock", sheet, range, style });
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell?.link) steps.push({ op: "link", sheet, cell: cellAddress(first + r, c + 1), to: cell.link, text: String(cell.value ?? "") });
    }),
  );
  return steps;
}

/**
 * Everything of a sheet after its values — looks, links, borders, set-up and notes — written into
 * `sheet` (its temporary name); what the host cannot do is left out. The chart is separate (chartStep).
 */
export function sheetSteps(spec: SheetSpec, sheet: string, can: HostCapabilities): HostStep[] {
  const steps = rowSteps(sheet, spec.rows, 1, spec.font);
  for (const range of spec.borders ?? []) steps.push({ op: "styleBlock", sheet, range, style: { border: "thin" } });
  const filter = can.autoFilter ? tableRange(spec) : undefined;
  const layout: SheetLayout = {
    ...(spec.columnWidths ? { columnWidths: spec.columnWidths } : {}),
    ...(spec.rowHeights ? { rowHeights: spec.rowHeights } : {}),
    ...(spec.merges ? { merges: spec.merges } : {}),
    ...(spec.freeze ? { freeze: spec.freeze } : {}),
    ...(spec.tabColor ? { tabColor: spec.tabColor } : {}),
    ...(spec.print && can.pageSetUp ? { print: spec.print } : {}),
    ...(filter ? { filter } : {}),
    ...(spec.validations?.length && can.validation ? { validations: spec.validations } : {}),
  };
  if (Object.keys(layout).length) steps.push({ op: "layout", sheet, layout });
  if (can.notes)
    spec.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell?.note) steps.push({ op: "note", sheet, cell: cellAddress(r + 1, c + 1), text: cell.note });
      }),
    );
  return steps;
}

/** The sheet's chart, where it has one and the host can draw it. */
export function chartStep(spec: SheetSpec, sheet: string, can: HostCapabilities): HostStep[] {
  return spec.chart && can.charts ? [{ op: "chart", sheet, chart: spec.chart }] : [];
}

/** A write into a sheet that stays, with the range it touches: undone by a `restore` before the commit point. */
export interface InPlaceWrite {
  /** The sheet's name when the write is made (after the renames). */
  readonly sheet: string;
  /** Its name before the change: where it is remembered, and where it is restored after the renames are undone. */
  readonly formerName: string;
  readonly range: string;
  readonly steps: readonly HostStep[];
  /** What `remember` keeps besides the formats. */
  readonly filter: boolean;
  readonly font: boolean;
  readonly rows: readonly number[];
  /** Appended rows and a styled mark take their look with them when undone; an import's value only its contents. */
  readonly clear: "all" | "contents";
}

/** Rows appended under the last row of a product sheet (修正记录), from row `first`. */
export function appendWrite(append: SheetAppend, first: number, can: HostCapabilities): InPlaceWrite {
  const sheet = append.sheet;
  const width = Math.max(1, ...append.rows.map((r) => r.length));
  const range = rowsRange(first, append.rows.length, width);
  const steps = rowSteps(sheet, append.rows, first, append.font);
  if (append.bordered) steps.push({ op: "styleBlock", sheet, range, style: { border: "thin" } });
  const heights = Object.entries(append.rowHeights ?? {}).map(([r, h]) => [first + Number(r) - 1, h] as const);
  const filter = append.headerRow && can.autoFilter ? filterRange(append.headerRow, width, first + append.rows.length - 1) : undefined;
  const layout: SheetLayout = {
    ...(heights.length ? { rowHeights: Object.fromEntries(heights) } : {}),
    ...(filter ? { filter } : {}),
  };
  if (Object.keys(layout).length) steps.push({ op: "layout", sheet, layout });
  return { sheet, formerName: sheet, range, steps, filter: !!filter, font: false, rows: heights.map(([r]) => r), clear: "all" };
}

/** One value into an empty cell: a string as text ("@"), a number into the cell's own format; a mark with its look. */
export function cellWrite(write: CellWrite, formerName: string): InPlaceWrite {
  const { sheet, cell, value, style } = write;
  const at = parseCellAddress(cell)!;
  const steps: HostStep[] = [
    {
      op: "writeBlock",
      sheet,
      row: at.row,
      column: at.column,
      values: [[value]],
      ...(typeof value === "string" ? { formats: [["@"]] } : {}),
    },
  ];
  if (style) {
    const look: BlockStyle = {
      ...(style.bold ? { bold: true } : {}),
      ...(style.fontColor ? { fontColor: style.fontColor } : {}),
      ...(style.link ? { underline: true } : {}),
    };
    if (Object.keys(look).length) steps.push({ op: "styleBlock", sheet, range: cell, style: look });
    if (style.link) steps.push({ op: "link", sheet, cell, to: style.link, text: String(value) });
  }
  return { sheet, formerName, range: cell, steps, filter: false, font: !!style, rows: [], clear: style ? "all" : "contents" };
}
