/** The document itself: sheets, cells, formats, notes, validation, charts — what real Excel holds. */
import { cellAddress, MAX_COLUMNS, MAX_ROWS, parseAddress, qualifiedAddress, Rect, rectContains, rectsIntersect } from "./address";
import { CellState, CellValue, displayText, ErrorValue, GENERAL, interpretInput, StoredValue, toPlain } from "./cells";
import { ErrorCode, MemoryExcelError, shapeMismatchMessage } from "./errors";
import { CustomFunction, evaluateFormula, FormulaEnvironment } from "./formula";

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface ValidationRecord {
  rect: Rect;
  rule: Excel.DataValidationRule;
  prompt?: Excel.DataValidationPrompt;
  errorAlert?: Excel.DataValidationErrorAlert;
  ignoreBlanks?: boolean;
}

/** Cells a chart refers to: kept by sheet id, so they follow a rename as Excel's references do. */
export interface CellsRef {
  sheetId: string;
  rect: Rect;
}

export interface ChartSeriesRecord {
  name: string;
  /** The series' values. */
  values: CellsRef;
  /** The category (x-axis) labels, once `setXAxisValues` was called. */
  xAxisValues?: CellsRef;
}

export interface ChartRecord {
  id: string;
  name: string;
  type: string;
  source: CellsRef;
  seriesBy: string;
  title?: string;
  /** undefined: Excel's default (a legend is shown). */
  legendVisible?: boolean;
  series: ChartSeriesRecord[];
  /** The top-left cell given to `setPosition`. */
  position?: string;
}

export interface NameRecord {
  name: string;
  reference: string;
  comment?: string;
  /** undefined: workbook scope. */
  sheetId?: string;
}

export interface CommentRecord {
  id: string;
  sheetId: string;
  row: number;
  column: number;
  content: string;
  resolved: boolean;
}

export interface NoteRecord {
  id: string;
  sheetId: string;
  row: number;
  column: number;
  content: string;
}

/** What a sheet prints like: Excel's defaults for a new sheet (US paper, portrait, 100 %). */
export interface PageLayoutState {
  orientation: `${Excel.PageLayout["orientation"]}`;
  paperSize: `${Excel.PageLayout["paperSize"]}`;
  zoom: Excel.PageLayoutZoomOptions;
  /** Whole rows repeated at the top of every printed page. */
  printTitleRows?: Rect;
  /** Whole columns repeated at the left of every printed page. */
  printTitleColumns?: Rect;
  /** The centre footer of every page, with Excel's codes (&P page, &N pages). */
  centerFooter?: string;
  /** In points: Excel's normal margins are 0.7 in (50.4 pt) left and right, 0.75 in top and bottom, 0.3 in header and footer. */
  margins: PageMarginsState;
}

/** A sheet's print margins, in points, by Office.js's names. */
export interface PageMarginsState {
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
}

export function defaultPageLayout(): PageLayoutState {
  return {
    orientation: "Portrait",
    paperSize: "Letter",
    zoom: { scale: 100 },
    margins: { leftMargin: 50.4, rightMargin: 50.4, topMargin: 54, bottomMargin: 54, headerMargin: 21.6, footerMargin: 21.6 },
  };
}

/** Format properties a whole row or column can carry (applied to the cells created later). */
export type StyleState = Omit<CellState, "value" | "formula" | "hyperlink">;

export interface SheetState {
  id: string;
  name: string;
  visibility: Visibility;
  tabColor: string;
  cells: Map<string, CellState>;
  columnStyles: Map<number, StyleState>;
  rowStyles: Map<number, StyleState>;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  frozenRows: number;
  frozenColumns: number;
  merges: Rect[];
  validations: ValidationRecord[];
  charts: ChartRecord[];
  customProperties: Map<string, string>;
  showGridlines: boolean;
  pageLayout: PageLayoutState;
  /** The range under the autofilter's buttons, when the sheet has one. */
  autoFilter?: Rect;
}

export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;
const STYLE_KEYS = ["numberFormat", "fill", "font", "horizontalAlignment", "verticalAlignment", "wrapText", "borders"] as const;

const key = (row: number, column: number) => `${row},${column}`;

export function validateSheetName(name: unknown): string {
  if (
    typeof name !== "string" ||
    name.length === 0 ||
    name.length > 31 ||
    /[\\/?*[\]:]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    name.toLowerCase() === "history"
  ) {
    throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, "Worksheet.name");
  }
  return name;
}

