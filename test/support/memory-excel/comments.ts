/** `Excel.CommentCollection` (ExcelApi 1.10) and `Excel.NoteCollection` (ExcelApi 1.18), per cell. */
import { parseAddress, splitSheetAddress } from "./address";
import { MemoryClientObject, MemoryCollection } from "./client-object";
import { ErrorCode, MemoryExcelError } from "./errors";
import { MemoryRange } from "./range";
import type { MemoryRequestContext } from "./request-context";
import type { CommentRecord, NoteRecord, SheetState, WorkbookState } from "./workbook-state";
import type { MemoryWorksheet } from "./worksheet";

/** Resolves a cell given as a Range proxy or an address ("Sheet1!A1", or "A1" on `scope`). */
function resolveCell(
  state: WorkbookState,
  cell: unknown,
  scope: MemoryWorksheet | undefined,
  location: string,
): { sheet: SheetState; row: number; column: number } {
  if (cell instanceof MemoryRange) {
    const ref = cell._target();
    if (ref.rect.rowCount !== 1 || ref.rect.columnCount !== 1) throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, location);
    return { sheet: state.sheetById(ref.sheetId), row: ref.rect.row, column: ref.rect.column };
  }
  if (typeof cell !== "string") throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, location);
  const { sheet: sheetName, local } = splitSheetAddress(cell);
  const rect = parseAddress(local);
  if (!rect || rect.rowCount !== 1 || rect.columnCount !== 1) throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, location);
  let sheet: SheetState | undefined;
  if (sheetName !== undefined) sheet = state.findSheet(sheetName);
  else sheet = scope ? scope._sheet() : state.activeSheet();
  if (!sheet) throw new MemoryExcelError(ErrorCode.itemNotFound, undefined, location);
  if (scope && sheet.id !== scope._sheet().id) throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, location);
  return { sheet, row: rect.row, column: rect.column };
}

function describe(cell: unknown): unknown {
  return cell instanceof MemoryRange ? cell._path : cell;
}

export class MemoryComment
  extends MemoryClientObject<string>
  implements Pick<Excel.Comment, "context" | "id" | "content" | "resolved" | "delete" | "load">
{
  protected readonly _typeName = "Comment";

  constructor(ctx: MemoryRequestContext, path: string, orNull = false) {
    super(ctx, path, orNull);
  }

  private get _state(): WorkbookState {
    return this._ctx._host.state;
  }

  private _record(): CommentRecord {
    const id = this._target();
    const rec = this._state.comments.find((c) => c.id === id);
    if (!rec) throw new MemoryExcelError(ErrorCode.itemNotFound, undefined, "Comment");
    return rec;
  }

  private readonly _sheetOf = () => {
    const id = this._tryTarget();
    const rec = this._state.comments.find((c) => c.id === id);
    return rec ? this._state.sheets.find((s) => s.id === rec.sheetId) : undefined;
  };

  protected _loadables(): Record<string, () => unknown> {
    return { id: () => this._record().id, content: () => this._record().content, resolved: () => this._record().resolved };
  }

  get id(): string {
    return this._get("id");
  }
  get content(): string {
    return this._get("content");
  }
  set content(v: string) {
    this._set("content", v, () => (this._record().content = String(v)), this._sheetOf);
  }
  get resolved(): boolean {
    return this._get("resolved");
  }
  set resolved(v: boolean) {
    this._set("resolved", v, () => (this._record().resolved = Boolean(v)), this._sheetOf);
  }

  delete(): void {
    this._call(
      "delete",
      [],
      () => {
        const rec = this._record();
        this._state.comments.splice(this._state.comments.indexOf(rec), 1);
      },
      this._sheetOf,
    );
  }

  load(option?: unknown): Excel.Comment {
    this._load(option);
    return this as unknown as Excel.Comment;
  }
}

