// ET's Range, strict where WPS is: Value2 is a scalar for one cell and an array of rows for more, and an
// array must have the range's shape; NumberFormat, fonts, fills and alignment take one value for the whole
// range (a mixed range reads back null); colours are BGR integers, never "#RRGGBB"; a text cell ("@") keeps
// "=1+2" as text; an error cell reads as a number (see EtHostOptions.errors); a date reads as its serial.

import type { EtBorder, EtBorders, EtComment, EtFont, EtInterior, EtRange, EtValidation } from "../../../src/adapters/wps/et-model";
import { Rect, cellAddress, columnLetters, rectsIntersect } from "../memory-excel/address";
import { ErrorValue, StoredValue, displayText, interpretInput } from "../memory-excel/cells";
import { EtHost, counted } from "./host";
import { ERROR_CODES, EtCell, EtError, EtSheetState, EtValidationState, cellKey, hresultOf } from "./state";

/** Cells whose every value is read or written at once stay under this, as a real host's memory would. */
const MAX_CELLS = 2_000_000;

const GENERAL_NAMES = new Set(["General", "G/通用格式"]);

export class MemoryEtRange implements EtRange {
  constructor(
    private readonly _host: EtHost,
    readonly _sheet: EtSheetState,
    /** One rectangle, or several ("A1:B2,D4:E5"), which only take looks: values, merges and the like need one. */
    readonly _areas: readonly Rect[],
  ) {}

  get _rect(): Rect {
    if (this._areas.length !== 1) throw new EtError("此操作不能用于多重选定区域");
    return this._areas[0];
  }

  private *_cells(): Generator<[number, number]> {
    for (const { row, column, rowCount, columnCount } of this._areas) {
      if (rowCount * columnCount > MAX_CELLS) throw new EtError("区域太大");
      for (let r = row; r < row + rowCount; r++) for (let c = column; c < column + columnCount; c++) yield [r, c];
    }
  }

  private _cell(r: number, c: number): EtCell {
    const key = cellKey(r, c);
    let cell = this._sheet.cells.get(key);
    if (!cell) this._sheet.cells.set(key, (cell = { value: "" }));
    return cell;
  }

  /** One value for the whole range, or null where its cells differ (as ET gives a mixed range's property). */
  _common<T>(read: (cell: EtCell | undefined, r: number, c: number) => T): T | null {
    let first = true;
    let value: T | null = null;
    for (const [r, c] of this._cells()) {
      const v = read(this._sheet.cells.get(cellKey(r, c)), r, c);
      if (first) value = v;
      else if (v !== value) return null;
      first = false;
    }
    return value;
  }

  _each(write: (cell: EtCell, r: number, c: number) => void): void {
    for (const [r, c] of this._cells()) write(this._cell(r, c), r, c);
  }

  private _read(r: number, c: number): unknown {
    const v = this._host.valueOf(this._sheet, r, c);
    if (v instanceof ErrorValue) {
      const code = ERROR_CODES[v.text] ?? 2015;
      return this._host.options.errors === "hresult" ? hresultOf(code) : code;
    }
    return v === "" ? this._host.options.empty : v;
  }

  private _write(cell: EtCell, input: unknown): void {
    if (input instanceof Date || (typeof input === "object" && input !== null)) throw new EtError("类型不匹配", 13);
    // An empty entry (undefined, null, "") clears the cell, as assigning Empty does.
    const meant = interpretInput(input === null || input === undefined ? "" : input, cell.numberFormat);
    delete cell.formula;
    if (meant.kind === "formula") {
      cell.formula = meant.formula;
      cell.value = "";
    } else cell.value = meant.kind === "constant" ? meant.value! : "";
    if (meant.impliedFormat && (!cell.numberFormat || GENERAL_NAMES.has(cell.numberFormat))) cell.numberFormat = meant.impliedFormat;
  }

