/** `Excel.NamedItemCollection` (workbook.names, worksheet.names) and `Excel.NamedItem`. */
import { qualifiedAddress } from "./address";
import { MemoryClientObject, MemoryCollection } from "./client-object";
import { ErrorCode, MemoryExcelError } from "./errors";
import { MemoryRange } from "./range";
import type { MemoryRequestContext } from "./request-context";
import type { NameRecord, WorkbookState } from "./workbook-state";
import type { MemoryWorksheet } from "./worksheet";

export class MemoryNamedItem
  extends MemoryClientObject<NameRecord>
  implements Pick<Excel.NamedItem, "context" | "name" | "formula" | "comment" | "scope" | "delete" | "load">
{
  protected readonly _typeName = "NamedItem";

  constructor(ctx: MemoryRequestContext, path: string, orNull = false) {
    super(ctx, path, orNull);
  }

  private get _state(): WorkbookState {
    return this._ctx._host.state;
  }

  protected _loadables(): Record<string, () => unknown> {
    const rec = () => this._target();
    return {
      name: () => rec().name,
      formula: () => rec().reference,
      comment: () => rec().comment ?? "",
      scope: () => (rec().sheetId === undefined ? "Workbook" : "Worksheet"),
    };
  }

  get name(): string {
    return this._get("name");
  }
  get formula(): any {
    return this._get("formula");
  }
  set formula(v: any) {
    this._set("formula", v, () => (this._target().reference = String(v)));
  }
  get comment(): string {
    return this._get("comment");
  }
  set comment(v: string) {
    this._set("comment", v, () => (this._target().comment = String(v)));
  }
  get scope(): Excel.NamedItem["scope"] {
    return this._get("scope");
  }

  delete(): void {
    this._call("delete", [], () => {
      const i = this._state.names.indexOf(this._target());
      if (i < 0) throw new MemoryExcelError(ErrorCode.itemNotFound, undefined, "NamedItem.delete");
      this._state.names.splice(i, 1);
    });
  }

  load(option?: unknown): Excel.NamedItem {
    this._load(option);
    return this as unknown as Excel.NamedItem;
  }
}

export class MemoryNamedItemCollection
  extends MemoryCollection<MemoryNamedItem, NameRecord, Excel.NamedItem>
  implements Pick<Excel.NamedItemCollection, "context" | "items" | "add" | "getItem" | "getItemOrNullObject" | "load">
{
  protected readonly _typeName = "NamedItemCollection";

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

  private _scopeId(): string | undefined {
    return this.scope?._sheet().id;
  }

  protected _keys(): NameRecord[] {
    const id = this._scopeId();
    return this._state.names.filter((n) => n.sheetId === id);
  }

  protected _item(rec: NameRecord): MemoryNamedItem {
    return new MemoryNamedItem(this._ctx, `${this._path}.getItem(${JSON.stringify(rec.name)})`);
  }

  add(name: string, reference: Excel.Range | string, comment?: string): Excel.NamedItem {
    const item = new MemoryNamedItem(this._ctx, `${this._path}.add(${JSON.stringify(name)})`);
    this._ctx._queue({
      wire: { a: "Method", o: this._path, n: "add", v: [name, reference instanceof MemoryRange ? reference._path : reference, comment] },
      write: true,
      execute: () => {
        let formula: string;
        if (reference instanceof MemoryRange) {
          const ref = reference._target();
          formula = `=${qualifiedAddress(this._state.sheetById(ref.sheetId).name, ref.rect).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
        } else if (typeof reference === "string") {
          formula = reference.startsWith("=") ? reference : `=${reference}`;
        } else {
          throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, "NamedItemCollection.add");
        }
        item._bind(this._state.addName(name, formula, comment, this._scopeId()));
      },
    });
    return item as unknown as Excel.NamedItem;
  }

  private _find(name: string): NameRecord | null {
    const id = this._scopeId();
    return this._state.names.find((n) => n.sheetId === id && n.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  getItem(name: string): Excel.NamedItem {
    const item = new MemoryNamedItem(this._ctx, `${this._path}.getItem(${JSON.stringify(name)})`);
    item._instantiate("getItem", [name], () => this._find(name));
    return item as unknown as Excel.NamedItem;
  }

  getItemOrNullObject(name: string): Excel.NamedItem {
    const item = new MemoryNamedItem(this._ctx, `${this._path}.getItemOrNullObject(${JSON.stringify(name)})`, true);
    item._instantiate("getItemOrNullObject", [name], () => this._find(name));
    return item as unknown as Excel.NamedItem;
  }

  load(option?: unknown): Excel.NamedItemCollection {
    this._load(option);
    return this as unknown as Excel.NamedItemCollection;
  }
}
