/** `Excel.PageLayout` and `Excel.AutoFilter` (ExcelApi 1.9): print set-up and a sheet's autofilter, recorded. */
import { MAX_COLUMNS, MAX_ROWS, parseAddress, Rect, splitSheetAddress } from "./address";
import { MemoryClientObject, MemorySheetPart, unwrap } from "./client-object";
import { ErrorCode, MemoryExcelError } from "./errors";
import { MemoryRange } from "./range";
import type { PageLayoutState } from "./workbook-state";
import type { MemoryWorksheet } from "./worksheet";

export type Orientation = Excel.PageLayout["orientation"];
export type PaperSize = Excel.PageLayout["paperSize"];

const PAPER_SIZES = new Set<string>([
  ..."Letter LetterSmall Tabloid Ledger Legal Statement Executive A3 A4 A4Small A5 B4 B5 Folio Quatro".split(" "),
  ..."Paper10x14 Paper11x17 Note Envelope9 Envelope10 Envelope11 Envelope12 Envelope14 Csheet Dsheet Esheet".split(" "),
  ..."EnvelopeDL EnvelopeC5 EnvelopeC3 EnvelopeC4 EnvelopeC6 EnvelopeC65 EnvelopeB4 EnvelopeB5 EnvelopeB6".split(" "),
  ..."EnvelopeItaly EnvelopeMonarch EnvelopePersonal FanfoldUS FanfoldStdGerman FanfoldLegalGerman".split(" "),
]);

/** A range argument (a Range proxy or an address) as a rectangle of `sheet`; anything else is InvalidArgument. */
function rectOf(given: Excel.Range | string, sheet: MemoryWorksheet, location: string): Rect {
  if (typeof given === "string") {
    const { sheet: named, local } = splitSheetAddress(given);
    if (named !== undefined && named.toLowerCase() !== sheet._sheet().name.toLowerCase())
      throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, location);
    const rect = parseAddress(local);
    if (!rect) throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, location);
    return rect;
  }
  const ref = unwrap(given, MemoryRange, "Range")._target();
  if (ref.sheetId !== sheet._sheet().id) throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, location);
  return ref.rect;
}

type Margin = "leftMargin" | "rightMargin" | "topMargin" | "bottomMargin" | "headerMargin" | "footerMargin";

type PageLayoutMembers =
  "context" | "orientation" | "paperSize" | "zoom" | "setPrintTitleRows" | "setPrintTitleColumns" | "headersFooters" | Margin | "load";

const MARGINS: readonly Margin[] = ["leftMargin", "rightMargin", "topMargin", "bottomMargin", "headerMargin", "footerMargin"];

export class MemoryPageLayout extends MemorySheetPart implements Pick<Excel.PageLayout, PageLayoutMembers> {
  protected readonly _typeName = "PageLayout";
  private _headersFooters: MemoryHeaderFooterGroup | undefined;

  protected override _navigation(name: string): MemoryClientObject | undefined {
    return name === "headersFooters" ? (this.headersFooters as unknown as MemoryHeaderFooterGroup) : undefined;
  }

  get headersFooters(): Excel.HeaderFooterGroup {
    this._headersFooters ??= new MemoryHeaderFooterGroup(this._ctx, `${this._path}.headersFooters`, this.sheet);
    return this._headersFooters as unknown as Excel.HeaderFooterGroup;
  }

