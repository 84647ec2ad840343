// The host port: what a spreadsheet host (Excel through Office.js, WPS 表格 through its ET object model,
// an .xlsx file through ExcelJS) offers the workbook layer. A host reads its workbook as sheets of
// cells and executes a list of a few primitive steps; everything else — what to write, in which order,
// under which temporary names, where the commit point is and how a failure is undone — is decided once,
// host-neutral, in transact.ts. See /work/coord/SEAM.md for how an adapter implements it.

import type { CellRef } from "../engine";
import type { SheetCells } from "./read";
import { PrintSpec, SheetSpec, Validation, quotedSheetName } from "./sheet-spec";

/** A sheet's visibility, in ExcelJS's words (Office's "Visible" | "Hidden" | "VeryHidden"; WPS's xlSheet… constants). */
export type Visibility = "visible" | "hidden" | "veryHidden";

/** One sheet of the workbook as the host lists it, in the workbook's order. */
export interface SheetEntry {
  readonly name: string;
  readonly visibility: Visibility;
}

/** The workbook as a host read it. */
export interface HostSnapshot {
  /** The cells of every sheet (values from A1) but the hidden leftovers of an interrupted run ("~kp12328 …"). */
  readonly sheets: readonly SheetCells[];
  /** Every sheet name, hidden ones and leftovers included, in the workbook's order. */
  readonly names: readonly string[];
  /** Every sheet with its visibility, in the same order as `names`. */
  readonly entries: readonly SheetEntry[];
  /** The sheet that was active, to show it again after a failure. */
  readonly active?: string;
}

/** What a host can do beyond values: the steps for what it cannot are never sent to it. */
export interface HostCapabilities {
  /** Data validation (dropdowns, number rules). */
  readonly validation: boolean;
  /** Page set-up: paper, orientation, fit to pages, print titles, footer, margins. */
  readonly pageSetUp: boolean;
  /** A sheet's autofilter. */
  readonly autoFilter: boolean;
  /** Notes on cells (as notes or as comments: the host decides). */
  readonly notes: boolean;
  /** Charts; a host may still refuse one at run time (see ExecuteReport). */
  readonly charts: boolean;
}

/** Every capability: a file written by ExcelJS, or a test host. */
export const ALL_CAPABILITIES: HostCapabilities = { validation: true, pageSetUp: true, autoFilter: true, notes: true, charts: true };

/**
 * The look of a rectangle of cells. Only what is set changes; `top` aligns the cells to the top (a
 * wrapped cell and its neighbours start on one line); `border` draws a thin line around every cell.
 */
export interface BlockStyle {
  readonly fontName?: string;
  readonly fontSize?: number;
  readonly bold?: boolean;
  /** "#RRGGBB". */
  readonly fontColor?: string;
  readonly underline?: boolean;
  /** Solid background "#RRGGBB". */
  readonly fill?: string;
  readonly align?: "left" | "center" | "right";
  readonly wrap?: boolean;
  readonly top?: boolean;
  readonly border?: "thin";
}

/** A sheet's set-up beyond its cells; rows are 1-based and absolute. */
export interface SheetLayout {
  /** Widths in characters (a file's <col width>), from column A. */
  readonly columnWidths?: readonly number[];
  /** Heights in points by row. */
  readonly rowHeights?: Readonly<Record<number, number>>;
  readonly merges?: readonly string[];
  readonly freeze?: { readonly rows: number; readonly columns?: number };
  readonly tabColor?: string;
  readonly print?: PrintSpec;
  /** The autofilter's range ("A5:X33"), replacing the sheet's. */
  readonly filter?: string;
  readonly validations?: readonly Validation[];
}

/**
 * The primitives a host executes, in order. Sheets are named as they are at that moment (names are
 * compared without regard to case, as Excel does). A step on a sheet that is not there, a rename to a
 * name taken, hiding or deleting the last visible sheet: the host fails (throws), as Excel would.
 */
