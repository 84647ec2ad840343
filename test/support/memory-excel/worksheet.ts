/** `Excel.Worksheet`, `Excel.WorksheetCollection` and `Excel.WorksheetFreezePanes`. */
import { MAX_COLUMNS, MAX_ROWS, parseAddress, splitSheetAddress } from "./address";
import { MemoryClientObject, MemoryCollection, MemorySheetPart, unwrap } from "./client-object";
import { ErrorCode, MemoryExcelError } from "./errors";
import { MemoryChartCollection } from "./charts";
import { MemoryCommentCollection, MemoryNoteCollection } from "./comments";
import { MemoryCustomPropertyCollection } from "./custom-properties";
import { MemoryNamedItemCollection } from "./names";
import { MemoryAutoFilter, MemoryPageLayout } from "./page-layout";
import { checkRect, MemoryRange } from "./range";
import type { MemoryRequestContext } from "./request-context";
import type { SheetState, WorkbookState } from "./workbook-state";

const q = (v: unknown) => JSON.stringify(v);

type WorksheetMembers =
  | "context"
  | "isNullObject"
  | "id"
  | "name"
  | "position"
  | "visibility"
  | "tabColor"
  | "showGridlines"
  | "freezePanes"
  | "charts"
  | "names"
  | "comments"
  | "notes"
  | "customProperties"
  | "pageLayout"
  | "autoFilter"
  | "delete"
  | "activate"
  | "getRange"
  | "getRangeByIndexes"
  | "getCell"
  | "getUsedRange"
  | "getUsedRangeOrNullObject"
  | "load";

/** A worksheet proxy is bound to the sheet's id, so a rename does not lose it. */
export class MemoryWorksheet extends MemoryClientObject<string> implements Pick<Excel.Worksheet, WorksheetMembers> {
  protected readonly _typeName = "Worksheet";
  private _freeze: MemoryFreezePanes | undefined;
  private _charts: MemoryChartCollection | undefined;
  private _names: MemoryNamedItemCollection | undefined;
  private _comments: MemoryCommentCollection | undefined;
  private _notes: MemoryNoteCollection | undefined;
  private _props: MemoryCustomPropertyCollection | undefined;
  private _pageLayout: MemoryPageLayout | undefined;
  private _autoFilter: MemoryAutoFilter | undefined;

  constructor(ctx: MemoryRequestContext, path: string, orNull = false) {
    super(ctx, path, orNull);
  }

  private get _state(): WorkbookState {
    return this._ctx._host.state;
  }

  /** @internal */
  _sheet(): SheetState {
    return this._state.sheetById(this._target());
  }

  /** @internal For failure injection: the sheet an action on this worksheet writes to. */
  readonly _writeSheet = (): SheetState | undefined => {
    const id = this._tryTarget();
    return id === null ? undefined : this._state.sheets.find((s) => s.id === id);
  };

  protected _loadables(): Record<string, () => unknown> {
    return {
      id: () => this._sheet().id,
      name: () => this._sheet().name,
      position: () => this._state.sheets.indexOf(this._sheet()),
      visibility: () => this._sheet().visibility,
      tabColor: () => this._sheet().tabColor,
      showGridlines: () => this._sheet().showGridlines,
    };
  }

  protected override _navigation(name: string): MemoryClientObject | undefined {
    switch (name) {
      case "freezePanes":
        return this.freezePanes as unknown as MemoryClientObject;
      case "charts":
        return this.charts as unknown as MemoryClientObject;
      case "names":
        return this.names as unknown as MemoryClientObject;
      case "comments":
        return this.comments as unknown as MemoryClientObject;
      case "notes":
        return this.notes as unknown as MemoryClientObject;
      case "customProperties":
        return this.customProperties as unknown as MemoryClientObject;
      case "pageLayout":
        return this.pageLayout as unknown as MemoryClientObject;
      case "autoFilter":
        return this.autoFilter as unknown as MemoryClientObject;
      default:
        return undefined;
    }
  }