  /** The range must span whole columns ("$A:$B"), as Office requires. */
  setPrintTitleColumns(printTitleColumns: Excel.Range | string): void {
    const given = printTitleColumns;
    this._call(
      "setPrintTitleColumns",
      [typeof given === "string" ? given : "(Range)"],
      () => {
        const rect = rectOf(given, this.sheet, "PageLayout.setPrintTitleColumns");
        if (rect.row !== 0 || rect.rowCount !== MAX_ROWS)
          throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, "PageLayout.setPrintTitleColumns");
        this._layout.printTitleColumns = rect;
      },
      this.sheet._writeSheet,
    );
  }

  private get _layout(): PageLayoutState {
    return this.sheet._sheet().pageLayout;
  }

  protected _loadables(): Record<string, () => unknown> {
    return {
      orientation: () => this._layout.orientation,
      paperSize: () => this._layout.paperSize,
      zoom: () => ({ ...this._layout.zoom }),
      ...Object.fromEntries(MARGINS.map((m) => [m, () => this._layout.margins[m]])),
    };
  }

  /** A margin in points, 0 or more. */
  private _setMargin(name: Margin, v: number): void {
    this._set(
      name,
      v,
      () => {
        if (typeof v !== "number" || !(v >= 0)) throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, `PageLayout.${name}`);
        this._layout.margins[name] = v;
      },
      this.sheet._writeSheet,
    );
  }
  get leftMargin(): number {
    return this._get("leftMargin");
  }
  set leftMargin(v: number) {
    this._setMargin("leftMargin", v);
  }
  get rightMargin(): number {
    return this._get("rightMargin");
  }
  set rightMargin(v: number) {
    this._setMargin("rightMargin", v);
  }
  get topMargin(): number {
    return this._get("topMargin");
  }
  set topMargin(v: number) {
    this._setMargin("topMargin", v);
  }
  get bottomMargin(): number {
    return this._get("bottomMargin");
  }
  set bottomMargin(v: number) {
    this._setMargin("bottomMargin", v);
  }
  get headerMargin(): number {
    return this._get("headerMargin");
  }
  set headerMargin(v: number) {
    this._setMargin("headerMargin", v);
  }
  get footerMargin(): number {
    return this._get("footerMargin");
  }
  set footerMargin(v: number) {
    this._setMargin("footerMargin", v);
  }

  get orientation(): Orientation {
    return this._get("orientation");
  }
  set orientation(v: Orientation) {
    this._set(
      "orientation",
      v,
      () => {
        if (v !== "Portrait" && v !== "Landscape")
          throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, "PageLayout.orientation");
        this._layout.orientation = v;
      },
      this.sheet._writeSheet,
    );
  }

  get paperSize(): PaperSize {
    return this._get("paperSize");
  }
  set paperSize(v: PaperSize) {
    this._set(
      "paperSize",
      v,
      () => {
        if (!PAPER_SIZES.has(String(v))) throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, "PageLayout.paperSize");
        this._layout.paperSize = v as PageLayoutState["paperSize"];
      },
      this.sheet._writeSheet,
    );
  }

  get zoom(): Excel.PageLayoutZoomOptions {
    return this._get("zoom");
  }
  /** Set as one object, as Office requires; a scale (10–400) or pages to fit (whole numbers, 0 = automatic). */
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this._set(
      "zoom",
      v,
      () => {
        const z = v ?? {};
        const pages = [z.horizontalFitToPages, z.verticalFitToPages].filter((n) => n !== undefined && n !== null) as number[];
        const scale = z.scale ?? undefined;
        const bad =
          (scale !== undefined && (typeof scale !== "number" || scale < 10 || scale > 400)) ||
          pages.some((n) => !Number.isInteger(n) || n < 0) ||
          (scale === undefined && pages.length === 0);
        if (bad) throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, "PageLayout.zoom");
        this._layout.zoom = JSON.parse(JSON.stringify({ ...z, scale: pages.length ? undefined : scale }));
      },
      this.sheet._writeSheet,
    );
  }

  /** The range must span whole rows ("$5:$5"), as Office requires. */
  setPrintTitleRows(printTitleRows: Excel.Range | string): void {
    const given = printTitleRows;
    this._call(
      "setPrintTitleRows",
      [typeof given === "string" ? given : "(Range)"],
      () => {
        const rect = rectOf(given, this.sheet, "PageLayout.setPrintTitleRows");
        if (rect.column !== 0 || rect.columnCount !== MAX_COLUMNS)
          throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, "PageLayout.setPrintTitleRows");
        this._layout.printTitleRows = rect;
      },
      this.sheet._writeSheet,
    );
  }

  load(option?: unknown): Excel.PageLayout {
    this._load(option);
    return this as unknown as Excel.PageLayout;
  }
}

