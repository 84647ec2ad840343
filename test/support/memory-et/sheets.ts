// ET's Application, Workbook, Sheets and Worksheet, strict where WPS is: Sheets.Item is 1-based (0 and
// past the end throw) or by name without regard to case; Sheets.Add without Before/After puts the new sheet
// before the active one and activates it; a hidden sheet cannot be activated; the last visible sheet can be
// neither hidden nor deleted; Delete asks the clerk unless DisplayAlerts is off; freezing panes works on the
// active window's sheet only; UsedRange of an empty sheet is A1.

import type {
  EtApplication,
  EtHyperlinks,
  EtPageSetup,
  EtRange,
  EtSheets,
  EtWindow,
  EtWorkbook,
  EtWorksheet,
} from "../../../src/adapters/wps/et-model";
import { Rect, parseAddress, splitSheetAddress } from "../memory-excel/address";
import { EtHost, counted } from "./host";
import { MemoryEtRange } from "./range";
import { EtError, EtSheetState, cellKey } from "./state";

const VISIBILITY = new Set([-1, 0, 2]);

export class MemoryEtWorksheet implements EtWorksheet {
  constructor(
    private readonly _host: EtHost,
    readonly _state: EtSheetState,
  ) {}

  private _alive(): EtSheetState {
    if (!this._host.sheets.includes(this._state)) throw new EtError("工作表已被删除");
    return this._state;
  }

  _range(...areas: Rect[]): EtRange {
    return counted(this._host, new MemoryEtRange(this._host, this._alive(), areas));
  }

  get Name(): string {
    return this._alive().name;
  }

  set Name(name: string) {
    this._host.checkSheetName(name, this._alive());
    this._state.name = name;
  }

  get Index(): number {
    return this._host.sheets.indexOf(this._alive()) + 1;
  }

  get Visible(): Et.XlSheetVisibility {
    return this._alive().visible as Et.XlSheetVisibility;
  }

  set Visible(value: Et.XlSheetVisibility) {
    const s = this._alive();
    if (!VISIBILITY.has(value as number)) throw new EtError(`Visible 只能是 -1、0 或 2，不是 ${String(value)}`, 13);
    if (s.visible === -1 && value !== -1 && this._host.visibleCount() === 1) throw new EtError("工作簿中至少要有一张可见的工作表");
    s.visible = value;
    // Hiding the active sheet makes the next visible one active, as in ET.
    if (value !== -1 && this._host.activeId === s.id) {
      const at = this._host.sheets.indexOf(s);
      const next = [...this._host.sheets.slice(at + 1), ...this._host.sheets.slice(0, at).reverse()].find((x) => x.visible === -1);
      this._host.activeId = next!.id;
    }
  }

  Activate(): void {
    if (this._alive().visible !== -1) throw new EtError("不能激活隐藏的工作表");
    this._host.activeId = this._state.id;
  }

  Delete(): void {
    const s = this._alive();
    if (this._host.flags.DisplayAlerts) {
      this._host.dialogs.push(`删除工作表“${s.name}”`);
      throw new EtError("删除工作表会弹出确认框：先关掉 Application.DisplayAlerts");
    }
    if (this._host.sheets.length === 1 || (s.visible === -1 && this._host.visibleCount() === 1))
      throw new EtError("工作簿中至少要有一张可见的工作表");
    const at = this._host.sheets.indexOf(s);
    this._host.sheets.splice(at, 1);
    if (this._host.activeId === s.id) {
      const next = this._host.sheets.slice(at).find((x) => x.visible === -1) ?? this._host.sheets.find((x) => x.visible === -1);
      this._host.activeId = next!.id;
    }
  }

  Move(Before?: EtWorksheet, After?: EtWorksheet): void {
    const s = this._alive();
    const anchor = ((Before ?? After) as unknown as MemoryEtWorksheet | undefined)?._state;
    if (!anchor || !this._host.sheets.includes(anchor)) throw new EtError("Move 需要 Before 或 After");
    const sheets = this._host.sheets;
    sheets.splice(sheets.indexOf(s), 1);
    sheets.splice(sheets.indexOf(anchor) + (Before ? 0 : 1), 0, s);
  }

  /** One address, or several joined by commas ("A1:B2,D4:E5"), at most 255 characters as in ET and Excel. */
  Range(Cell1: string): EtRange {
    const address = String(Cell1);
    const { sheet, local } = splitSheetAddress(address);
    const areas = sheet === undefined && address.length <= 255 ? local.split(",").map(parseAddress) : [undefined];
    if (areas.some((a) => !a)) throw new EtError(`区域地址无效：${address}`);
    return this._range(...(areas as Rect[]));
  }