  get id(): string {
    return this._get("id");
  }

  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, () => this._state.renameSheet(this._sheet(), v), this._writeSheet);
  }

  get position(): number {
    return this._get("position");
  }
  set position(v: number) {
    this._set("position", v, () => this._state.moveSheet(this._sheet(), v), this._writeSheet);
  }

  get visibility(): Excel.Worksheet["visibility"] {
    return this._get("visibility");
  }
  set visibility(v: Excel.Worksheet["visibility"]) {
    this._set("visibility", v, () => this._state.setVisibility(this._sheet(), v), this._writeSheet);
  }

  get tabColor(): string {
    return this._get("tabColor");
  }
  set tabColor(v: string) {
    this._set(
      "tabColor",
      v,
      () => {
        if (v !== "" && !/^#[0-9a-fA-F]{6}$/.test(v) && !/^[a-zA-Z]+$/.test(v))
          throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, "Worksheet.tabColor");
        this._sheet().tabColor = v === "" ? "" : v.startsWith("#") ? v.toUpperCase() : v;
      },
      this._writeSheet,
    );
  }

  get showGridlines(): boolean {
    return this._get("showGridlines");
  }
  set showGridlines(v: boolean) {
    this._set("showGridlines", v, () => (this._sheet().showGridlines = Boolean(v)), this._writeSheet);
  }

  get freezePanes(): Excel.WorksheetFreezePanes {
    this._freeze ??= new MemoryFreezePanes(this._ctx, `${this._path}.freezePanes`, this);
    return this._freeze as unknown as Excel.WorksheetFreezePanes;
  }

  get charts(): Excel.ChartCollection {
    this._charts ??= new MemoryChartCollection(this._ctx, `${this._path}.charts`, this);
    return this._charts as unknown as Excel.ChartCollection;
  }

  get names(): Excel.NamedItemCollection {
    this._names ??= new MemoryNamedItemCollection(this._ctx, `${this._path}.names`, this);
    return this._names as unknown as Excel.NamedItemCollection;
  }

  get comments(): Excel.CommentCollection {
    this._comments ??= new MemoryCommentCollection(this._ctx, `${this._path}.comments`, this);
    return this._comments as unknown as Excel.CommentCollection;
  }

  get notes(): Excel.NoteCollection {
    this._notes ??= new MemoryNoteCollection(this._ctx, `${this._path}.notes`, this);
    return this._notes as unknown as Excel.NoteCollection;
  }

  get customProperties(): Excel.WorksheetCustomPropertyCollection {
    this._props ??= new MemoryCustomPropertyCollection(this._ctx, `${this._path}.customProperties`, this);
    return this._props as unknown as Excel.WorksheetCustomPropertyCollection;
  }

  /** ExcelApi 1.9. */
  get pageLayout(): Excel.PageLayout {
    this._pageLayout ??= new MemoryPageLayout(this._ctx, `${this._path}.pageLayout`, this);
    return this._pageLayout as unknown as Excel.PageLayout;
  }

  /** ExcelApi 1.9. */
  get autoFilter(): Excel.AutoFilter {
    this._autoFilter ??= new MemoryAutoFilter(this._ctx, `${this._path}.autoFilter`, this);
    return this._autoFilter as unknown as Excel.AutoFilter;
  }

  delete(): void {
    this._call("delete", [], () => this._state.deleteSheet(this._sheet()), this._writeSheet);
  }

  activate(): void {
    this._call("activate", [], () => this._state.activate(this._sheet()), undefined, false);
  }

  getRange(address?: string): Excel.Range {
    const range = new MemoryRange(this._ctx, `${this._path}.getRange(${address === undefined ? "" : q(address)})`);
    range._instantiate("getRange", [address], () => {
      const sheet = this._sheet();
      if (address === undefined || address === "")
        return { sheetId: sheet.id, rect: { row: 0, column: 0, rowCount: 1_048_576, columnCount: 16_384 } };
      const { sheet: named, local } = splitSheetAddress(address);
      if (named !== undefined && named.toLowerCase() !== sheet.name.toLowerCase()) {
        throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, "Worksheet.getRange");
      }
      const rect = parseAddress(local);
      if (!rect) throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, "Worksheet.getRange");
      return { sheetId: sheet.id, rect };
    });
    return range as unknown as Excel.Range;
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Excel.Range {
    const range = new MemoryRange(this._ctx, `${this._path}.getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount})`);
    range._instantiate("getRangeByIndexes", [startRow, startColumn, rowCount, columnCount], () => {
      const rect = { row: startRow, column: startColumn, rowCount, columnCount };
      checkRect(rect, "Worksheet.getRangeByIndexes");
      return { sheetId: this._sheet().id, rect };
    });
    return range as unknown as Excel.Range;
  }

  getCell(row: number, column: number): Excel.Range {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  private _usedRange(name: string, valuesOnly: boolean, orNull: boolean): Excel.Range {
    const range = new MemoryRange(this._ctx, `${this._path}.${name}(${valuesOnly})`, orNull);
    range._instantiate(name, [valuesOnly], () => {
      const sheet = this._sheet();
      const rect = this._state.usedRect(sheet, valuesOnly);
      if (!rect) return orNull ? null : { sheetId: sheet.id, rect: { row: 0, column: 0, rowCount: 1, columnCount: 1 } };
      return { sheetId: sheet.id, rect };
    });
    return range as unknown as Excel.Range;
  }

  /** An empty sheet's used range is A1, as in Excel. */
  getUsedRange(valuesOnly?: boolean): Excel.Range {
    return this._usedRange("getUsedRange", valuesOnly ?? false, false);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Excel.Range {
    return this._usedRange("getUsedRangeOrNullObject", valuesOnly ?? false, true);
  }

  load(option?: unknown): Excel.Worksheet {
    this._load(option);
    return this as unknown as Excel.Worksheet;
  }
}

type CollectionMembers = "context" | "items" | "add" | "getItem" | "getItemOrNullObject" | "getActiveWorksheet" | "getFirst" | "load";

export class MemoryWorksheetCollection
  extends MemoryCollection<MemoryWorksheet, string, Excel.Worksheet>
  implements Pick<Excel.WorksheetCollection, CollectionMembers>
{
  protected readonly _typeName = "WorksheetCollection";

  constructor(ctx: MemoryRequestContext, path: string) {
    super(ctx, path);
  }

  private get _state(): WorkbookState {
    return this._ctx._host.state;
  }

  protected _keys(): string[] {
    return this._state.sheets.map((s) => s.id);
  }

  protected _item(id: string): MemoryWorksheet {
    return new MemoryWorksheet(this._ctx, `${this._path}.getItem(${q(this._state.sheetById(id).name)})`);
  }

  add(name?: string): Excel.Worksheet {
    const ws = new MemoryWorksheet(this._ctx, `${this._path}.add(${name === undefined ? "" : q(name)})`);
    this._ctx._queue({
      wire: { a: "Method", o: this._path, n: "add", v: [name] },
      write: true,
      sheet: () => undefined,
      execute: () => ws._bind(this._state.addSheet(name).id),
    });
    return ws as unknown as Excel.Worksheet;
  }

  /** By name (case-insensitive) or id; a missing sheet fails the sync with ItemNotFound. */
  getItem(key: string): Excel.Worksheet {
    const ws = new MemoryWorksheet(this._ctx, `${this._path}.getItem(${q(key)})`);
    ws._instantiate("getItem", [key], () => this._find(key));
    return ws as unknown as Excel.Worksheet;
  }

  getItemOrNullObject(key: string): Excel.Worksheet {
    const ws = new MemoryWorksheet(this._ctx, `${this._path}.getItemOrNullObject(${q(key)})`, true);
    ws._instantiate("getItemOrNullObject", [key], () => this._find(key));
    return ws as unknown as Excel.Worksheet;
  }

  private _find(key: string): string | null {
    return (this._state.findSheet(key) ?? this._state.sheets.find((s) => s.id === key))?.id ?? null;
  }

  getActiveWorksheet(): Excel.Worksheet {
    const ws = new MemoryWorksheet(this._ctx, `${this._path}.getActiveWorksheet()`);
    ws._instantiate("getActiveWorksheet", [], () => this._state.activeSheet().id);
    return ws as unknown as Excel.Worksheet;
  }

  getFirst(visibleOnly?: boolean): Excel.Worksheet {
    const ws = new MemoryWorksheet(this._ctx, `${this._path}.getFirst(${visibleOnly ?? false})`);
    ws._instantiate(
      "getFirst",
      [visibleOnly ?? false],
      () => this._state.sheets.find((s) => !visibleOnly || s.visibility === "Visible")?.id ?? null,
    );
    return ws as unknown as Excel.Worksheet;
  }

  load(option?: unknown): Excel.WorksheetCollection {
    this._load(option);
    return this as unknown as Excel.WorksheetCollection;
  }
}

type FreezeMembers = "context" | "freezeAt" | "freezeRows" | "freezeColumns" | "unfreeze";

export class MemoryFreezePanes extends MemorySheetPart implements Pick<Excel.WorksheetFreezePanes, FreezeMembers> {
  protected readonly _typeName = "WorksheetFreezePanes";

  protected _loadables(): Record<string, () => unknown> {
    return {};
  }

  /**
   * ExcelApi 1.7: the range is the cells of the top-left frozen pane, so everything above its last
   * row and left of its last column stays in place ("A1:B5" freezes 5 rows and 2 columns).
   */
  freezeAt(frozenRange: Excel.Range | string): void {
    const given = typeof frozenRange === "string" ? frozenRange : unwrap(frozenRange, MemoryRange, "Range");
    this._call(
      "freezeAt",
      [typeof given === "string" ? given : given._path],
      () => {
        let rect;
        if (typeof given === "string") {
          const { sheet: named, local } = splitSheetAddress(given);
          if (named !== undefined && named.toLowerCase() !== this.sheet._sheet().name.toLowerCase())
            throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, "WorksheetFreezePanes.freezeAt");
          rect = parseAddress(local);
        } else {
          const ref = given._target();
          if (ref.sheetId !== this.sheet._sheet().id)
            throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, "WorksheetFreezePanes.freezeAt");
          rect = ref.rect;
        }
        if (!rect) throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, "WorksheetFreezePanes.freezeAt");
        const s = this.sheet._sheet();
        const rows = rect.row + rect.rowCount;
        const columns = rect.column + rect.columnCount;
        // A whole column (rows 1…1,048,576) freezes columns only; a whole row freezes rows only.
        s.frozenRows = rows >= MAX_ROWS ? 0 : rows;
        s.frozenColumns = columns >= MAX_COLUMNS ? 0 : columns;
      },
      this.sheet._writeSheet,
    );
  }

  freezeRows(count?: number): void {
    this._call(
      "freezeRows",
      [count ?? 1],
      () => {
        const n = count ?? 1;
        if (!Number.isInteger(n) || n < 0)
          throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, "WorksheetFreezePanes.freezeRows");
        const s = this.sheet._sheet();
        s.frozenRows = n;
        s.frozenColumns = 0;
      },
      this.sheet._writeSheet,
    );
  }

  freezeColumns(count?: number): void {
    this._call(
      "freezeColumns",
      [count ?? 1],
      () => {
        const n = count ?? 1;
        if (!Number.isInteger(n) || n < 0)
          throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, "WorksheetFreezePanes.freezeColumns");
        const s = this.sheet._sheet();
        s.frozenColumns = n;
        s.frozenRows = 0;
      },
      this.sheet._writeSheet,
    );
  }

  unfreeze(): void {
    this._call(
      "unfreeze",
      [],
      () => {
        const s = this.sheet._sheet();
        s.frozenRows = 0;
        s.frozenColumns = 0;
      },
      this.sheet._writeSheet,
    );
  }
}