  get Value2(): string | unknown[] {
    const { row, column, rowCount, columnCount } = this._rect;
    if (rowCount * columnCount > MAX_CELLS) throw new EtError("区域太大");
    if (rowCount === 1 && columnCount === 1) return this._read(row, column) as string;
    return Array.from({ length: rowCount }, (_, r) => Array.from({ length: columnCount }, (_, c) => this._read(row + r, column + c)));
  }

  set Value2(value: string | unknown[]) {
    const { row, column, rowCount, columnCount } = this._rect;
    if (!Array.isArray(value)) {
      this._each((cell) => this._write(cell, value));
      return;
    }
    if (value.length !== rowCount || value.some((r) => !Array.isArray(r) || r.length !== columnCount))
      throw new EtError(`数组的大小与区域不符（区域 ${rowCount} 行 × ${columnCount} 列）`);
    this._each((cell, r, c) => this._write(cell, (value[r - row] as unknown[])[c - column]));
  }

  get Formula(): string {
    const { row, column } = this._rect;
    const cell = this._host.cell(this._sheet, row, column);
    return cell?.formula ?? displayText(cell?.value ?? "", undefined);
  }

  set Formula(formula: string) {
    this._each((cell) => this._write(cell, formula));
  }

  get Text(): string | null {
    return this._common((cell, r, c) => displayText(this._host.valueOf(this._sheet, r, c), cell?.numberFormat));
  }

  get NumberFormat(): string {
    const format = this._common((cell) => cell?.numberFormat ?? "General");
    return (format !== null && GENERAL_NAMES.has(format) ? this._host.options.general : format) as string;
  }

  set NumberFormat(format: string) {
    if (typeof format !== "string") throw new EtError("NumberFormat 只接受一个格式字符串", 13);
    const stored = GENERAL_NAMES.has(format) ? undefined : format;
    this._each((cell) => (cell.numberFormat = stored));
  }

  get Row(): number {
    return this._rect.row + 1;
  }

  get Column(): number {
    return this._rect.column + 1;
  }

  get Count(): number {
    return this._rect.rowCount * this._rect.columnCount;
  }

  get Rows(): { readonly Count: number } {
    return counted(this._host, { Count: this._rect.rowCount });
  }

  get Columns(): { readonly Count: number } {
    return counted(this._host, { Count: this._rect.columnCount });
  }

  Address(): string {
    const one = (r: number, c: number) => `$${columnLetters(c)}$${r + 1}`;
    return this._areas
      .map(({ row, column, rowCount, columnCount }) =>
        rowCount === 1 && columnCount === 1 ? one(row, column) : `${one(row, column)}:${one(row + rowCount - 1, column + columnCount - 1)}`,
      )
      .join(",");
  }

  get Font(): EtFont {
    return counted(this._host, new MemoryEtFont(this));
  }

  get Interior(): EtInterior {
    return counted(this._host, new MemoryEtInterior(this));
  }

  get Borders(): EtBorders {
    return counted(this._host, { Item: (index: number) => counted(this._host, new MemoryEtBorder(this, index)) });
  }

  get HorizontalAlignment(): number {
    return this._common((cell) => cell?.horizontal ?? 1) as number;
  }

  set HorizontalAlignment(value: number) {
    this._each((cell) => (cell.horizontal = value));
  }

  get VerticalAlignment(): number {
    return this._common((cell) => cell?.vertical ?? -4107) as number;
  }

  set VerticalAlignment(value: number) {
    this._each((cell) => (cell.vertical = value));
  }

  get WrapText(): boolean {
    return this._common((cell) => !!cell?.wrap) as boolean;
  }

  set WrapText(value: boolean) {
    this._each((cell) => (cell.wrap = !!value));
  }

  private _rows(): number[] {
    const { row, rowCount } = this._rect;
    return Array.from({ length: rowCount }, (_, i) => row + i);
  }

  get RowHeight(): number {
    const heights = new Set(this._rows().map((r) => this._sheet.rowHeights.get(r) ?? STANDARD_HEIGHT));
    return (heights.size === 1 ? [...heights][0] : null) as number;
  }