  /** From the first to the last row and column with a value, a format, or a merge; A1 on an empty sheet. */
  get UsedRange(): EtRange {
    const s = this._alive();
    let [r0, c0, r1, c1] = [Infinity, Infinity, -1, -1];
    const take = (r: number, c: number) => {
      [r0, c0, r1, c1] = [Math.min(r0, r), Math.min(c0, c), Math.max(r1, r), Math.max(c1, c)];
    };
    for (const key of s.cells.keys()) {
      const [r, c] = key.split(",").map(Number);
      take(r, c);
    }
    for (const m of s.merges) {
      take(m.row, m.column);
      take(m.row + m.rowCount - 1, m.column + m.columnCount - 1);
    }
    if (r1 < 0) return this._range({ row: 0, column: 0, rowCount: 1, columnCount: 1 });
    return this._range({ row: r0, column: c0, rowCount: r1 - r0 + 1, columnCount: c1 - c0 + 1 });
  }

  get PageSetup(): EtPageSetup {
    return counted(this._host, pageSetup(this._alive()));
  }

  get Tab(): { Color: number } {
    const s = this._alive();
    return counted(this._host, {
      get Color() {
        return s.tabColor ?? (false as unknown as number);
      },
      set Color(color: number) {
        if (typeof color !== "number" || color < 0 || color > 0xffffff) throw new EtError("标签颜色必须是 BGR 整数", 13);
        s.tabColor = color;
      },
    });
  }

  get Hyperlinks(): EtHyperlinks {
    const s = this._alive();
    return counted(this._host, {
      Add: (Anchor: EtRange, Address: string, SubAddress?: string, _tip?: string, TextToDisplay?: string) => {
        const range = Anchor as unknown as MemoryEtRange;
        if (Address !== "" || !SubAddress) throw new EtError("本工具只建工作簿内部的链接（Address 为空，SubAddress 为目标）");
        const key = cellKey(range._rect.row, range._rect.column);
        s.links.set(key, SubAddress);
        if (TextToDisplay !== undefined) {
          const cell = s.cells.get(key) ?? { value: "" };
          s.cells.set(key, { ...cell, value: TextToDisplay });
        }
        return {};
      },
    });
  }

  get AutoFilterMode(): boolean {
    return !!this._alive().autoFilter;
  }

  set AutoFilterMode(value: boolean) {
    if (value) throw new EtError("AutoFilterMode 只能设为 false");
    this._alive().autoFilter = null;
  }

  get AutoFilter(): { readonly Range: EtRange } | null {
    const filter = this._alive().autoFilter;
    return filter ? counted(this._host, { Range: this._range(filter) }) : null;
  }
}

const MARGINS = {
  LeftMargin: "left",
  RightMargin: "right",
  TopMargin: "top",
  BottomMargin: "bottom",
  HeaderMargin: "header",
  FooterMargin: "footer",
} as const;
const TEXTS = { PrintTitleRows: "printTitleRows", PrintTitleColumns: "printTitleColumns", CenterFooter: "centerFooter" } as const;

/** Print set-up: margins in points, titles and footer as given; FitToPagesWide/Tall count only while Zoom is false. */
function pageSetup(s: EtSheetState): EtPageSetup {
  const page: Record<string, unknown> = {};
  const define = <T>(name: string, get: () => T, set: (v: T) => void) => Object.defineProperty(page, name, { get, set, enumerable: true });
  for (const [name, key] of Object.entries(MARGINS))
    define(
      name,
      () => s.page.margins[key],
      (v: number) => (s.page.margins[key] = v),
    );
  for (const [name, key] of Object.entries(TEXTS))
    define(
      name,
      () => s.page[key],
      (v: string) => (s.page[key] = v),
    );
  define(
    "Orientation",
    () => s.page.orientation,
    (v: number) => {
      if (v !== 1 && v !== 2) throw new EtError("方向只能是 1（纵向）或 2（横向）");
      s.page.orientation = v;
    },
  );
  define(
    "PaperSize",
    () => s.page.paperSize ?? 9,
    (v: number) => (s.page.paperSize = v),
  );
  define(
    "Zoom",
    () => s.page.zoom,
    (v: number | boolean) => {
      if (v !== false && (typeof v !== "number" || v < 10 || v > 400)) throw new EtError("缩放比例必须在 10 到 400 之间，或为 false");
      s.page.zoom = v;
    },
  );
  define(
    "FitToPagesWide",
    () => s.page.fitWide,
    (v: number | boolean) => (s.page.fitWide = v === false ? false : Number(v)),
  );
  define(
    "FitToPagesTall",
    () => s.page.fitTall,
    (v: number | boolean) => (s.page.fitTall = v === false ? false : Number(v)),
  );
  return page as unknown as EtPageSetup;
}