export class WorkbookState {
  readonly sheets: SheetState[] = [];
  activeSheetId: string | undefined;
  selection: { sheetId: string; rect: Rect } | undefined;
  readonly names: NameRecord[] = [];
  readonly comments: CommentRecord[] = [];
  readonly notes: NoteRecord[] = [];
  readonly functions = new Map<string, CustomFunction>();
  calculationMode: string = "Automatic";
  readonly calculationModeChanges: string[] = [];
  screenUpdatingSuspensions = 0;
  chartsSupported = true;
  private nextId = 1;

  newId(prefix: string): string {
    return `${prefix}{${String(this.nextId++).padStart(8, "0")}}`;
  }

  // ---- sheets -------------------------------------------------------------------------------

  sheetById(id: string): SheetState {
    const s = this.sheets.find((x) => x.id === id);
    if (!s) throw new MemoryExcelError(ErrorCode.itemNotFound, undefined, "Worksheet");
    return s;
  }

  /** Sheets by lower-case name, made again after a sheet is added, renamed or deleted (formulas look sheets up per cell). */
  private byName: Map<string, SheetState> | undefined;

  findSheet(name: string): SheetState | undefined {
    this.byName ??= new Map(this.sheets.map((s) => [s.name.toLowerCase(), s]));
    return this.byName.get(name.toLowerCase());
  }

  addSheet(name?: string): SheetState {
    let finalName = name;
    if (finalName === undefined || finalName === null) {
      let n = this.sheets.length + 1;
      while (this.findSheet(`Sheet${n}`)) n++;
      finalName = `Sheet${n}`;
    }
    validateSheetName(finalName);
    if (this.findSheet(finalName)) throw new MemoryExcelError(ErrorCode.itemAlreadyExists, undefined, "WorksheetCollection.add");
    const sheet: SheetState = {
      id: this.newId(""),
      name: finalName,
      visibility: "Visible",
      tabColor: "",
      cells: new Map(),
      columnStyles: new Map(),
      rowStyles: new Map(),
      columnWidths: new Map(),
      rowHeights: new Map(),
      frozenRows: 0,
      frozenColumns: 0,
      merges: [],
      validations: [],
      charts: [],
      customProperties: new Map(),
      showGridlines: true,
      pageLayout: defaultPageLayout(),
    };
    this.sheets.push(sheet);
    this.byName = undefined;
    if (this.activeSheetId === undefined) this.activeSheetId = sheet.id;
    return sheet;
  }

  renameSheet(sheet: SheetState, name: string): void {
    validateSheetName(name);
    const other = this.findSheet(name);
    if (other && other !== sheet) throw new MemoryExcelError(ErrorCode.itemAlreadyExists, undefined, "Worksheet.name");
    sheet.name = name;
    this.byName = undefined;
  }

  private visibleCount(except?: SheetState): number {
    return this.sheets.filter((s) => s !== except && s.visibility === "Visible").length;
  }