  set RowHeight(points: number) {
    if (typeof points !== "number" || points < 0 || points > 409) throw new EtError("行高必须在 0 到 409 磅之间");
    for (const r of this._rows()) this._sheet.rowHeights.set(r, points);
  }

  get UseStandardHeight(): boolean {
    return this._rows().every((r) => !this._sheet.rowHeights.has(r));
  }

  set UseStandardHeight(value: boolean) {
    if (value) for (const r of this._rows()) this._sheet.rowHeights.delete(r);
  }

  get ColumnWidth(): number {
    const { column, columnCount } = this._rect;
    const widths = new Set(Array.from({ length: columnCount }, (_, i) => this._sheet.columnWidths.get(column + i) ?? STANDARD_WIDTH));
    return (widths.size === 1 ? [...widths][0] : null) as number;
  }

  set ColumnWidth(characters: number) {
    if (typeof characters !== "number" || characters < 0 || characters > 255) throw new EtError("列宽必须在 0 到 255 个字符之间");
    const { column, columnCount } = this._rect;
    for (let c = column; c < column + columnCount; c++) this._sheet.columnWidths.set(c, characters);
  }

  get MergeCells(): boolean {
    return this._sheet.merges.some((m) => rectsIntersect(m, this._rect));
  }

  set MergeCells(value: boolean) {
    if (value) this.Merge();
    else this.UnMerge();
  }

  Merge(): void {
    if (this._sheet.merges.some((m) => rectsIntersect(m, this._rect))) throw new EtError("不能合并与已合并区域重叠的单元格");
    if (this.Count > 1) this._sheet.merges.push({ ...this._rect });
  }

  UnMerge(): void {
    this._sheet.merges = this._sheet.merges.filter((m) => !rectsIntersect(m, this._rect));
  }

  Clear(): boolean {
    this.ClearFormats();
    this.ClearContents();
    this.ClearComments();
    return true;
  }

  ClearContents(): boolean {
    this._each((cell) => {
      cell.value = "";
      delete cell.formula;
    });
    return true;
  }

  ClearFormats(): boolean {
    this._each((cell) => {
      for (const k of ["numberFormat", "font", "fill", "horizontal", "vertical", "wrap", "borders"] as const) delete cell[k];
    });
    return true;
  }

  ClearComments(): void {
    for (const [r, c] of this._cells()) this._sheet.notes.delete(cellKey(r, c));
  }

  get Comment(): EtComment | null {
    const key = cellKey(this._rect.row, this._rect.column);
    return this._sheet.notes.has(key) ? counted(this._host, new MemoryEtComment(this._sheet, key)) : null;
  }

  AddComment(text?: string): EtComment {
    if (this.Count !== 1) throw new EtError("批注只能加在一个单元格上");
    const key = cellKey(this._rect.row, this._rect.column);
    if (this._sheet.notes.has(key)) throw new EtError("该单元格已有批注");
    this._sheet.notes.set(key, text ?? "");
    return counted(this._host, new MemoryEtComment(this._sheet, key));
  }

  get Validation(): EtValidation {
    return counted(this._host, new MemoryEtValidation(this._sheet, this._rect));
  }

  /** Without arguments ET toggles the sheet's filter: off where there is one, else on over this range. */
  AutoFilter(): boolean {
    if (this._sheet.autoFilter) this._sheet.autoFilter = null;
    else if (this.Count === 1) throw new EtError("筛选需要一个多于一个单元格的区域");
    else this._sheet.autoFilter = { ...this._rect };
    return true;
  }

  Select(): boolean {
    if (this._host.active !== this._sheet) throw new EtError("只能选择活动工作表上的单元格");
    return true;
  }

  /** "A1" of this range's top-left cell, for the host's own bookkeeping. */
  _topLeft(): string {
    return cellAddress(this._rect.row, this._rect.column);
  }
}

