/**
 * The proxy-object machinery shared by every class: a client-side property cache that throws
 * PropertyNotLoaded until `load` + `sync` (or a local set) fills it, queued actions, binding to the
 * document object when the request runs, and *OrNullObject handling.
 */
import { ClientErrorCode, ErrorCode, MemoryExcelError, propertyNotLoaded } from "./errors";
import type { MemoryRequestContext } from "./request-context";
import type { SheetState } from "./workbook-state";
import type { MemoryWorksheet } from "./worksheet";

/** What one queued action sends over the wire (serialised to estimate the request payload). */
export interface WireAction {
  /** Kind of action, as in Office's protocol: Method, SetProperty, Query, Instantiate. */
  a: "Method" | "SetProperty" | "Query" | "Instantiate";
  /** The object path, e.g. `workbook.worksheets.getItem("Sheet1").getRange("A1:B2")`. */
  o: string;
  /** Method or property name. */
  n: string;
  /** Arguments or the value set. */
  v?: unknown;
}

export interface QueuedAction {
  wire: WireAction;
  /** True when the action changes the document (what "fail when writing to sheet X" matches). */
  write: boolean;
  /** The sheet the action writes to, resolved at execution time (for failure injection). */
  sheet?: () => SheetState | undefined;
  execute(): void;
}

export type LoadSpec = { all: boolean; props: Set<string>; nav: Map<string, LoadSpec> };

function emptySpec(): LoadSpec {
  return { all: false, props: new Set(), nav: new Map() };
}

/** Turns every form `load()` accepts into a tree of property names. */
export function parseLoadArgument(arg: unknown): LoadSpec {
  const spec = emptySpec();
  const addPath = (path: string) => {
    const parts = path
      .split("/")
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length === 0) return;
    let node = spec;
    for (let i = 0; i < parts.length - 1; i++) {
      let next = node.nav.get(parts[i]);
      if (!next) node.nav.set(parts[i], (next = emptySpec()));
      node = next;
    }
    node.props.add(parts[parts.length - 1]);
  };
  if (arg === undefined || arg === null || arg === "" || arg === "*") {
    spec.all = true;
  } else if (typeof arg === "string") {
    arg.split(",").forEach(addPath);
  } else if (Array.isArray(arg)) {
    arg.forEach((p) => String(p).split(",").forEach(addPath));
  } else if (typeof arg === "object") {
    const o = arg as Record<string, unknown>;
    if ("select" in o || "expand" in o) {
      if (typeof o.select === "string") o.select.split(",").forEach(addPath);
      if (Array.isArray(o.select)) o.select.forEach((p) => addPath(String(p)));
      if (typeof o.expand === "string") o.expand.split(",").forEach((p) => addPath(p));
      if (o.select === undefined) spec.all = true;
    } else {
      const walk = (obj: Record<string, unknown>, into: LoadSpec) => {
        for (const [k, v] of Object.entries(obj)) {
          if (k === "$all") into.all = into.all || v === true;
          else if (k.startsWith("$")) continue;
          else if (v === true) into.props.add(k);
          else if (v && typeof v === "object") {
            const child = emptySpec();
            walk(v as Record<string, unknown>, child);
            into.nav.set(k, child);
          }
        }
      };
      walk(o, spec);
    }
  }
  return spec;
}

export abstract class MemoryClientObject<TBinding = unknown> {
  /** @internal */ readonly _ctx: MemoryRequestContext;
  /** @internal */ readonly _path: string;
  /** Property values known client-side: set locally, or loaded by a successful sync. */
  private readonly _cache = new Map<string, unknown>();
  private _nullKnown: boolean | undefined;
  private _binding: { target: TBinding | null } | undefined;
  /** @internal */ readonly _orNull: boolean;

  protected constructor(ctx: MemoryRequestContext, path: string, orNull = false) {
    this._ctx = ctx;
    this._path = path;
    this._orNull = orNull;
  }

  /** Office's type name, used in messages. */
  protected abstract readonly _typeName: string;

  /** Loadable scalar properties, computed from the document when the load runs. */
  protected abstract _loadables(): Record<string, () => unknown>;