export class MemoryCommentCollection
  extends MemoryCollection<MemoryComment, string, Excel.Comment>
  implements Pick<Excel.CommentCollection, "context" | "items" | "add" | "getItemByCell" | "getItemOrNullObject" | "load">
{
  protected readonly _typeName = "CommentCollection";

  constructor(
    ctx: MemoryRequestContext,
    path: string,
    private readonly scope?: MemoryWorksheet,
  ) {
    super(ctx, path);
  }

  private get _state(): WorkbookState {
    return this._ctx._host.state;
  }

  protected _keys(): string[] {
    const sheetId = this.scope?._sheet().id;
    return this._state.comments.filter((c) => sheetId === undefined || c.sheetId === sheetId).map((c) => c.id);
  }

  protected _item(id: string): MemoryComment {
    return new MemoryComment(this._ctx, `${this._path}.getItem(${JSON.stringify(id)})`);
  }

  add(
    cellAddress: Excel.Range | string,
    content: Excel.CommentRichContent | string,
    contentType?: Excel.ContentType | "Plain" | "Mention",
  ): Excel.Comment {
    const comment = new MemoryComment(this._ctx, `${this._path}.add(...)`);
    const text = typeof content === "string" ? content : content.richContent;
    let target: SheetState | undefined;
    this._ctx._queue({
      wire: { a: "Method", o: this._path, n: "add", v: [describe(cellAddress), text, contentType ?? "Plain"] },
      write: true,
      sheet: () => {
        try {
          target = resolveCell(this._state, cellAddress, this.scope, "CommentCollection.add").sheet;
        } catch {
          target = undefined;
        }
        return target;
      },
      execute: () => {
        const { sheet, row, column } = resolveCell(this._state, cellAddress, this.scope, "CommentCollection.add");
        comment._bind(this._state.addComment(sheet, row, column, text).id);
      },
    });
    return comment as unknown as Excel.Comment;
  }

  getItemByCell(cellAddress: Excel.Range | string): Excel.Comment {
    const comment = new MemoryComment(this._ctx, `${this._path}.getItemByCell(${JSON.stringify(describe(cellAddress))})`);
    comment._instantiate("getItemByCell", [describe(cellAddress)], () => {
      const { sheet, row, column } = resolveCell(this._state, cellAddress, this.scope, "CommentCollection.getItemByCell");
      return this._state.comments.find((c) => c.sheetId === sheet.id && c.row === row && c.column === column)?.id ?? null;
    });
    return comment as unknown as Excel.Comment;
  }

  getItemOrNullObject(commentId: string): Excel.Comment {
    const comment = new MemoryComment(this._ctx, `${this._path}.getItemOrNullObject(${JSON.stringify(commentId)})`, true);
    comment._instantiate("getItemOrNullObject", [commentId], () => this._state.comments.find((c) => c.id === commentId)?.id ?? null);
    return comment as unknown as Excel.Comment;
  }

  load(option?: unknown): Excel.CommentCollection {
    this._load(option);
    return this as unknown as Excel.CommentCollection;
  }
}

export class MemoryNote extends MemoryClientObject<string> implements Pick<Excel.Note, "context" | "content" | "delete" | "load"> {
  protected readonly _typeName = "Note";

  constructor(ctx: MemoryRequestContext, path: string, orNull = false) {
    super(ctx, path, orNull);
  }

  private get _state(): WorkbookState {
    return this._ctx._host.state;
  }

  private _record(): NoteRecord {
    const id = this._target();
    const rec = this._state.notes.find((c) => c.id === id);
    if (!rec) throw new MemoryExcelError(ErrorCode.itemNotFound, undefined, "Note");
    return rec;
  }

  protected _loadables(): Record<string, () => unknown> {
    return { content: () => this._record().content };
  }

  get content(): string {
    return this._get("content");
  }
  set content(v: string) {
    this._set("content", v, () => (this._record().content = String(v)));
  }

  delete(): void {
    this._call("delete", [], () => {
      const rec = this._record();
      this._state.notes.splice(this._state.notes.indexOf(rec), 1);
    });
  }

  load(option?: unknown): Excel.Note {
    this._load(option);
    return this as unknown as Excel.Note;
  }
}

export class MemoryNoteCollection
  extends MemoryCollection<MemoryNote, string, Excel.Note>
  implements Pick<Excel.NoteCollection, "context" | "items" | "add" | "getItemOrNullObject" | "load">
{
  protected readonly _typeName = "NoteCollection";

  constructor(
    ctx: MemoryRequestContext,
    path: string,
    private readonly scope?: MemoryWorksheet,
  ) {
    super(ctx, path);
  }

  private get _state(): WorkbookState {
    return this._ctx._host.state;
  }

  protected _keys(): string[] {
    const sheetId = this.scope?._sheet().id;
    return this._state.notes.filter((c) => sheetId === undefined || c.sheetId === sheetId).map((c) => c.id);
  }

  protected _item(id: string): MemoryNote {
    return new MemoryNote(this._ctx, `${this._path}.getItem(${JSON.stringify(id)})`);
  }

  add(cellAddress: Excel.Range | string, content: any): Excel.Note {
    const note = new MemoryNote(this._ctx, `${this._path}.add(...)`);
    this._ctx._queue({
      wire: { a: "Method", o: this._path, n: "add", v: [describe(cellAddress), content] },
      write: true,
      sheet: () => {
        try {
          return resolveCell(this._state, cellAddress, this.scope, "NoteCollection.add").sheet;
        } catch {
          return undefined;
        }
      },
      execute: () => {
        const { sheet, row, column } = resolveCell(this._state, cellAddress, this.scope, "NoteCollection.add");
        note._bind(this._state.addNote(sheet, row, column, String(content)).id);
      },
    });
    return note as unknown as Excel.Note;
  }

  /** Key: the cell address ("Sheet1!A1", or "A1" on a worksheet's collection). */
  getItemOrNullObject(key: string): Excel.Note {
    const note = new MemoryNote(this._ctx, `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`, true);
    note._instantiate("getItemOrNullObject", [key], () => {
      const { sheet, row, column } = resolveCell(this._state, key, this.scope, "NoteCollection.getItemOrNullObject");
      return this._state.notes.find((c) => c.sheetId === sheet.id && c.row === row && c.column === column)?.id ?? null;
    });
    return note as unknown as Excel.Note;
  }

  load(option?: unknown): Excel.NoteCollection {
    this._load(option);
    return this as unknown as Excel.NoteCollection;
  }
}
