/** `Excel.WorksheetCustomPropertyCollection` / `Excel.WorksheetCustomProperty` (ExcelApi 1.12). */
import { MemoryClientObject, MemoryCollection } from "./client-object";
import { ErrorCode, MemoryExcelError } from "./errors";
import type { MemoryRequestContext } from "./request-context";
import type { MemoryWorksheet } from "./worksheet";

type Key = { sheetId: string; key: string };

export class MemoryCustomProperty
  extends MemoryClientObject<Key>
  implements Pick<Excel.WorksheetCustomProperty, "context" | "key" | "value" | "delete" | "load">
{
  protected readonly _typeName = "WorksheetCustomProperty";

  constructor(ctx: MemoryRequestContext, path: string, orNull = false) {
    super(ctx, path, orNull);
  }

  private _map(): Map<string, string> {
    return this._ctx._host.state.sheetById(this._target().sheetId).customProperties;
  }

  protected _loadables(): Record<string, () => unknown> {
    return {
      key: () => this._target().key,
      value: () => {
        const v = this._map().get(this._target().key);
        if (v === undefined) throw new MemoryExcelError(ErrorCode.itemNotFound, undefined, "WorksheetCustomProperty");
        return v;
      },
    };
  }

  get key(): string {
    return this._get("key");
  }
  get value(): string {
    return this._get("value");
  }
  set value(v: string) {
    this._set("value", v, () => void this._map().set(this._target().key, String(v)));
  }

  delete(): void {
    this._call("delete", [], () => void this._map().delete(this._target().key));
  }

  load(option?: unknown): Excel.WorksheetCustomProperty {
    this._load(option);
    return this as unknown as Excel.WorksheetCustomProperty;
  }
}

export class MemoryCustomPropertyCollection
  extends MemoryCollection<MemoryCustomProperty, Key, Excel.WorksheetCustomProperty>
  implements Pick<Excel.WorksheetCustomPropertyCollection, "context" | "items" | "add" | "getItem" | "getItemOrNullObject" | "load">
{
  protected readonly _typeName = "WorksheetCustomPropertyCollection";

  constructor(
    ctx: MemoryRequestContext,
    path: string,
    private readonly sheet: MemoryWorksheet,
  ) {
    super(ctx, path);
  }

  protected _keys(): Key[] {
    const s = this.sheet._sheet();
    return [...s.customProperties.keys()].map((key) => ({ sheetId: s.id, key }));
  }

  protected _item(k: Key): MemoryCustomProperty {
    return new MemoryCustomProperty(this._ctx, `${this._path}.getItem(${JSON.stringify(k.key)})`);
  }

  /** Adds or replaces (keys are case-insensitive in Excel; kept as given here). */
  add(key: string, value: string): Excel.WorksheetCustomProperty {
    const prop = new MemoryCustomProperty(this._ctx, `${this._path}.add(${JSON.stringify(key)})`);
    this._ctx._queue({
      wire: { a: "Method", o: this._path, n: "add", v: [key, value] },
      write: true,
      sheet: this.sheet._writeSheet,
      execute: () => {
        if (typeof key !== "string" || key.length === 0 || key.length > 255)
          throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, "WorksheetCustomPropertyCollection.add");
        const s = this.sheet._sheet();
        s.customProperties.set(key, String(value));
        prop._bind({ sheetId: s.id, key });
      },
    });
    return prop as unknown as Excel.WorksheetCustomProperty;
  }

  private _find(key: string): Key | null {
    const s = this.sheet._sheet();
    return s.customProperties.has(key) ? { sheetId: s.id, key } : null;
  }

  getItem(key: string): Excel.WorksheetCustomProperty {
    const prop = new MemoryCustomProperty(this._ctx, `${this._path}.getItem(${JSON.stringify(key)})`);
    prop._instantiate("getItem", [key], () => this._find(key));
    return prop as unknown as Excel.WorksheetCustomProperty;
  }

  getItemOrNullObject(key: string): Excel.WorksheetCustomProperty {
    const prop = new MemoryCustomProperty(this._ctx, `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`, true);
    prop._instantiate("getItemOrNullObject", [key], () => this._find(key));
    return prop as unknown as Excel.WorksheetCustomProperty;
  }

  load(option?: unknown): Excel.WorksheetCustomPropertyCollection {
    this._load(option);
    return this as unknown as Excel.WorksheetCustomPropertyCollection;
  }
}