  /** Navigation properties that load paths can go through ("format/fill/color"). */
  protected _navigation(_name: string): MemoryClientObject | undefined {
    return undefined;
  }

  get context(): Excel.RequestContext {
    return this._ctx as unknown as Excel.RequestContext;
  }

  get isNullObject(): boolean {
    if (!this._orNull) return false;
    if (this._nullKnown === undefined) throw propertyNotLoaded("isNullObject");
    return this._nullKnown;
  }

  // ---- binding ------------------------------------------------------------------------------

  /** @internal Binds the proxy to its document object (null: the *OrNullObject found nothing). */
  _bind(target: TBinding | null): void {
    this._binding = { target };
    if (this._orNull) this._ctx._afterSuccess(() => (this._nullKnown = target === null));
  }

  /** @internal Queues the action that binds this proxy, as Office instantiates object paths. */
  _instantiate(name: string, args: unknown[], resolve: () => TBinding | null): this {
    this._ctx._queue({
      wire: { a: "Instantiate", o: this._path, n: name, v: args },
      write: false,
      execute: () => {
        const target = resolve();
        if (target === null && !this._orNull) throw new MemoryExcelError(ErrorCode.itemNotFound, undefined, `${this._typeName}.${name}`);
        this._bind(target);
      },
    });
    return this;
  }

  /** @internal Bound already (items of a loaded collection). */
  _bindNow(target: TBinding): this {
    this._binding = { target };
    return this;
  }

  /** @internal The bound document object, or null for a null object. */
  _tryTarget(): TBinding | null {
    if (!this._binding) {
      throw new MemoryExcelError(ClientErrorCode.invalidObjectPath, undefined, this._typeName);
    }
    return this._binding.target;
  }

  /** @internal The bound document object; a null object cannot be acted on. */
  _target(): TBinding {
    const t = this._tryTarget();
    if (t === null) throw new MemoryExcelError(ErrorCode.itemNotFound, undefined, this._typeName);
    return t;
  }

  // ---- properties ---------------------------------------------------------------------------

  /** Reads a property as Office does: only what was loaded (and synced) or set locally. */
  protected _get<T>(prop: string): T {
    if (!this._cache.has(prop)) {
      if (this._nullKnown === true) return null as T;
      throw propertyNotLoaded(prop);
    }
    return this._cache.get(prop) as T;
  }

  /** @internal */
  _setCached(prop: string, value: unknown): void {
    this._cache.set(prop, value);
  }

  /** Sets a property: visible locally at once, applied to the document at the next sync. */
  protected _set(prop: string, value: unknown, apply: () => void, sheet?: () => SheetState | undefined, write = true): void {
    this._cache.set(prop, value);
    this._ctx._queue({ wire: { a: "SetProperty", o: this._path, n: prop, v: value }, write, sheet, execute: apply });
  }

  /** Queues a method call. */
  protected _call(name: string, args: unknown[], apply: () => void, sheet?: () => SheetState | undefined, write = true): void {
    this._ctx._queue({ wire: { a: "Method", o: this._path, n: name, v: args }, write, sheet, execute: apply });
  }

  // ---- load ---------------------------------------------------------------------------------

  /** @internal Queues a load; the values arrive when the sync succeeds. */
  _load(arg: unknown): void {
    this._loadSpec(parseLoadArgument(arg));
  }

  /** @internal */
  _loadSpec(spec: LoadSpec): void {
    const loadables = this._loadables();
    const names = spec.all || (spec.props.size === 0 && spec.nav.size === 0) ? Object.keys(loadables) : [];
    for (const p of spec.props) {
      const nav = this._navigation(p);
      if (nav) nav._loadSpec({ all: true, props: new Set(), nav: new Map() });
      else names.push(p);
    }
    for (const [navName, sub] of spec.nav) {
      const nav = this._navigation(navName);
      if (!nav)
        throw new MemoryExcelError(ErrorCode.invalidArgument, `Cannot load '${navName}' on ${this._typeName}.`, `${this._typeName}.load`);
      nav._loadSpec(sub);
    }
    if (names.length === 0) return;
    this._ctx._queue({
      wire: { a: "Query", o: this._path, n: names.join(",") },
      write: false,
      execute: () => {
        const target = this._tryTarget();
        const result: Record<string, unknown> = {};
        for (const n of names) {
          const read = loadables[n];
          if (!read)
            throw new MemoryExcelError(
              ErrorCode.invalidArgument,
              `The property '${n}' does not exist on ${this._typeName}.`,
              `${this._typeName}.load`,
            );
          result[n] = target === null ? null : read();
        }
        this._ctx._respond(result);
        this._ctx._afterSuccess(() => {
          for (const n of names) this._cache.set(n, result[n]);
        });
      },
    });
  }