class MemoryEtSheets implements EtSheets {
  constructor(private readonly _host: EtHost) {}
  get Count(): number {
    return this._host.sheets.length;
  }
  Item(Index: string | number): EtWorksheet {
    const sheets = this._host.sheets;
    const state =
      typeof Index === "number"
        ? Number.isInteger(Index) && Index >= 1
          ? sheets[Index - 1]
          : undefined
        : typeof Index === "string"
          ? this._host.sheetNamed(Index)
          : undefined;
    if (!state) throw new EtError(`下标越界：${String(Index)}`, 9);
    return counted(this._host, new MemoryEtWorksheet(this._host, state));
  }
  Add(Before?: EtWorksheet, After?: EtWorksheet, Count = 1): EtWorksheet {
    if (Count !== 1) throw new EtError("本宿主一次只加一张表");
    const anchor = ((Before ?? After) as unknown as MemoryEtWorksheet | undefined)?._state;
    const sheets = this._host.sheets;
    const at = anchor ? sheets.indexOf(anchor) + (Before ? 0 : 1) : sheets.indexOf(this._host.active);
    let n = sheets.length + 1;
    while (this._host.sheetNamed(`Sheet${n}`)) n++;
    const state = this._host.addSheet(`Sheet${n}`, Math.max(0, at));
    this._host.activeId = state.id;
    return counted(this._host, new MemoryEtWorksheet(this._host, state));
  }
}

/** The active window: panes freeze at SplitRow/SplitColumn below and right of the top-left cell shown (ScrollRow/ScrollColumn). */
class MemoryEtWindow implements EtWindow {
  SplitRow = 0;
  SplitColumn = 0;
  ScrollRow = 1;
  ScrollColumn = 1;
  constructor(private readonly _host: EtHost) {}
  get FreezePanes(): boolean {
    const f = this._host.active.frozen;
    return f.rows > 0 || f.columns > 0;
  }
  set FreezePanes(on: boolean) {
    const rows = this.SplitRow ? this.SplitRow + this.ScrollRow - 1 : 0;
    const columns = this.SplitColumn ? this.SplitColumn + this.ScrollColumn - 1 : 0;
    this._host.active.frozen = on ? { rows, columns } : { rows: 0, columns: 0 };
  }
}

class MemoryEtWorkbook implements EtWorkbook {
  readonly Name = "考评.xlsx";
  constructor(private readonly _host: EtHost) {}
  get Worksheets(): EtSheets {
    return counted(this._host, new MemoryEtSheets(this._host));
  }
  get ActiveSheet(): EtWorksheet {
    return counted(this._host, new MemoryEtWorksheet(this._host, this._host.active));
  }
}

export class MemoryEtApplication implements EtApplication {
  private readonly window: EtWindow;
  constructor(readonly _host: EtHost) {
    this.window = counted(_host, new MemoryEtWindow(_host));
  }
  get ActiveWorkbook(): EtWorkbook | null {
    return this._host.sheets.length ? counted(this._host, new MemoryEtWorkbook(this._host)) : null;
  }
  get ActiveWindow(): EtWindow {
    return this.window;
  }
  get ScreenUpdating(): boolean {
    return this._host.flags.ScreenUpdating;
  }
  set ScreenUpdating(v: boolean) {
    this._host.flags.ScreenUpdating = v;
  }
  get DisplayAlerts(): boolean {
    return this._host.flags.DisplayAlerts;
  }
  set DisplayAlerts(v: boolean) {
    this._host.flags.DisplayAlerts = v;
  }
  get EnableEvents(): boolean {
    return this._host.flags.EnableEvents;
  }
  set EnableEvents(v: boolean) {
    this._host.flags.EnableEvents = v;
  }
  get Calculation(): Et.XlCalculation {
    return this._host.calculation as Et.XlCalculation;
  }
  set Calculation(v: Et.XlCalculation) {
    if (v !== -4135 && v !== -4105 && v !== 2) throw new EtError("计算方式无效");
    this._host.calculation = v;
  }
  get Version(): string {
    return this._host.options.version;
  }
  get Build(): number {
    return Number(this._host.options.version.split(".").pop());
  }
}
