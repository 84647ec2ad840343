/** `Excel.ChartCollection` / `Excel.Chart`: charts are recorded (type, source, series), not drawn. */
import { qualifiedAddress } from "./address";
import { MemoryClientObject, MemoryCollection, unwrap } from "./client-object";
import { ErrorCode, MemoryExcelError } from "./errors";
import { MemoryRange } from "./range";
import type { MemoryRequestContext } from "./request-context";
import type { ChartRecord, SheetState, WorkbookState } from "./workbook-state";
import type { MemoryWorksheet } from "./worksheet";

type ChartKey = { sheetId: string; chartId: string };

type ChartMembers = "context" | "id" | "name" | "chartType" | "title" | "setPosition" | "delete" | "load";

export class MemoryChart extends MemoryClientObject<ChartKey> implements Pick<Excel.Chart, ChartMembers> {
  protected readonly _typeName = "Chart";
  private _title: MemoryChartTitle | undefined;

  constructor(ctx: MemoryRequestContext, path: string) {
    super(ctx, path);
  }

  private get _state(): WorkbookState {
    return this._ctx._host.state;
  }

  /** @internal */
  _record(): ChartRecord {
    const key = this._target();
    const chart = this._state.sheetById(key.sheetId).charts.find((c) => c.id === key.chartId);
    if (!chart) throw new MemoryExcelError(ErrorCode.itemNotFound, undefined, "Chart");
    return chart;
  }

  private readonly _sheetOf = (): SheetState | undefined => {
    const key = this._tryTarget();
    return key ? this._state.sheets.find((s) => s.id === key.sheetId) : undefined;
  };

  protected _loadables(): Record<string, () => unknown> {
    return { id: () => this._record().id, name: () => this._record().name, chartType: () => this._record().type };
  }

  protected override _navigation(name: string): MemoryClientObject | undefined {
    return name === "title" ? (this.title as unknown as MemoryChartTitle) : undefined;
  }

  get id(): string { return this._get("id"); }
  get name(): string { return this._get("name"); }
  set name(v: string) {
    this._set("name", v, () => (this._record().name = v), this._sheetOf);
  }
  get chartType(): Excel.Chart["chartType"] { return this._get("chartType"); }
  set chartType(v: Excel.Chart["chartType"]) {
    this._set("chartType", v, () => (this._record().type = String(v)), this._sheetOf);
  }

  get title(): Excel.ChartTitle {
    this._title ??= new MemoryChartTitle(this._ctx, `${this._path}.title`, this);
    return this._title as unknown as Excel.ChartTitle;
  }

  setPosition(startCell: Excel.Range | string, endCell?: Excel.Range | string): void {
    const addr = (x: Excel.Range | string | undefined) => (typeof x === "string" || x === undefined ? x : "(range)");
    this._call("setPosition", [addr(startCell), addr(endCell)], () => void this._record(), this._sheetOf);
  }

  delete(): void {
    this._call("delete", [], () => {
      const key = this._target();
      const sheet = this._state.sheetById(key.sheetId);
      sheet.charts = sheet.charts.filter((c) => c.id !== key.chartId);
    }, this._sheetOf);
  }

  load(option?: unknown): Excel.Chart {
    this._load(option);
    return this as unknown as Excel.Chart;
  }
}

export class MemoryChartTitle extends MemoryClientObject<ChartKey> implements Pick<Excel.ChartTitle, "context" | "text" | "load"> {
  protected readonly _typeName = "ChartTitle";

  constructor(ctx: MemoryRequestContext, path: string, private readonly chart: MemoryChart) {
    super(ctx, path);
  }

  override _tryTarget(): ChartKey | null {
    return this.chart._tryTarget();
  }

  protected _loadables(): Record<string, () => unknown> {
    return { text: () => this.chart._record().title ?? "" };
  }

  get text(): string { return this._get("text"); }
  set text(v: string) {
    this._set("text", v, () => (this.chart._record().title = v));
  }

  load(option?: unknown): Excel.ChartTitle {
    this._load(option);
    return this as unknown as Excel.ChartTitle;
  }
}

export class MemoryChartCollection
  extends MemoryCollection<MemoryChart, ChartKey, Excel.Chart>
  implements Pick<Excel.ChartCollection, "context" | "items" | "add" | "load">
{
  protected readonly _typeName = "ChartCollection";

  constructor(ctx: MemoryRequestContext, path: string, private readonly sheet: MemoryWorksheet) {
    super(ctx, path);
  }

  protected _keys(): ChartKey[] {
    const s = this.sheet._sheet();
    return s.charts.map((c) => ({ sheetId: s.id, chartId: c.id }));
  }

  protected _item(_key: ChartKey, index: number): MemoryChart {
    return new MemoryChart(this._ctx, `${this._path}.getItemAt(${index})`);
  }

  /** Records the chart; with `MemoryExcel.chartsSupported = false` the sync fails (ApiNotFound). */
  add(type: Excel.ChartType | string, sourceData: Excel.Range, seriesBy?: Excel.ChartSeriesBy | string): Excel.Chart {
    const chart = new MemoryChart(this._ctx, `${this._path}.add(${JSON.stringify(type)})`);
    const source = unwrap(sourceData, MemoryRange, "Range");
    this._ctx._queue({
      wire: { a: "Method", o: this._path, n: "add", v: [type, source._path, seriesBy ?? "Auto"] },
      write: true,
      sheet: this.sheet._writeSheet,
      execute: () => {
        const state = this._ctx._host.state;
        if (!state.chartsSupported) throw new MemoryExcelError(ErrorCode.apiNotFound, undefined, "ChartCollection.add");
        const sheet = this.sheet._sheet();
        const ref = source._target();
        const id = state.newId("");
        sheet.charts.push({
          id,
          name: `Chart ${sheet.charts.length + 1}`,
          type: String(type),
          sourceAddress: qualifiedAddress(state.sheetById(ref.sheetId).name, ref.rect),
          seriesBy: String(seriesBy ?? "Auto"),
        });
        chart._bind({ sheetId: sheet.id, chartId: id });
      },
    });
    return chart as unknown as Excel.Chart;
  }

  load(option?: unknown): Excel.ChartCollection {
    this._load(option);
    return this as unknown as Excel.ChartCollection;
  }
}