export type HostStep =
  /** A new, hidden sheet at the end of the workbook. */
  | { readonly op: "addSheet"; readonly sheet: string }
  /** A block of values from (row, column), 1-based; `formats` (the same shape) are set before the values, so text stays text. */
  | {
      readonly op: "writeBlock";
      readonly sheet: string;
      readonly row: number;
      readonly column: number;
      readonly values: readonly (readonly (string | number | boolean)[])[];
      /** Undefined: the cells keep the number format they have. */
      readonly formats?: readonly (readonly string[])[];
      /**
       * Where the block has formulas ("=…" in a cell not formatted "@"): the value each is expected to
       * show, for a host that writes a file without calculating (ExcelJS); Excel and WPS calculate.
       */
      readonly cached?: readonly (readonly (string | number | boolean | null)[])[];
    }
  | { readonly op: "styleBlock"; readonly sheet: string; readonly range: string; readonly style: BlockStyle }
  /** An internal hyperlink on a cell, showing `text`. */
  | { readonly op: "link"; readonly sheet: string; readonly cell: string; readonly to: CellRef; readonly text: string }
  | { readonly op: "note"; readonly sheet: string; readonly cell: string; readonly text: string }
  | { readonly op: "layout"; readonly sheet: string; readonly layout: SheetLayout }
  /** A bar chart; the one step a host may refuse without failing (ExecuteReport.refusedCharts). */
  | { readonly op: "chart"; readonly sheet: string; readonly chart: NonNullable<SheetSpec["chart"]> }
  | { readonly op: "rename"; readonly sheet: string; readonly to: string }
  | { readonly op: "setVisibility"; readonly sheet: string; readonly visibility: Visibility }
  | { readonly op: "delete"; readonly sheet: string }
  | { readonly op: "activate"; readonly sheet: string }
  /** Calculation set to manual and screen updating off while writing (where the host has them) … */
  | { readonly op: "pause" }
  /** … and back as they were. */
  | { readonly op: "resume" }
  /**
   * Before cells of a sheet that stays are written: the host keeps, under `key`, what `range` looks
   * like now (number formats; the sheet's autofilter when `filter`; the cells' font when `font`; the
   * heights of `rows`), for a later `restore` of the same key.
   */
  | {
      readonly op: "remember";
      readonly key: string;
      readonly sheet: string;
      readonly range: string;
      readonly filter?: boolean;
      readonly font?: boolean;
      readonly rows?: readonly number[];
    }
  /**
   * Undoes a write into `range` remembered under `key`: where the range's values or formats differ
   * from what was remembered, its values are emptied ("all": its look too, then the remembered formats
   * and font return; "contents": only the values, then the formats return); the autofilter and row
   * heights return as remembered. A key the host never remembered (its request failed) does nothing.
   */
  | { readonly op: "restore"; readonly key: string; readonly sheet: string; readonly range: string; readonly clear: "all" | "contents" };

export type RememberStep = Extract<HostStep, { op: "remember" }>;
export type RestoreStep = Extract<HostStep, { op: "restore" }>;

/**
 * What a host that reads cells back (Excel, WPS) keeps for a `remember`: the range's formats, its
 * sheet's autofilter, its font, its rows' heights — what its `restore` puts back.
 */
export interface RememberedLook {
  readonly formats: string[][];
  /** The autofilter's address (null: none); undefined where the write leaves the filter alone. */
  readonly filter?: string | null;
  /** A styled write's cell font (the sheet's), which clearing its look would otherwise reset. */
  readonly font?: { readonly name: string; readonly size: number };
  /** Each row's height before, null where it had the sheet's standard one. */
  readonly rowHeights?: ReadonlyMap<number, number | null>;
}

/** What a host reports back from execute. */
export interface ExecuteReport {
  /** Chart steps the host refused (it has no chart API): the rest was executed. */
  readonly refusedCharts?: number;
}

/**
 * A workbook in a host. An adapter implements it over its host's API; transact (transact.ts) is the
 * only caller that writes. `execute` runs the steps in order, as few round trips as the host allows;
 * on a failure it throws, and the steps before the failing one may have been applied (transact reads
 * the sheets again and undoes them).
 */
export interface HostPort {
  readonly can: HostCapabilities;
  /** The whole workbook as sheets of cells. */
  read(): Promise<HostSnapshot>;
  /** The sheets alone, names and visibility, in order (after a failure: what is there now). */
  sheets(): Promise<readonly SheetEntry[]>;
  execute(steps: readonly HostStep[]): Promise<ExecuteReport | void>;
}

/** Sheets the protocol writes before swapping them in, and sets aside before deleting them, are named with this prefix, and hidden. */
export const TEMPORARY_PREFIX = "~kp12328 ";

/** A sheet left by an interrupted run: one of the protocol's temporary names, not visible. */
export function isLeftover(entry: SheetEntry): boolean {
  return entry.name.startsWith(TEMPORARY_PREFIX) && entry.visibility !== "visible";
}

/** A cell as a formula or a link takes it: "'2026年10月 考评结果'!A1" (quotes in the name doubled). */
export function cellReference(ref: CellRef): string {
  return `${quotedSheetName(ref.sheet)}!${ref.cell || "A1"}`;
}