/** WPS's standard row height and column width in a new workbook (points; characters). */
export const STANDARD_HEIGHT = 13.5;
export const STANDARD_WIDTH = 8.38;

function bgr(value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 0xffffff)
    throw new EtError(`颜色必须是 0 到 16777215 的整数（BGR），不是 ${JSON.stringify(value)}`, 13);
  return value;
}

class MemoryEtFont implements EtFont {
  constructor(private readonly _range: MemoryEtRange) {}
  get Name(): string {
    return this._range._common((c) => c?.font?.name ?? "宋体") as string;
  }
  set Name(name: string) {
    this._range._each((c) => (c.font = { ...c.font, name }));
  }
  get Size(): number {
    return this._range._common((c) => c?.font?.size ?? 11) as number;
  }
  set Size(size: number) {
    this._range._each((c) => (c.font = { ...c.font, size }));
  }
  get Bold(): boolean {
    return this._range._common((c) => !!c?.font?.bold) as boolean;
  }
  set Bold(bold: boolean) {
    this._range._each((c) => (c.font = { ...c.font, bold: !!bold }));
  }
  get Color(): number {
    return this._range._common((c) => c?.font?.color ?? 0) as number;
  }
  set Color(color: number) {
    const value = bgr(color);
    this._range._each((c) => (c.font = { ...c.font, color: value }));
  }
  get Underline(): number {
    return this._range._common((c) => c?.font?.underline ?? -4142) as number;
  }
  set Underline(underline: number) {
    this._range._each((c) => (c.font = { ...c.font, underline }));
  }
}

class MemoryEtInterior implements EtInterior {
  constructor(private readonly _range: MemoryEtRange) {}
  get Color(): number {
    return this._range._common((c) => c?.fill ?? 0xffffff) as number;
  }
  set Color(color: number) {
    const value = bgr(color);
    this._range._each((c) => (c.fill = value));
  }
  get Pattern(): number {
    return this._range._common((c) => (c?.fill === undefined ? -4142 : 1)) as number;
  }
  set Pattern(pattern: number) {
    if (pattern === -4142) this._range._each((c) => delete c.fill);
  }
}

/** Which cell edges a border index draws: the range's outer edges, or those between its cells. */
const EDGES: Record<number, (r: number, c: number, rect: Rect) => ("top" | "bottom" | "left" | "right")[]> = {
  8: (r, _c, x) => (r === x.row ? ["top"] : []),
  9: (r, _c, x) => (r === x.row + x.rowCount - 1 ? ["bottom"] : []),
  7: (_r, c, x) => (c === x.column ? ["left"] : []),
  10: (_r, c, x) => (c === x.column + x.columnCount - 1 ? ["right"] : []),
  11: (_r, c, x) => [...(c > x.column ? (["left"] as const) : []), ...(c < x.column + x.columnCount - 1 ? (["right"] as const) : [])],
  12: (r, _c, x) => [...(r > x.row ? (["top"] as const) : []), ...(r < x.row + x.rowCount - 1 ? (["bottom"] as const) : [])],
};

class MemoryEtBorder implements EtBorder {
  constructor(
    private readonly _range: MemoryEtRange,
    private readonly _index: number,
  ) {
    if (!EDGES[_index]) throw new EtError(`边框索引无效：${_index}`);
    // Lines between cells need cells on both sides, as in ET and Excel.
    for (const { rowCount, columnCount } of _range._areas)
      if ((_index === 11 && columnCount === 1) || (_index === 12 && rowCount === 1)) throw new EtError("单行或单列的区域没有内部边框");
  }
  private _set(part: 0 | 1, value: number): void {
    const areas = this._range._areas;
    const areaOf = (r: number, c: number) =>
      areas.find((a) => r >= a.row && r < a.row + a.rowCount && c >= a.column && c < a.column + a.columnCount)!;
    this._range._each((cell, r, c) => {
      for (const edge of EDGES[this._index](r, c, areaOf(r, c))) {
        const [style = "1", weight = "2"] = (cell.borders?.[edge] ?? "").split("/").filter(Boolean);
        const next = part === 0 ? [String(value), weight] : [style, String(value)];
        cell.borders = { ...cell.borders, [edge]: next.join("/") };
        if (part === 0 && value === -4142) delete cell.borders[edge];
      }
    });
  }
  get LineStyle(): number {
    return Number(this._range._common((cell) => (cell?.borders?.top ?? "-4142").split("/")[0]));
  }
  set LineStyle(style: number) {
    this._set(0, style);
  }
  get Weight(): number {
    return Number(this._range._common((cell) => (cell?.borders?.top ?? "1/2").split("/")[1]));
  }
  set Weight(weight: number) {
    this._set(1, weight);
  }
}