  setVisibility(sheet: SheetState, visibility: string): void {
    if (visibility !== "Visible" && visibility !== "Hidden" && visibility !== "VeryHidden") {
      throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, "Worksheet.visibility");
    }
    if (visibility !== "Visible" && sheet.visibility === "Visible" && this.visibleCount(sheet) === 0) {
      throw new MemoryExcelError(
        ErrorCode.invalidOperation,
        "This operation is not allowed. A workbook must contain at least one visible worksheet.",
        "Worksheet.visibility",
      );
    }
    sheet.visibility = visibility;
    if (visibility !== "Visible" && this.activeSheetId === sheet.id) this.activeSheetId = this.firstVisible()?.id;
  }

  private firstVisible(): SheetState | undefined {
    return this.sheets.find((s) => s.visibility === "Visible");
  }

  deleteSheet(sheet: SheetState): void {
    if (sheet.visibility === "Visible" && this.visibleCount(sheet) === 0) {
      throw new MemoryExcelError(
        ErrorCode.invalidOperation,
        "This operation is not allowed. A workbook must contain at least one visible worksheet.",
        "Worksheet.delete",
      );
    }
    const index = this.sheets.indexOf(sheet);
    this.sheets.splice(index, 1);
    this.byName = undefined;
    for (const list of [this.comments, this.notes] as Array<Array<{ sheetId: string }>>) {
      for (let i = list.length - 1; i >= 0; i--) if (list[i].sheetId === sheet.id) list.splice(i, 1);
    }
    for (let i = this.names.length - 1; i >= 0; i--) if (this.names[i].sheetId === sheet.id) this.names.splice(i, 1);
    if (this.activeSheetId === sheet.id) {
      const next = this.sheets.slice(index).find((s) => s.visibility === "Visible") ?? this.firstVisible();
      this.activeSheetId = next?.id;
    }
    if (this.selection?.sheetId === sheet.id) this.selection = undefined;
  }

  moveSheet(sheet: SheetState, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, "Worksheet.position");
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
  }

  activate(sheet: SheetState): void {
    if (sheet.visibility !== "Visible") {
      throw new MemoryExcelError(ErrorCode.invalidOperation, undefined, "Worksheet.activate");
    }
    this.activeSheetId = sheet.id;
  }

  activeSheet(): SheetState {
    const s = this.sheets.find((x) => x.id === this.activeSheetId) ?? this.firstVisible();
    if (!s) throw new MemoryExcelError(ErrorCode.itemNotFound, undefined, "WorksheetCollection.getActiveWorksheet");
    return s;
  }

  // ---- cells --------------------------------------------------------------------------------

  getCell(sheet: SheetState, row: number, column: number): CellState | undefined {
    return sheet.cells.get(key(row, column));
  }

  /** The cell, created with the row/column styles it inherits when it did not exist. */
  private ensureCell(sheet: SheetState, row: number, column: number): CellState {
    const k = key(row, column);
    let cell = sheet.cells.get(k);
    if (!cell) {
      cell = { value: "" };
      const inherited = { ...sheet.columnStyles.get(column), ...sheet.rowStyles.get(row) };
      for (const p of STYLE_KEYS) if (inherited[p] !== undefined) (cell as unknown as Record<string, unknown>)[p] = inherited[p];
      sheet.cells.set(k, cell);
    }
    return cell;
  }

  /** A style property as the cell shows it: its own, else its row's, else its column's. */
  style<K extends keyof StyleState>(sheet: SheetState, row: number, column: number, prop: K): StyleState[K] | undefined {
    const cell = sheet.cells.get(key(row, column));
    if (cell && cell[prop] !== undefined) return cell[prop];
    const r = sheet.rowStyles.get(row)?.[prop];
    if (r !== undefined) return r;
    return sheet.columnStyles.get(column)?.[prop];
  }

  numberFormatAt(sheet: SheetState, row: number, column: number): string {
    return this.style(sheet, row, column, "numberFormat") ?? GENERAL;
  }

  private evaluating = new Set<string>();

  /** The cell's value; a formula is calculated now. */
  valueAt(sheet: SheetState, row: number, column: number): StoredValue {
    const cell = sheet.cells.get(key(row, column));
    if (!cell) return "";
    if (cell.formula === undefined) return cell.value;
    const k = `${sheet.id}:${row},${column}`;
    if (this.evaluating.has(k)) return 0;
    this.evaluating.add(k);
    try {
      const env: FormulaEnvironment = {
        cell: (sheetName, r, c) => {
          const target = sheetName === undefined ? sheet : this.findSheet(sheetName);
          return target ? this.valueAt(target, r, c) : new ErrorValue("#REF!");
        },
        sheetExists: (name) => this.findSheet(name) !== undefined,
        functions: this.functions,
      };
      return evaluateFormula(cell.formula, env);
    } finally {
      this.evaluating.delete(k);
    }
  }

  /** Every cell of the rectangle, row by row; whole rows/columns are refused (too large). */
  grid<T>(sheet: SheetState, rect: Rect, read: (row: number, column: number) => T): T[][] {
    if (rect.rowCount * rect.columnCount > 5_000_000) {
      throw new MemoryExcelError(ErrorCode.responsePayloadSizeLimitExceeded, undefined, "Range");
    }
    const out: T[][] = [];
    for (let r = 0; r < rect.rowCount; r++) {
      const row: T[] = [];
      for (let c = 0; c < rect.columnCount; c++) row.push(read(rect.row + r, rect.column + c));
      out.push(row);
    }
    return out;
  }

  values(sheet: SheetState, rect: Rect): CellValue[][] {
    return this.grid(sheet, rect, (r, c) => toPlain(this.valueAt(sheet, r, c)));
  }

  formulas(sheet: SheetState, rect: Rect): CellValue[][] {
    return this.grid(sheet, rect, (r, c) => {
      const cell = this.getCell(sheet, r, c);
      if (!cell) return "";
      return cell.formula ?? toPlain(cell.value);
    });
  }

  text(sheet: SheetState, rect: Rect): string[][] {
    return this.grid(sheet, rect, (r, c) => {
      const cell = this.getCell(sheet, r, c);
      if (!cell || (cell.formula === undefined && cell.value === "")) return "";
      return displayText(this.valueAt(sheet, r, c), this.numberFormatAt(sheet, r, c));
    });
  }

  /**
   * Applies a 2-D input (or one scalar for every cell) to the rectangle; a shape that does not
   * match throws InvalidArgument, as Office does.
   */
  forEachInput(rect: Rect, input: unknown, location: string, apply: (row: number, column: number, v: unknown) => void): void {
    if (Array.isArray(input)) {
      const ok = input.length === rect.rowCount && input.every((row) => Array.isArray(row) && row.length === rect.columnCount);
      if (!ok) throw new MemoryExcelError(ErrorCode.invalidArgument, shapeMismatchMessage, location);
      for (let r = 0; r < rect.rowCount; r++)
        for (let c = 0; c < rect.columnCount; c++) apply(rect.row + r, rect.column + c, (input[r] as unknown[])[c]);
      return;
    }
    if (rect.rowCount * rect.columnCount > 5_000_000) throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, location);
    for (let r = 0; r < rect.rowCount; r++) for (let c = 0; c < rect.columnCount; c++) apply(rect.row + r, rect.column + c, input);
  }

  /** Writes to `values` or `formulas`: formula or constant decided per cell by its number format. */
  writeValues(sheet: SheetState, rect: Rect, input: unknown, location: string): void {
    this.forEachInput(rect, input, location, (r, c, v) => {
      const interpreted = interpretInput(v, this.numberFormatAt(sheet, r, c));
      if (interpreted.kind === "unchanged") return;
      const cell = this.ensureCell(sheet, r, c);
      if (interpreted.kind === "clear") {
        cell.value = "";
        delete cell.formula;
      } else if (interpreted.kind === "formula") {
        cell.value = "";
        cell.formula = interpreted.formula;
      } else {
        cell.value = interpreted.value as StoredValue;
        delete cell.formula;
        if (interpreted.impliedFormat && this.numberFormatAt(sheet, r, c) === GENERAL) cell.numberFormat = interpreted.impliedFormat;
      }
    });
  }

  private isWhole(rect: Rect): "columns" | "rows" | undefined {
    if (rect.row === 0 && rect.rowCount === MAX_ROWS) return "columns";
    if (rect.column === 0 && rect.columnCount === MAX_COLUMNS) return "rows";
    return undefined;
  }

  /** Sets one style property on every cell (a whole row/column keeps it for cells created later). */
  setStyle<K extends keyof StyleState>(
    sheet: SheetState,
    rect: Rect,
    prop: K,
    value: StyleState[K] | ((old: StyleState[K] | undefined) => StyleState[K]),
  ): void {
    const compute = (old: StyleState[K] | undefined): StyleState[K] =>
      typeof value === "function" ? (value as (o: StyleState[K] | undefined) => StyleState[K])(old) : value;
    const whole = this.isWhole(rect);
    if (whole) {
      const map = whole === "columns" ? sheet.columnStyles : sheet.rowStyles;
      const start = whole === "columns" ? rect.column : rect.row;
      const count = whole === "columns" ? rect.columnCount : rect.rowCount;
      for (let i = start; i < start + count; i++) {
        const st = map.get(i) ?? {};
        st[prop] = compute(st[prop]);
        map.set(i, st);
      }
      for (const [k, cell] of sheet.cells) {
        const [r, c] = k.split(",").map(Number);
        if (rectContains(rect, r, c)) (cell as StyleState)[prop] = compute(cell[prop]);
      }
      return;
    }
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
        const cell = this.ensureCell(sheet, r, c);
        (cell as StyleState)[prop] = compute(this.style(sheet, r, c, prop));
      }
    }
  }

  setNumberFormats(sheet: SheetState, rect: Rect, input: unknown, location: string): void {
    if (!Array.isArray(input)) {
      this.setStyle(sheet, rect, "numberFormat", String(input));
      return;
    }
    this.forEachInput(rect, input, location, (r, c, v) => {
      if (v === null || v === undefined) return;
      this.ensureCell(sheet, r, c).numberFormat = String(v);
    });
  }

  setHyperlink(sheet: SheetState, rect: Rect, link: Excel.RangeHyperlink | null | undefined): void {
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
        const cell = this.ensureCell(sheet, r, c);
        if (!link) {
          delete cell.hyperlink;
          continue;
        }
        cell.hyperlink = { ...link };
        if (link.textToDisplay !== undefined && cell.formula === undefined) cell.value = link.textToDisplay;
        else if (cell.value === "" && cell.formula === undefined) cell.value = link.address ?? link.documentReference ?? "";
      }
    }
  }

  clear(sheet: SheetState, rect: Rect, applyTo: string): void {
    for (const [k, cell] of [...sheet.cells]) {
      const [r, c] = k.split(",").map(Number);
      if (!rectContains(rect, r, c)) continue;
      if (applyTo === "All" || applyTo === "Contents") {
        cell.value = "";
        delete cell.formula;
      }
      if (applyTo === "All" || applyTo === "Formats") for (const p of STYLE_KEYS) delete cell[p];
      if (applyTo === "All" || applyTo === "Hyperlinks" || applyTo === "RemoveHyperlinks") delete cell.hyperlink;
      if (cell.value === "" && cell.formula === undefined && STYLE_KEYS.every((p) => cell[p] === undefined) && !cell.hyperlink)
        sheet.cells.delete(k);
    }
  }

  /** The used range: cells with a value (valuesOnly) or also cells with a format; undefined if none. */
  usedRect(sheet: SheetState, valuesOnly: boolean): Rect | undefined {
    let r1 = Infinity,
      c1 = Infinity,
      r2 = -1,
      c2 = -1;
    for (const [k, cell] of sheet.cells) {
      const hasValue = cell.formula !== undefined || cell.value !== "";
      const hasFormat = STYLE_KEYS.some((p) => cell[p] !== undefined) || cell.hyperlink !== undefined;
      if (!hasValue && (valuesOnly || !hasFormat)) continue;
      const [r, c] = k.split(",").map(Number);
      r1 = Math.min(r1, r);
      c1 = Math.min(c1, c);
      r2 = Math.max(r2, r);
      c2 = Math.max(c2, c);
    }
    if (r2 < 0) return undefined;
    return { row: r1, column: c1, rowCount: r2 - r1 + 1, columnCount: c2 - c1 + 1 };
  }

  merge(sheet: SheetState, rect: Rect, across: boolean): void {
    const parts = across ? Array.from({ length: rect.rowCount }, (_, i) => ({ ...rect, row: rect.row + i, rowCount: 1 })) : [rect];
    for (const part of parts) {
      if (part.rowCount * part.columnCount <= 1) continue;
      sheet.merges = sheet.merges.filter((m) => !rectsIntersect(m, part));
      sheet.merges.push(part);
      // Excel keeps only the upper-left value.
      for (const [k, cell] of sheet.cells) {
        const [r, c] = k.split(",").map(Number);
        if (rectContains(part, r, c) && !(r === part.row && c === part.column)) {
          cell.value = "";
          delete cell.formula;
        }
      }
    }
  }

  unmerge(sheet: SheetState, rect: Rect): void {
    sheet.merges = sheet.merges.filter((m) => !rectsIntersect(m, rect));
  }

  // ---- notes, comments, names ---------------------------------------------------------------

  addComment(sheet: SheetState, row: number, column: number, content: string): CommentRecord {
    if (this.comments.some((x) => x.sheetId === sheet.id && x.row === row && x.column === column)) {
      throw new MemoryExcelError(ErrorCode.invalidArgument, "A comment already exists in this cell.", "CommentCollection.add");
    }
    const record: CommentRecord = { id: this.newId(""), sheetId: sheet.id, row, column, content, resolved: false };
    this.comments.push(record);
    return record;
  }

  addNote(sheet: SheetState, row: number, column: number, content: string): NoteRecord {
    if (this.notes.some((x) => x.sheetId === sheet.id && x.row === row && x.column === column)) {
      throw new MemoryExcelError(ErrorCode.invalidArgument, "A note already exists in this cell.", "NoteCollection.add");
    }
    const record: NoteRecord = { id: this.newId(""), sheetId: sheet.id, row, column, content };
    this.notes.push(record);
    return record;
  }

  addName(name: string, reference: string, comment: string | undefined, sheetId: string | undefined): NameRecord {
    if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || parseAddress(name) !== undefined) {
      throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, "NamedItemCollection.add");
    }
    if (this.names.some((n) => n.sheetId === sheetId && n.name.toLowerCase() === name.toLowerCase())) {
      throw new MemoryExcelError(ErrorCode.itemAlreadyExists, undefined, "NamedItemCollection.add");
    }
    const record: NameRecord = { name, reference, comment, sheetId };
    this.names.push(record);
    return record;
  }

  /** "Sheet1!C6:C33" under the sheet's current name; "#REF!" once the sheet is gone. */
  addressOf(ref: CellsRef): string {
    const sheet = this.sheets.find((s) => s.id === ref.sheetId);
    return sheet ? qualifiedAddress(sheet.name, ref.rect) : "#REF!";
  }

  cellLabel(sheet: SheetState, row: number, column: number): string {
    return `${sheet.name}!${cellAddress(row, column)}`;
  }
}
