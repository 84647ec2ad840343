/** `Excel.Range` and what hangs off it: format (fill, font), data validation. */
import { MAX_COLUMNS, MAX_ROWS, qualifiedAddress, Rect, rectContains } from "./address";
import { BordersState, displayText, valueType } from "./cells";
import { MemoryClientObject } from "./client-object";
import { ErrorCode, MemoryExcelError } from "./errors";
import type { MemoryRequestContext } from "./request-context";
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, SheetState, ValidationRecord, WorkbookState } from "./workbook-state";
import { MemoryWorksheet } from "./worksheet";

/** What a range proxy is bound to: a sheet (by id, so renames keep it) and a rectangle. */
export interface RangeRef {
  sheetId: string;
  rect: Rect;
}

const COLOR_NAMES: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  gray: "#808080",
  grey: "#808080",
  purple: "#800080",
  lightgreen: "#90EE90",
  lightblue: "#ADD8E6",
  pink: "#FFC0CB",
  lightgray: "#D3D3D3",
  lightgrey: "#D3D3D3",
  darkgreen: "#006400",
  darkblue: "#00008B",
};

/** Office accepts "#RRGGBB" or an HTML colour name, and reports "#RRGGBB". */
export function normalizeColor(input: unknown, location: string): string {
  if (typeof input === "string") {
    if (/^#[0-9a-fA-F]{6}$/.test(input)) return input.toUpperCase();
    if (/^#[0-9a-fA-F]{3}$/.test(input)) return `#${[...input.slice(1)].map((c) => c + c).join("")}`.toUpperCase();
    const named = COLOR_NAMES[input.toLowerCase()];
    if (named) return named;
  }
  throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, location);
}

function call(path: string, name: string, ...args: unknown[]): string {
  return `${path}.${name}(${args.map((a) => JSON.stringify(a)).join(", ")})`;
}

/** The same value for every cell, or null when they differ (as Office reports mixed formats). */
function uniform<T>(values: T[]): T | null {
  if (values.length === 0) return null;
  return values.every((v) => v === values[0]) ? values[0] : null;
}

type RangeMembers =
  | "context"
  | "isNullObject"
  | "address"
  | "addressLocal"
  | "values"
  | "formulas"
  | "numberFormat"
  | "text"
  | "valueTypes"
  | "rowCount"
  | "columnCount"
  | "rowIndex"
  | "columnIndex"
  | "cellCount"
  | "isEntireColumn"
  | "isEntireRow"
  | "hyperlink"
  | "format"
  | "dataValidation"
  | "worksheet"
  | "getCell"
  | "getResizedRange"
  | "getOffsetRange"
  | "getAbsoluteResizedRange"
  | "getRow"
  | "getColumn"
  | "getEntireRow"
  | "getEntireColumn"
  | "getLastCell"
  | "getUsedRange"
  | "getUsedRangeOrNullObject"
  | "merge"
  | "unmerge"
  | "select"
  | "clear"
  | "load"
  | "track"
  | "untrack";

export class MemoryRange extends MemoryClientObject<RangeRef> implements Pick<Excel.Range, RangeMembers> {
  protected readonly _typeName = "Range";
  private _format: MemoryRangeFormat | undefined;
  private _validation: MemoryDataValidation | undefined;

  constructor(ctx: MemoryRequestContext, path: string, orNull = false) {
    super(ctx, path, orNull);
  }

  private get _state(): WorkbookState {
    return this._ctx._host.state;
  }

  /** @internal */
  _sheet(): SheetState {
    return this._state.sheetById(this._target().sheetId);
  }

  private _rect(): Rect {
    return this._target().rect;
  }

  private readonly _sheetOfWrite = () => {
    const t = this._tryTarget();
    return t ? this._state.sheets.find((s) => s.id === t.sheetId) : undefined;
  };

  protected _loadables(): Record<string, () => unknown> {
    const st = this._state;
    const sheet = () => this._sheet();
    const rect = () => this._rect();
    return {
      address: () => qualifiedAddress(sheet().name, rect()),
      addressLocal: () => qualifiedAddress(sheet().name, rect()),
      values: () => st.values(sheet(), rect()),
      formulas: () => st.formulas(sheet(), rect()),
      numberFormat: () => st.grid(sheet(), rect(), (r, c) => st.numberFormatAt(sheet(), r, c)),
      text: () => st.text(sheet(), rect()),
      valueTypes: () => st.grid(sheet(), rect(), (r, c) => valueType(st.valueAt(sheet(), r, c))),
      rowCount: () => rect().rowCount,
      columnCount: () => rect().columnCount,
      rowIndex: () => rect().row,
      columnIndex: () => rect().column,
      cellCount: () => rect().rowCount * rect().columnCount,
      isEntireColumn: () => rect().row === 0 && rect().rowCount === MAX_ROWS,
      isEntireRow: () => rect().column === 0 && rect().columnCount === MAX_COLUMNS,
      hyperlink: () => {
        const link = st.getCell(sheet(), rect().row, rect().column)?.hyperlink;
        return link ? { ...link } : null;
      },
    };
  }

  protected override _navigation(name: string): MemoryClientObject | undefined {
    if (name === "format") return this._formatObject();
    if (name === "dataValidation") return this._validationObject();
    if (name === "worksheet") return this.worksheet as unknown as MemoryWorksheet;
    return undefined;
  }

  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get text(): string[][] {
    return this._get("text");
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this._get("valueTypes");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get isEntireColumn(): boolean {
    return this._get("isEntireColumn");
  }
  get isEntireRow(): boolean {
    return this._get("isEntireRow");
  }

  get values(): any[][] {
    return this._get("values");
  }
  set values(v: any[][]) {
    this._set("values", v, () => this._state.writeValues(this._sheet(), this._rect(), v, "Range.values"), this._sheetOfWrite);
  }

  get formulas(): any[][] {
    return this._get("formulas");
  }
  set formulas(v: any[][]) {
    this._set("formulas", v, () => this._state.writeValues(this._sheet(), this._rect(), v, "Range.formulas"), this._sheetOfWrite);
  }

  get numberFormat(): any[][] {
    return this._get("numberFormat");
  }
  set numberFormat(v: any[][]) {
    this._set(
      "numberFormat",
      v,
      () => this._state.setNumberFormats(this._sheet(), this._rect(), v, "Range.numberFormat"),
      this._sheetOfWrite,
    );
  }

  get hyperlink(): Excel.RangeHyperlink {
    return this._get("hyperlink");
  }
  set hyperlink(v: Excel.RangeHyperlink) {
    this._set("hyperlink", v, () => this._state.setHyperlink(this._sheet(), this._rect(), v), this._sheetOfWrite);
  }

  get format(): Excel.RangeFormat {
    return this._formatObject() as unknown as Excel.RangeFormat;
  }

  get dataValidation(): Excel.DataValidation {
    return this._validationObject() as unknown as Excel.DataValidation;
  }

  get worksheet(): Excel.Worksheet {
    const ws = new MemoryWorksheet(this._ctx, `${this._path}.worksheet`);
    ws._instantiate("worksheet", [], () => this._target().sheetId);
    return ws as unknown as Excel.Worksheet;
  }

  private _formatObject(): MemoryRangeFormat {
    this._format ??= new MemoryRangeFormat(this._ctx, `${this._path}.format`, this);
    return this._format;
  }

  private _validationObject(): MemoryDataValidation {
    this._validation ??= new MemoryDataValidation(this._ctx, `${this._path}.dataValidation`, this);
    return this._validation;
  }

  /** A new range proxy whose rectangle is computed from this one when the request runs. */
  private _derive(name: string, args: unknown[], compute: (ref: RangeRef) => Rect | null, orNull = false): Excel.Range {
    const child = new MemoryRange(this._ctx, call(this._path, name, ...args), orNull);
    child._instantiate(name, args, () => {
      const ref = this._tryTarget();
      if (ref === null) return null;
      const rect = compute(ref);
      if (rect === null) return null;
      checkRect(rect, `Range.${name}`);
      return { sheetId: ref.sheetId, rect };
    });
    return child as unknown as Excel.Range;
  }

  getCell(row: number, column: number): Excel.Range {
    return this._derive("getCell", [row, column], ({ rect }) => ({
      row: rect.row + row,
      column: rect.column + column,
      rowCount: 1,
      columnCount: 1,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Excel.Range {
    return this._derive("getResizedRange", [deltaRows, deltaColumns], ({ rect }) => ({
      ...rect,
      rowCount: rect.rowCount + deltaRows,
      columnCount: rect.columnCount + deltaColumns,
    }));
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): Excel.Range {
    return this._derive("getAbsoluteResizedRange", [numRows, numColumns], ({ rect }) => ({
      ...rect,
      rowCount: numRows,
      columnCount: numColumns,
    }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): Excel.Range {
    return this._derive("getOffsetRange", [rowOffset, columnOffset], ({ rect }) => ({
      ...rect,
      row: rect.row + rowOffset,
      column: rect.column + columnOffset,
    }));
  }

  getRow(row: number): Excel.Range {
    return this._derive("getRow", [row], ({ rect }) => ({ ...rect, row: rect.row + row, rowCount: 1 }));
  }

  getColumn(column: number): Excel.Range {
    return this._derive("getColumn", [column], ({ rect }) => ({ ...rect, column: rect.column + column, columnCount: 1 }));
  }

  getEntireRow(): Excel.Range {
    return this._derive("getEntireRow", [], ({ rect }) => ({ ...rect, column: 0, columnCount: MAX_COLUMNS }));
  }

  getEntireColumn(): Excel.Range {
    return this._derive("getEntireColumn", [], ({ rect }) => ({ ...rect, row: 0, rowCount: MAX_ROWS }));
  }

  getLastCell(): Excel.Range {
    return this._derive("getLastCell", [], ({ rect }) => ({
      row: rect.row + rect.rowCount - 1,
      column: rect.column + rect.columnCount - 1,
      rowCount: 1,
      columnCount: 1,
    }));
  }

  private _used(ref: RangeRef, valuesOnly: boolean): Rect | null {
    const used = this._state.usedRect(this._state.sheetById(ref.sheetId), valuesOnly);
    if (!used) return null;
    const r1 = Math.max(used.row, ref.rect.row);
    const c1 = Math.max(used.column, ref.rect.column);
    const r2 = Math.min(used.row + used.rowCount, ref.rect.row + ref.rect.rowCount);
    const c2 = Math.min(used.column + used.columnCount, ref.rect.column + ref.rect.columnCount);
    return r2 > r1 && c2 > c1 ? { row: r1, column: c1, rowCount: r2 - r1, columnCount: c2 - c1 } : null;
  }

  getUsedRange(valuesOnly?: boolean): Excel.Range {
    return this._derive("getUsedRange", [valuesOnly ?? false], (ref) => this._used(ref, valuesOnly ?? false));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Excel.Range {
    return this._derive("getUsedRangeOrNullObject", [valuesOnly ?? false], (ref) => this._used(ref, valuesOnly ?? false), true);
  }

  merge(across?: boolean): void {
    this._call("merge", [across ?? false], () => this._state.merge(this._sheet(), this._rect(), across ?? false), this._sheetOfWrite);
  }

  unmerge(): void {
    this._call("unmerge", [], () => this._state.unmerge(this._sheet(), this._rect()), this._sheetOfWrite);
  }

  select(): void {
    this._call(
      "select",
      [],
      () => {
        const sheet = this._sheet();
        this._state.activate(sheet);
        this._state.selection = { sheetId: sheet.id, rect: this._rect() };
      },
      undefined,
      false,
    );
  }

  clear(applyTo?: Excel.ClearApplyTo | "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" | "ResetContents"): void {
    const what = applyTo ?? "All";
    this._call(
      "clear",
      [what],
      () => this._state.clear(this._sheet(), this._rect(), what === "ResetContents" ? "Contents" : what),
      this._sheetOfWrite,
    );
  }

  load(option?: string | string[] | Excel.Interfaces.RangeLoadOptions | { select?: string; expand?: string }): Excel.Range {
    this._load(option);
    return this as unknown as Excel.Range;
  }

  override track(): Excel.Range & this {
    return this as unknown as Excel.Range & this;
  }

  override untrack(): Excel.Range & this {
    return this as unknown as Excel.Range & this;
  }
}

export function checkRect(rect: Rect, location: string): void {
  const ok =
    Number.isInteger(rect.row) &&
    Number.isInteger(rect.column) &&
    Number.isInteger(rect.rowCount) &&
    Number.isInteger(rect.columnCount) &&
    rect.row >= 0 &&
    rect.column >= 0 &&
    rect.rowCount >= 1 &&
    rect.columnCount >= 1 &&
    rect.row + rect.rowCount <= MAX_ROWS &&
    rect.column + rect.columnCount <= MAX_COLUMNS;
  if (!ok) throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, location);
}

/** Objects that act on their range's cells. */
abstract class RangePart extends MemoryClientObject<RangeRef> {
  constructor(
    ctx: MemoryRequestContext,
    path: string,
    protected readonly range: MemoryRange,
  ) {
    super(ctx, path);
  }
  override _tryTarget(): RangeRef | null {
    return this.range._tryTarget();
  }
  protected get st(): WorkbookState {
    return this._ctx._host.state;
  }
  protected sheet(): SheetState {
    return this.range._sheet();
  }
  protected rect(): Rect {
    return this._target().rect;
  }
  protected readonly writeSheet = () => {
    const t = this._tryTarget();
    return t ? this.st.sheets.find((s) => s.id === t.sheetId) : undefined;
  };
  /** Every cell's value of one style property, for reading back a uniform value. */
  protected cellsOf<T>(read: (row: number, column: number) => T): T[] {
    const r = this.rect();
    if (r.rowCount * r.columnCount > 100_000) {
      return [read(r.row, r.column)];
    }
    return this.st.grid(this.sheet(), r, read).flat();
  }
}

type FormatMembers =
  | "context"
  | "fill"
  | "font"
  | "borders"
  | "columnWidth"
  | "rowHeight"
  | "useStandardHeight"
  | "horizontalAlignment"
  | "verticalAlignment"
  | "wrapText"
  | "autofitColumns"
  | "autofitRows"
  | "load";

export class MemoryRangeFormat extends RangePart implements Pick<Excel.RangeFormat, FormatMembers> {
  protected readonly _typeName = "RangeFormat";
  private _fill: MemoryRangeFill | undefined;
  private _font: MemoryRangeFont | undefined;
  private _borders: MemoryRangeBorderCollection | undefined;

  protected _loadables(): Record<string, () => unknown> {
    return {
      columnWidth: () => {
        const r = this.rect();
        const widths = Array.from(
          { length: Math.min(r.columnCount, 1000) },
          (_, i) => this.sheet().columnWidths.get(r.column + i) ?? DEFAULT_COLUMN_WIDTH,
        );
        return uniform(widths);
      },
      rowHeight: () => {
        const r = this.rect();
        const heights = Array.from(
          { length: Math.min(r.rowCount, 1000) },
          (_, i) => this.sheet().rowHeights.get(r.row + i) ?? DEFAULT_ROW_HEIGHT,
        );
        return uniform(heights);
      },
      // Excel: true where every row has the sheet's standard height, null where the rows differ, else false.
      useStandardHeight: () => {
        const r = this.rect();
        const standard = Array.from({ length: Math.min(r.rowCount, 1000) }, (_, i) => !this.sheet().rowHeights.has(r.row + i));
        return uniform(standard);
      },
      horizontalAlignment: () => uniform(this.cellsOf((r, c) => this.st.style(this.sheet(), r, c, "horizontalAlignment") ?? "General")),
      verticalAlignment: () => uniform(this.cellsOf((r, c) => this.st.style(this.sheet(), r, c, "verticalAlignment") ?? "Bottom")),
      wrapText: () => uniform(this.cellsOf((r, c) => this.st.style(this.sheet(), r, c, "wrapText") ?? false)),
    };
  }

  protected override _navigation(name: string): MemoryClientObject | undefined {
    if (name === "fill") return this.fill as unknown as MemoryRangeFill;
    if (name === "font") return this.font as unknown as MemoryRangeFont;
    if (name === "borders") return this.borders as unknown as MemoryRangeBorderCollection;
    return undefined;
  }

  get borders(): Excel.RangeBorderCollection {
    this._borders ??= new MemoryRangeBorderCollection(this._ctx, `${this._path}.borders`, this.range);
    return this._borders as unknown as Excel.RangeBorderCollection;
  }

  get fill(): Excel.RangeFill {
    this._fill ??= new MemoryRangeFill(this._ctx, `${this._path}.fill`, this.range);
    return this._fill as unknown as Excel.RangeFill;
  }

  get font(): Excel.RangeFont {
    this._font ??= new MemoryRangeFont(this._ctx, `${this._path}.font`, this.range);
    return this._font as unknown as Excel.RangeFont;
  }

  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(v: number) {
    this._set(
      "columnWidth",
      v,
      () => {
        if (typeof v !== "number" || !(v >= 0)) throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, "RangeFormat.columnWidth");
        const r = this.rect();
        for (let c = r.column; c < r.column + r.columnCount; c++) this.sheet().columnWidths.set(c, v);
      },
      this.writeSheet,
    );
  }

  get rowHeight(): number {
    return this._get("rowHeight");
  }
  set rowHeight(v: number) {
    this._set(
      "rowHeight",
      v,
      () => {
        if (typeof v !== "number" || !(v >= 0)) throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, "RangeFormat.rowHeight");
        const r = this.rect();
        for (let i = r.row; i < r.row + r.rowCount; i++) this.sheet().rowHeights.set(i, v);
      },
      this.writeSheet,
    );
  }

  get useStandardHeight(): boolean {
    return this._get("useStandardHeight");
  }
  /** Only true does anything (Excel: "only intended to be set to true"): the rows lose their own heights. */
  set useStandardHeight(v: boolean) {
    this._set(
      "useStandardHeight",
      v,
      () => {
        if (v !== true) return;
        const r = this.rect();
        for (let i = r.row; i < r.row + r.rowCount; i++) this.sheet().rowHeights.delete(i);
      },
      this.writeSheet,
    );
  }

  get horizontalAlignment(): Excel.RangeFormat["horizontalAlignment"] {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(v: Excel.RangeFormat["horizontalAlignment"]) {
    this._set(
      "horizontalAlignment",
      v,
      () => this.st.setStyle(this.sheet(), this.rect(), "horizontalAlignment", String(v)),
      this.writeSheet,
    );
  }

  get verticalAlignment(): Excel.RangeFormat["verticalAlignment"] {
    return this._get("verticalAlignment");
  }
  set verticalAlignment(v: Excel.RangeFormat["verticalAlignment"]) {
    this._set("verticalAlignment", v, () => this.st.setStyle(this.sheet(), this.rect(), "verticalAlignment", String(v)), this.writeSheet);
  }

  get wrapText(): boolean {
    return this._get("wrapText");
  }
  set wrapText(v: boolean) {
    this._set("wrapText", v, () => this.st.setStyle(this.sheet(), this.rect(), "wrapText", Boolean(v)), this.writeSheet);
  }

  /** Sets each column to fit its longest displayed text (≈ 7 points a character, CJK double). */
  autofitColumns(): void {
    this._call(
      "autofitColumns",
      [],
      () => {
        const sheet = this.sheet();
        const r = this.rect();
        const rows = this.st.usedRect(sheet, true);
        for (let c = r.column; c < r.column + Math.min(r.columnCount, 1000); c++) {
          let longest = 0;
          if (rows) {
            for (let row = Math.max(r.row, rows.row); row < Math.min(r.row + r.rowCount, rows.row + rows.rowCount); row++) {
              const cell = this.st.getCell(sheet, row, c);
              if (!cell) continue;
              const text = displayText(this.st.valueAt(sheet, row, c), this.st.numberFormatAt(sheet, row, c));
              const units = [...text].reduce((n, ch) => n + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);
              longest = Math.max(longest, units);
            }
          }
          sheet.columnWidths.set(c, longest === 0 ? DEFAULT_COLUMN_WIDTH : Math.round((longest * 7 + 10) * 100) / 100);
        }
      },
      this.writeSheet,
    );
  }

  autofitRows(): void {
    this._call("autofitRows", [], () => undefined, this.writeSheet);
  }

  load(option?: unknown): Excel.RangeFormat {
    this._load(option);
    return this as unknown as Excel.RangeFormat;
  }
}

export class MemoryRangeFill extends RangePart implements Pick<Excel.RangeFill, "context" | "color" | "clear" | "load"> {
  protected readonly _typeName = "RangeFill";

  protected _loadables(): Record<string, () => unknown> {
    return { color: () => uniform(this.cellsOf((r, c) => this.st.style(this.sheet(), r, c, "fill") ?? "#FFFFFF")) };
  }

  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, () => this.st.setStyle(this.sheet(), this.rect(), "fill", normalizeColor(v, "RangeFill.color")), this.writeSheet);
  }

  clear(): void {
    this._call("clear", [], () => this.st.setStyle(this.sheet(), this.rect(), "fill", undefined), this.writeSheet);
  }

  load(option?: unknown): Excel.RangeFill {
    this._load(option);
    return this as unknown as Excel.RangeFill;
  }
}

const BORDER_STYLES = new Set(["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"]);
const BORDER_WEIGHTS = new Set(["Hairline", "Thin", "Medium", "Thick"]);
const BORDER_INDEXES = new Set([
  ..."EdgeTop EdgeBottom EdgeLeft EdgeRight InsideVertical InsideHorizontal DiagonalDown DiagonalUp".split(" "),
]);

/** `Excel.RangeBorderCollection` (ExcelApi 1.1): getItem by index only. */
export class MemoryRangeBorderCollection extends RangePart implements Pick<Excel.RangeBorderCollection, "context" | "getItem" | "load"> {
  protected readonly _typeName = "RangeBorderCollection";

  protected _loadables(): Record<string, () => unknown> {
    return {};
  }

  getItem(index: Excel.BorderIndex | `${Excel.BorderIndex}`): Excel.RangeBorder {
    if (!BORDER_INDEXES.has(String(index)))
      throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, "RangeBorderCollection.getItem");
    return new MemoryRangeBorder(this._ctx, `${this._path}.getItem(${index})`, this.range, String(index)) as unknown as Excel.RangeBorder;
  }

  load(option?: unknown): Excel.RangeBorderCollection {
    this._load(option);
    return this as unknown as Excel.RangeBorderCollection;
  }
}

/**
 * One border of a range, recorded on the cells it runs along: an edge on the outer cells, an inside
 * border on both cells it separates. A cell's edge reads "Continuous/Thin" (style/weight). Diagonals are
 * accepted and not recorded.
 */
export class MemoryRangeBorder extends RangePart implements Pick<Excel.RangeBorder, "context" | "style" | "weight" | "load"> {
  protected readonly _typeName = "RangeBorder";

  constructor(
    ctx: MemoryRequestContext,
    path: string,
    range: MemoryRange,
    private readonly index: string,
  ) {
    super(ctx, path, range);
  }

  protected _loadables(): Record<string, () => unknown> {
    const edge = (which: "style" | "weight") => () => {
      const side = this.sides()[0]?.[1] ?? "top";
      const r = this.rect();
      const v = this.st.style(this.sheet(), r.row, r.column, "borders")?.[side];
      return which === "style" ? (v?.split("/")[0] ?? "None") : (v?.split("/")[1] ?? "Thin");
    };
    return { style: edge("style"), weight: edge("weight") };
  }

  /** The cells (as sub-rectangles) and the edge of each this border sets. */
  private sides(): [Rect, keyof BordersState][] {
    const r = this.rect();
    const rows = (from: number, count: number): Rect => ({ ...r, row: from, rowCount: count });
    const cols = (from: number, count: number): Rect => ({ ...r, column: from, columnCount: count });
    const last = { row: r.row + r.rowCount - 1, column: r.column + r.columnCount - 1 };
    switch (this.index) {
      case "EdgeTop":
        return [[rows(r.row, 1), "top"]];
      case "EdgeBottom":
        return [[rows(last.row, 1), "bottom"]];
      case "EdgeLeft":
        return [[cols(r.column, 1), "left"]];
      case "EdgeRight":
        return [[cols(last.column, 1), "right"]];
      case "InsideHorizontal":
        return r.rowCount < 2
          ? []
          : [
              [rows(r.row + 1, r.rowCount - 1), "top"],
              [rows(r.row, r.rowCount - 1), "bottom"],
            ];
      case "InsideVertical":
        return r.columnCount < 2
          ? []
          : [
              [cols(r.column + 1, r.columnCount - 1), "left"],
              [cols(r.column, r.columnCount - 1), "right"],
            ];
      default:
        return [];
    }
  }

  private setEdge(part: 0 | 1, value: string, valid: Set<string>, location: string): void {
    this._set(
      location.split(".")[1],
      value,
      () => {
        if (!valid.has(String(value))) throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, location);
        for (const [rect, side] of this.sides()) {
          this.st.setStyle(this.sheet(), rect, "borders", (old) => {
            const [style, weight] = (old?.[side] ?? "None/Thin").split("/");
            const next = part === 0 ? `${value}/${weight}` : `${style}/${value}`;
            return { ...old, [side]: next };
          });
        }
      },
      this.writeSheet,
    );
  }

  get style(): Excel.RangeBorder["style"] {
    return this._get("style");
  }
  set style(v: Excel.RangeBorder["style"]) {
    this.setEdge(0, String(v), BORDER_STYLES, "RangeBorder.style");
  }
  get weight(): Excel.RangeBorder["weight"] {
    return this._get("weight");
  }
  set weight(v: Excel.RangeBorder["weight"]) {
    this.setEdge(1, String(v), BORDER_WEIGHTS, "RangeBorder.weight");
  }

  load(option?: unknown): Excel.RangeBorder {
    this._load(option);
    return this as unknown as Excel.RangeBorder;
  }
}

type FontMembers = "context" | "bold" | "italic" | "color" | "size" | "name" | "underline" | "load";

export class MemoryRangeFont extends RangePart implements Pick<Excel.RangeFont, FontMembers> {
  protected readonly _typeName = "RangeFont";

  protected _loadables(): Record<string, () => unknown> {
    const font = (r: number, c: number) => this.st.style(this.sheet(), r, c, "font") ?? {};
    return {
      bold: () => uniform(this.cellsOf((r, c) => font(r, c).bold ?? false)),
      italic: () => uniform(this.cellsOf((r, c) => font(r, c).italic ?? false)),
      color: () => uniform(this.cellsOf((r, c) => font(r, c).color ?? "#000000")),
      size: () => uniform(this.cellsOf((r, c) => font(r, c).size ?? 11)),
      name: () => uniform(this.cellsOf((r, c) => font(r, c).name ?? "Calibri")),
      underline: () => uniform(this.cellsOf((r, c) => font(r, c).underline ?? "None")),
    };
  }

  private setFont(prop: "bold" | "italic" | "color" | "size" | "name" | "underline", value: unknown, normalized: () => unknown): void {
    this._set(
      prop,
      value,
      () => {
        const v = normalized();
        this.st.setStyle(this.sheet(), this.rect(), "font", (old) => ({ ...old, [prop]: v }));
      },
      this.writeSheet,
    );
  }

  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this.setFont("bold", v, () => Boolean(v));
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(v: boolean) {
    this.setFont("italic", v, () => Boolean(v));
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this.setFont("color", v, () => normalizeColor(v, "RangeFont.color"));
  }
  get size(): number {
    return this._get("size");
  }
  set size(v: number) {
    this.setFont("size", v, () => {
      if (typeof v !== "number" || v < 1 || v > 409) throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, "RangeFont.size");
      return v;
    });
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this.setFont("name", v, () => String(v));
  }
  get underline(): Excel.RangeFont["underline"] {
    return this._get("underline");
  }
  set underline(v: Excel.RangeFont["underline"]) {
    this.setFont("underline", v, () => String(v));
  }

  load(option?: unknown): Excel.RangeFont {
    this._load(option);
    return this as unknown as Excel.RangeFont;
  }
}

type ValidationMembers = "context" | "rule" | "prompt" | "errorAlert" | "ignoreBlanks" | "type" | "clear" | "load";

const RULE_TYPES: Record<string, Excel.DataValidationType> = {
  wholeNumber: "WholeNumber" as Excel.DataValidationType.wholeNumber,
  decimal: "Decimal" as Excel.DataValidationType.decimal,
  list: "List" as Excel.DataValidationType.list,
  textLength: "TextLength" as Excel.DataValidationType.textLength,
  date: "Date" as Excel.DataValidationType.date,
  time: "Time" as Excel.DataValidationType.time,
  custom: "Custom" as Excel.DataValidationType.custom,
};

export class MemoryDataValidation extends RangePart implements Pick<Excel.DataValidation, ValidationMembers> {
  protected readonly _typeName = "DataValidation";

  private records(): ValidationRecord[] {
    return this.sheet().validations;
  }

  /** The record covering exactly this range, created on demand. */
  private recordFor(create: boolean): ValidationRecord | undefined {
    const r = this.rect();
    const same = this.records().find(
      (v) => v.rect.row === r.row && v.rect.column === r.column && v.rect.rowCount === r.rowCount && v.rect.columnCount === r.columnCount,
    );
    if (same || !create) return same;
    const record: ValidationRecord = { rect: { ...r }, rule: {} };
    this.records().push(record);
    return record;
  }

  /** The record that applies to the whole range (its own, or one containing it). */
  private covering(): ValidationRecord | undefined {
    const r = this.rect();
    return this.records().find(
      (v) => rectContains(v.rect, r.row, r.column) && rectContains(v.rect, r.row + r.rowCount - 1, r.column + r.columnCount - 1),
    );
  }

  protected _loadables(): Record<string, () => unknown> {
    return {
      rule: () => structuredCloneJson(this.covering()?.rule ?? {}),
      prompt: () => structuredCloneJson(this.covering()?.prompt ?? { showPrompt: false, title: "", message: "" }),
      errorAlert: () => structuredCloneJson(this.covering()?.errorAlert ?? { showAlert: true, style: "Stop", title: "", message: "" }),
      ignoreBlanks: () => this.covering()?.ignoreBlanks ?? true,
      type: () => {
        const rule = this.covering()?.rule ?? {};
        const kind = Object.keys(rule).find((k) => (rule as Record<string, unknown>)[k] !== undefined);
        return kind ? RULE_TYPES[kind] : "None";
      },
    };
  }

  get rule(): Excel.DataValidationRule {
    return this._get("rule");
  }
  set rule(v: Excel.DataValidationRule) {
    this._set(
      "rule",
      v,
      () => {
        const kinds = Object.keys(v ?? {}).filter((k) => (v as Record<string, unknown>)[k] !== undefined);
        if (kinds.length !== 1 || !(kinds[0] in RULE_TYPES))
          throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, "DataValidation.rule");
        const basic = (v as Record<string, Excel.BasicDataValidation | undefined>)[kinds[0]];
        if (
          (kinds[0] === "wholeNumber" || kinds[0] === "decimal" || kinds[0] === "textLength") &&
          (basic?.formula1 === undefined || basic.operator === undefined)
        ) {
          throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, "DataValidation.rule");
        }
        // A list takes its words as one comma-separated string (at most 255 characters) or a range as "=…".
        const list = (v as Excel.DataValidationRule).list;
        if (
          kinds[0] === "list" &&
          (typeof list?.source !== "string" || !list.source || (!list.source.startsWith("=") && list.source.length > 255))
        )
          throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, "DataValidation.rule");
        const r = this.rect();
        // A new rule replaces whatever rules the range's cells had.
        this.sheet().validations = this.records().filter(
          (x) =>
            !(
              rectContains(r, x.rect.row, x.rect.column) &&
              rectContains(r, x.rect.row + x.rect.rowCount - 1, x.rect.column + x.rect.columnCount - 1)
            ) ||
            (x.rect.row === r.row && x.rect.column === r.column && x.rect.rowCount === r.rowCount && x.rect.columnCount === r.columnCount),
        );
        (this.recordFor(true) as ValidationRecord).rule = structuredCloneJson(v);
      },
      this.writeSheet,
    );
  }

  get prompt(): Excel.DataValidationPrompt {
    return this._get("prompt");
  }
  set prompt(v: Excel.DataValidationPrompt) {
    this._set("prompt", v, () => ((this.recordFor(true) as ValidationRecord).prompt = structuredCloneJson(v)), this.writeSheet);
  }

  get errorAlert(): Excel.DataValidationErrorAlert {
    return this._get("errorAlert");
  }
  set errorAlert(v: Excel.DataValidationErrorAlert) {
    this._set("errorAlert", v, () => ((this.recordFor(true) as ValidationRecord).errorAlert = structuredCloneJson(v)), this.writeSheet);
  }

  get ignoreBlanks(): boolean {
    return this._get("ignoreBlanks");
  }
  set ignoreBlanks(v: boolean) {
    this._set("ignoreBlanks", v, () => ((this.recordFor(true) as ValidationRecord).ignoreBlanks = Boolean(v)), this.writeSheet);
  }

  get type(): Excel.DataValidation["type"] {
    return this._get("type");
  }

  clear(): void {
    this._call(
      "clear",
      [],
      () => {
        const r = this.rect();
        this.sheet().validations = this.records().filter((x) => !rectContains(r, x.rect.row, x.rect.column));
      },
      this.writeSheet,
    );
  }

  load(option?: unknown): Excel.DataValidation {
    this._load(option);
    return this as unknown as Excel.DataValidation;
  }
}

export function structuredCloneJson<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}