class MemoryEtComment implements EtComment {
  constructor(
    private readonly _sheet: EtSheetState,
    private readonly _key: string,
  ) {}
  Text(text?: string): string {
    if (text !== undefined) this._sheet.notes.set(this._key, text);
    return this._sheet.notes.get(this._key) ?? "";
  }
  Delete(): void {
    this._sheet.notes.delete(this._key);
  }
}

/** Data validation of a range: Add refuses a range that already has one (Delete it first), as ET does. */
class MemoryEtValidation implements EtValidation {
  constructor(
    private readonly _sheet: EtSheetState,
    private readonly _rect: Rect,
  ) {}
  private _mine(): EtValidationState[] {
    return this._sheet.validations.filter((v) => rectsIntersect(v.rect, this._rect));
  }
  private _prop<K extends keyof EtValidationState>(key: K): EtValidationState[K] {
    const v = this._mine()[0];
    if (!v) throw new EtError("该区域没有数据有效性");
    return v[key];
  }
  private _setProp<K extends keyof EtValidationState>(key: K, value: EtValidationState[K]): void {
    const mine = this._mine();
    if (!mine.length) throw new EtError("该区域没有数据有效性");
    for (const v of mine) v[key] = value;
  }
  Add(Type: number, AlertStyle = 1, Operator?: number, Formula1?: string, Formula2?: string): void {
    if (this._mine().length) throw new EtError("该区域已有数据有效性，请先删除");
    if (Formula1 === undefined || Formula1 === "") throw new EtError("数据有效性需要 Formula1");
    this._sheet.validations.push({
      rect: { ...this._rect },
      type: Type,
      alertStyle: AlertStyle,
      operator: Type === 3 ? undefined : (Operator ?? 1),
      formula1: String(Formula1),
      formula2: Formula2 === undefined ? undefined : String(Formula2),
      inputTitle: "",
      inputMessage: "",
      errorTitle: "",
      errorMessage: "",
      showInput: true,
      showError: true,
    });
  }
  Delete(): void {
    this._sheet.validations = this._sheet.validations.filter((v) => !rectsIntersect(v.rect, this._rect));
  }
  get InputTitle(): string {
    return this._prop("inputTitle");
  }
  set InputTitle(v: string) {
    this._setProp("inputTitle", v);
  }
  get InputMessage(): string {
    return this._prop("inputMessage");
  }
  set InputMessage(v: string) {
    this._setProp("inputMessage", v);
  }
  get ErrorTitle(): string {
    return this._prop("errorTitle");
  }
  set ErrorTitle(v: string) {
    this._setProp("errorTitle", v);
  }
  get ErrorMessage(): string {
    return this._prop("errorMessage");
  }
  set ErrorMessage(v: string) {
    this._setProp("errorMessage", v);
  }
  get ShowInput(): boolean {
    return this._prop("showInput");
  }
  set ShowInput(v: boolean) {
    this._setProp("showInput", v);
  }
  get ShowError(): boolean {
    return this._prop("showError");
  }
  set ShowError(v: boolean) {
    this._setProp("showError", v);
  }
}

export type { StoredValue };