  /** @internal Reads properties from the document now (items of a collection being loaded). */
  _snapshot(spec: LoadSpec): Record<string, unknown> {
    const loadables = this._loadables();
    const names = spec.all || spec.props.size === 0 ? Object.keys(loadables) : [...spec.props];
    const result: Record<string, unknown> = {};
    for (const n of names) {
      const read = loadables[n];
      if (!read)
        throw new MemoryExcelError(
          ErrorCode.invalidArgument,
          `The property '${n}' does not exist on ${this._typeName}.`,
          `${this._typeName}.load`,
        );
      result[n] = read();
    }
    return result;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._cache);
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

/** An object of one worksheet (freeze panes, page layout, autofilter): bound to the sheet's id, so it follows a rename. */
export abstract class MemorySheetPart extends MemoryClientObject<string> {
  constructor(
    ctx: MemoryRequestContext,
    path: string,
    protected readonly sheet: MemoryWorksheet,
  ) {
    super(ctx, path);
  }

  override _tryTarget(): string | null {
    return this.sheet._tryTarget();
  }
}

/** Accepts a proxy of the expected class coming back from caller code typed as the real API. */
export function unwrap<T>(value: unknown, cls: abstract new (...args: never[]) => T, what: string): T {
  if (value instanceof cls) return value;
  throw new MemoryExcelError(ErrorCode.invalidArgument, `Expected ${what}.`, what);
}

/**
 * A collection (`WorksheetCollection`, `CommentCollection`, …): `items` is available after
 * `load("items")`, `load("items/name")` or `load("name")` and a sync.
 */
export abstract class MemoryCollection<TItem extends MemoryClientObject<TKey>, TKey, TReal = TItem> extends MemoryClientObject<true> {
  private _items: TItem[] | undefined;

  protected constructor(ctx: MemoryRequestContext, path: string) {
    super(ctx, path);
    this._bindNow(true);
  }

  /** The keys of the current members, in order, when the request runs. */
  protected abstract _keys(): TKey[];
  /** A proxy for one member. */
  protected abstract _item(key: TKey, index: number): TItem;

  protected _loadables(): Record<string, () => unknown> {
    return { count: () => this._keys().length };
  }

  /** The loaded members, typed as the real API's item class. */
  get items(): TReal[] {
    if (!this._items) throw propertyNotLoaded("items");
    return this._items as unknown as TReal[];
  }

  override _loadSpec(spec: LoadSpec): void {
    let itemSpec: LoadSpec = { all: true, props: new Set(), nav: new Map() };
    const fromItems = spec.nav.get("items");
    if (fromItems) itemSpec = fromItems;
    else if (!spec.all && spec.props.size > 0 && !spec.props.has("items")) {
      itemSpec = { all: false, props: new Set([...spec.props].filter((p) => p !== "count")), nav: new Map() };
      if (itemSpec.props.size === 0) itemSpec.all = true;
    }
    this._ctx._queue({
      wire: { a: "Query", o: this._path, n: "items" },
      write: false,
      execute: () => {
        const keys = this._keys();
        const items = keys.map((k, i) => this._item(k, i)._bindNow(k) as TItem);
        const data = items.map((item) => item._snapshot(itemSpec));
        this._ctx._respond(data);
        this._ctx._afterSuccess(() => {
          items.forEach((item, i) => Object.entries(data[i]).forEach(([k, v]) => item._setCached(k, v)));
          this._items = items;
        });
      },
    });
  }
}