/** `Excel.HeaderFooterGroup` (ExcelApi 1.9): the one header/footer for all pages. */
export class MemoryHeaderFooterGroup
  extends MemorySheetPart
  implements Pick<Excel.HeaderFooterGroup, "context" | "defaultForAllPages" | "load">
{
  protected readonly _typeName = "HeaderFooterGroup";
  private _default: MemoryHeaderFooter | undefined;

  protected _loadables(): Record<string, () => unknown> {
    return {};
  }

  protected override _navigation(name: string): MemoryClientObject | undefined {
    return name === "defaultForAllPages" ? (this.defaultForAllPages as unknown as MemoryHeaderFooter) : undefined;
  }

  get defaultForAllPages(): Excel.HeaderFooter {
    this._default ??= new MemoryHeaderFooter(this._ctx, `${this._path}.defaultForAllPages`, this.sheet);
    return this._default as unknown as Excel.HeaderFooter;
  }

  load(option?: unknown): Excel.HeaderFooterGroup {
    this._load(option);
    return this as unknown as Excel.HeaderFooterGroup;
  }
}

/** `Excel.HeaderFooter`: the centre footer is recorded (with its &P / &N codes as given). */
export class MemoryHeaderFooter extends MemorySheetPart implements Pick<Excel.HeaderFooter, "context" | "centerFooter" | "load"> {
  protected readonly _typeName = "HeaderFooter";

  protected _loadables(): Record<string, () => unknown> {
    return { centerFooter: () => this.sheet._sheet().pageLayout.centerFooter ?? "" };
  }

  get centerFooter(): string {
    return this._get("centerFooter");
  }
  set centerFooter(v: string) {
    this._set("centerFooter", v, () => (this.sheet._sheet().pageLayout.centerFooter = String(v)), this.sheet._writeSheet);
  }

  load(option?: unknown): Excel.HeaderFooter {
    this._load(option);
    return this as unknown as Excel.HeaderFooter;
  }
}

type AutoFilterMembers = "context" | "enabled" | "apply" | "remove" | "getRangeOrNullObject" | "load";

export class MemoryAutoFilter extends MemorySheetPart implements Pick<Excel.AutoFilter, AutoFilterMembers> {
  protected readonly _typeName = "AutoFilter";

  protected _loadables(): Record<string, () => unknown> {
    return { enabled: () => this.sheet._sheet().autoFilter !== undefined };
  }

  get enabled(): boolean {
    return this._get("enabled");
  }

  /** Filter buttons on the range's first row, over its rows; criteria are not recorded by this stand-in (refused). */
  apply(range: Excel.Range | string, columnIndex?: number, criteria?: Excel.FilterCriteria): void {
    this._call(
      "apply",
      [typeof range === "string" ? range : "(Range)", columnIndex, criteria],
      () => {
        if (criteria !== undefined) throw new MemoryExcelError(ErrorCode.unsupportedOperation, undefined, "AutoFilter.apply");
        this.sheet._sheet().autoFilter = rectOf(range, this.sheet, "AutoFilter.apply");
      },
      this.sheet._writeSheet,
    );
  }

  /** The range under the filter's buttons; a null object when the sheet has no autofilter. */
  getRangeOrNullObject(): Excel.Range {
    const range = new MemoryRange(this._ctx, `${this._path}.getRangeOrNullObject()`, true);
    range._instantiate("getRangeOrNullObject", [], () => {
      const sheet = this.sheet._sheet();
      return sheet.autoFilter ? { sheetId: sheet.id, rect: sheet.autoFilter } : null;
    });
    return range as unknown as Excel.Range;
  }

  remove(): void {
    this._call("remove", [], () => (this.sheet._sheet().autoFilter = undefined), this.sheet._writeSheet);
  }

  load(option?: unknown): Excel.AutoFilter {
    this._load(option);
    return this as unknown as Excel.AutoFilter;
  }
}
