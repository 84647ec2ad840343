// The in-memory ET host: the workbook state, the options that stand for WPS's readings where they are
// uncertain (how an error's Value2 and an empty cell's come back, what General is called), the count of
// object-model calls (each one crosses from the page into WPS), and the moments the caller yielded.

import { StoredValue } from "../memory-excel/cells";
import { CustomFunction, evaluateFormula } from "../memory-excel/formula";
import { ErrorReading, EtCell, EtError, EtSheetState, cellKey, emptySheet } from "./state";

export interface EtHostOptions {
  /** An error cell's Value2: the COM error number (default) or the bare CVErr code. */
  readonly errors?: ErrorReading;
  /** An empty cell's Value2: undefined (default) or null. */
  readonly empty?: undefined | null;
  /** How NumberFormat names the General format: Chinese WPS says "G/通用格式" (default), others "General". */
  readonly general?: "G/通用格式" | "General";
  /** Application.Version (12.1.0.20540 is the first with custom functions). */
  readonly version?: string;
}

/** One stretch of work between two yields to the window: its object-model calls and its length. */
export interface Stretch {
  readonly calls: number;
  readonly ms: number;
}

export class EtHost {
  readonly sheets: EtSheetState[] = [];
  activeId = 0;
  /** The Application's switches the adapter turns off while it writes, and must turn back on. */
  readonly flags = { ScreenUpdating: true, DisplayAlerts: true, EnableEvents: true };
  calculation = -4105;
  /** A dialog the add-in would have put in front of the clerk (DisplayAlerts left on), by its wording. */
  readonly dialogs: string[] = [];
  readonly functions = new Map<string, CustomFunction>();
  readonly options: Required<Omit<EtHostOptions, "empty">> & { empty: undefined | null };
  /** Every object-model call since the last resetCalls(), by member name. */
  readonly calls = new Map<string, number>();
  callCount = 0;
  readonly stretches: Stretch[] = [];
  private stretchStart = { calls: 0, at: 0 };
  private nextId = 1;
  /** Fail the nth object-model call from now (1 = the next), to test what a failure part-way leaves. */
  private failAt: number | undefined;
  private failWhen: ((member: string) => boolean) | undefined;

  constructor(options: EtHostOptions = {}) {
    this.options = {
      errors: options.errors ?? "hresult",
      empty: options.empty,
      general: options.general ?? "G/通用格式",
      version: options.version ?? "12.1.0.20540",
    };
  }

  addSheet(name: string, at = this.sheets.length): EtSheetState {
    const sheet = emptySheet(this.nextId++, name);
    this.sheets.splice(at, 0, sheet);
    if (!this.activeId) this.activeId = sheet.id;
    return sheet;
  }

  sheetNamed(name: string): EtSheetState | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  get active(): EtSheetState {
    return this.sheets.find((s) => s.id === this.activeId) ?? this.sheets[0];
  }

  /** Counts one call of `member`; throws where a failure was asked for. */
  count(member: string): void {
    this.callCount++;
    this.calls.set(member, (this.calls.get(member) ?? 0) + 1);
    if (this.failAt !== undefined && --this.failAt === 0) {
      this.failAt = undefined;
      throw new EtError(`模拟的失败：第 ${this.callCount} 次调用（${member}）`);
    }
    if (this.failWhen?.(member)) {
      this.failWhen = undefined;
      throw new EtError(`模拟的失败：${member}`);
    }
  }

  resetCalls(): void {
    this.calls.clear();
    this.callCount = 0;
    this.stretches.length = 0;
    this.stretchStart = { calls: 0, at: performance.now() };
  }

  /** The caller gave the window back (WPS repaints, the clerk's clicks are handled): a stretch ends. */
  markYield(): void {
    const at = performance.now();
    this.stretches.push({ calls: this.callCount - this.stretchStart.calls, ms: at - this.stretchStart.at });
    this.stretchStart = { calls: this.callCount, at };
  }

  failNthCall(n: number): void {
    this.failAt = n;
  }

  failOnce(when: (member: string) => boolean): void {
    this.failWhen = when;
  }

  cell(sheet: EtSheetState, row: number, column: number): EtCell | undefined {
    return sheet.cells.get(cellKey(row, column));
  }

  /** A cell's value: its constant, or its formula calculated now (memory-excel's evaluator). */
  valueOf(sheet: EtSheetState, row: number, column: number, depth = 0): StoredValue {
    const c = this.cell(sheet, row, column);
    if (!c?.formula) return c?.value ?? "";
    if (depth > 50) return "";
    return evaluateFormula(c.formula, {
      cell: (name, r, col) => {
        const target = name === undefined ? sheet : this.sheetNamed(name);
        return target ? this.valueOf(target, r, col, depth + 1) : "";
      },
      sheetExists: (name) => !!this.sheetNamed(name),
      functions: this.functions,
    });
  }

  /** Names WPS refuses for a sheet, as Excel does: too long, empty, \ / ? * [ ] :, a quote at either end. */
  checkSheetName(name: unknown, self?: EtSheetState): void {
    if (typeof name !== "string" || !name.trim() || name.length > 31 || /[\\/?*[\]:]/.test(name) || /^'|'$/.test(name))
      throw new EtError(`工作表名称无效：${String(name)}`);
    const other = this.sheetNamed(name);
    if (other && other !== self) throw new EtError(`工作表名称“${name}”已被使用`);
  }

  visibleCount(): number {
    return this.sheets.filter((s) => s.visible === -1).length;
  }
}

/**
 * `target` as the page sees it: every property read or written and every method fetched counts as one
 * call into WPS; a member the object does not have throws (WPS would give undefined and fail later, less
 * plainly). Members starting with "_" are the host's own.
 */
export function counted<T extends object>(host: EtHost, target: T): T {
  return new Proxy(target, {
    get(t, key) {
      if (typeof key === "symbol" || key.startsWith("_") || key === "then") return Reflect.get(t, key, t);
      if (!(key in t)) throw new EtError(`对象不支持此属性或方法：${key}`, 438);
      host.count(key);
      const v = Reflect.get(t, key, t);
      return typeof v === "function" ? v.bind(t) : v;
    },
    set(t, key, value) {
      if (typeof key === "symbol" || !(key in t)) throw new EtError(`对象不支持此属性或方法：${String(key)}`, 438);
      host.count(key);
      return Reflect.set(t, key, value, t);
    },
  });
}
