/** `Excel.ChartCollection` / `Excel.Chart`: charts are recorded (type, source, series), not drawn. */
import { cellAddress, parseAddress, splitSheetAddress } from "./address";
import { MemoryClientObject, MemoryCollection, unwrap } from "./client-object";
import { ErrorCode, MemoryExcelError } from "./errors";
import { MemoryRange } from "./range";
import type { MemoryRequestContext } from "./request-context";
import type { CellsRef, ChartRecord, ChartSeriesRecord, SheetState, WorkbookState } from "./workbook-state";
import type { MemoryWorksheet } from "./worksheet";

type ChartKey = { sheetId: string; chartId: string };

type ChartMembers = "context" | "id" | "name" | "chartType" | "title" | "legend" | "series" | "setPosition" | "delete" | "load";

export class MemoryChart extends MemoryClientObject<ChartKey> implements Pick<Excel.Chart, ChartMembers> {
  protected readonly _typeName = "Chart";
  private _title: MemoryChartTitle | undefined;
  private _legend: MemoryChartLegend | undefined;
  private _series: MemoryChartSeriesCollection | undefined;

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
    if (name === "title") return this.title as unknown as MemoryChartTitle;
    if (name === "legend") return this.legend as unknown as MemoryChartLegend;
    if (name === "series") return this.series as unknown as MemoryChartSeriesCollection;
    return undefined;
  }

  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, () => (this._record().name = v), this._sheetOf);
  }
  get chartType(): Excel.Chart["chartType"] {
    return this._get("chartType");
  }
  set chartType(v: Excel.Chart["chartType"]) {
    this._set("chartType", v, () => (this._record().type = String(v)), this._sheetOf);
  }

  get title(): Excel.ChartTitle {
    this._title ??= new MemoryChartTitle(this._ctx, `${this._path}.title`, this);
    return this._title as unknown as Excel.ChartTitle;
  }

  get legend(): Excel.ChartLegend {
    this._legend ??= new MemoryChartLegend(this._ctx, `${this._path}.legend`, this);
    return this._legend as unknown as Excel.ChartLegend;
  }

  get series(): Excel.ChartSeriesCollection {
    this._series ??= new MemoryChartSeriesCollection(this._ctx, `${this._path}.series`, this);
    return this._series as unknown as Excel.ChartSeriesCollection;
  }

  /** Records the top-left cell (an address on the chart's sheet, or a Range on it). */
  setPosition(startCell: Excel.Range | string, endCell?: Excel.Range | string): void {
    const addr = (x: Excel.Range | string | undefined) =>
      typeof x === "string" || x === undefined ? x : unwrap(x, MemoryRange, "Range")._path;
    this._call(
      "setPosition",
      [addr(startCell), addr(endCell)],
      () => {
        const record = this._record();
        const sheet = this._state.sheetById(this._target().sheetId);
        let rect;
        if (typeof startCell === "string") {
          const { sheet: named, local } = splitSheetAddress(startCell);
          if (named !== undefined && named.toLowerCase() !== sheet.name.toLowerCase())
            throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, "Chart.setPosition");
          rect = parseAddress(local);
        } else {
          const ref = unwrap(startCell, MemoryRange, "Range")._target();
          if (ref.sheetId !== sheet.id) throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, "Chart.setPosition");
          rect = ref.rect;
        }
        if (!rect) throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, "Chart.setPosition");
        record.position = cellAddress(rect.row, rect.column);
      },
      this._sheetOf,
    );
  }

  delete(): void {
    this._call(
      "delete",
      [],
      () => {
        const key = this._target();
        const sheet = this._state.sheetById(key.sheetId);
        sheet.charts = sheet.charts.filter((c) => c.id !== key.chartId);
      },
      this._sheetOf,
    );
  }

  load(option?: unknown): Excel.Chart {
    this._load(option);
    return this as unknown as Excel.Chart;
  }
}

export class MemoryChartTitle extends MemoryClientObject<ChartKey> implements Pick<Excel.ChartTitle, "context" | "text" | "load"> {
  protected readonly _typeName = "ChartTitle";

  constructor(
    ctx: MemoryRequestContext,
    path: string,
    private readonly chart: MemoryChart,
  ) {
    super(ctx, path);
  }

  override _tryTarget(): ChartKey | null {
    return this.chart._tryTarget();
  }

  protected _loadables(): Record<string, () => unknown> {
    return { text: () => this.chart._record().title ?? "" };
  }

  get text(): string {
    return this._get("text");
  }
  set text(v: string) {
    this._set("text", v, () => (this.chart._record().title = v));
  }

  load(option?: unknown): Excel.ChartTitle {
    this._load(option);
    return this as unknown as Excel.ChartTitle;
  }
}

/** Parts of a chart: bound to the chart they belong to. */
abstract class ChartPart extends MemoryClientObject<ChartKey> {
  constructor(
    ctx: MemoryRequestContext,
    path: string,
    protected readonly chart: MemoryChart,
  ) {
    super(ctx, path);
  }

  override _tryTarget(): ChartKey | null {
    return this.chart._tryTarget();
  }

  protected readonly _sheetOf = (): SheetState | undefined => {
    const key = this._tryTarget();
    return key ? this._ctx._host.state.sheets.find((s) => s.id === key.sheetId) : undefined;
  };
}

export class MemoryChartLegend extends ChartPart implements Pick<Excel.ChartLegend, "context" | "visible" | "position" | "load"> {
  protected readonly _typeName = "ChartLegend";

  protected _loadables(): Record<string, () => unknown> {
    return { visible: () => this.chart._record().legendVisible ?? true, position: () => "Right" };
  }

  get visible(): boolean {
    return this._get("visible");
  }
  set visible(v: boolean) {
    this._set("visible", v, () => (this.chart._record().legendVisible = Boolean(v)), this._sheetOf);
  }

  get position(): Excel.ChartLegend["position"] {
    return this._get("position");
  }

  load(option?: unknown): Excel.ChartLegend {
    this._load(option);
    return this as unknown as Excel.ChartLegend;
  }
}

/** One series, bound to its chart and its index there. */
export class MemoryChartSeries
  extends ChartPart
  implements Pick<Excel.ChartSeries, "context" | "name" | "setValues" | "setXAxisValues" | "load">
{
  protected readonly _typeName = "ChartSeries";

  constructor(
    ctx: MemoryRequestContext,
    path: string,
    chart: MemoryChart,
    private readonly index: number,
  ) {
    super(ctx, path, chart);
  }

  private _seriesRecord(): ChartSeriesRecord {
    const series = this.chart._record().series[this.index];
    if (!series) throw new MemoryExcelError(ErrorCode.itemNotFound, undefined, "ChartSeriesCollection.getItemAt");
    return series;
  }

  protected _loadables(): Record<string, () => unknown> {
    return { name: () => this._seriesRecord().name };
  }

  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, () => (this._seriesRecord().name = String(v)), this._sheetOf);
  }

  private _cells(sourceData: Excel.Range, location: string): CellsRef {
    const ref = unwrap(sourceData, MemoryRange, "Range")._target();
    if (ref.rect.rowCount !== 1 && ref.rect.columnCount !== 1) throw new MemoryExcelError(ErrorCode.invalidArgument, undefined, location);
    return { sheetId: ref.sheetId, rect: { ...ref.rect } };
  }

  /** ExcelApi 1.7: the series' values from a one-row or one-column range. */
  setValues(sourceData: Excel.Range): void {
    this._call(
      "setValues",
      [unwrap(sourceData, MemoryRange, "Range")._path],
      () => (this._seriesRecord().values = this._cells(sourceData, "ChartSeries.setValues")),
      this._sheetOf,
    );
  }

  /** ExcelApi 1.7: the category labels from a one-row or one-column range. */
  setXAxisValues(sourceData: Excel.Range): void {
    this._call(
      "setXAxisValues",
      [unwrap(sourceData, MemoryRange, "Range")._path],
      () => (this._seriesRecord().xAxisValues = this._cells(sourceData, "ChartSeries.setXAxisValues")),
      this._sheetOf,
    );
  }

  load(option?: unknown): Excel.ChartSeries {
    this._load(option);
    return this as unknown as Excel.ChartSeries;
  }
}

export class MemoryChartSeriesCollection
  extends MemoryCollection<MemoryChartSeries, ChartKey, Excel.ChartSeries>
  implements Pick<Excel.ChartSeriesCollection, "context" | "items" | "getItemAt" | "load">
{
  protected readonly _typeName = "ChartSeriesCollection";

  constructor(
    ctx: MemoryRequestContext,
    path: string,
    private readonly chart: MemoryChart,
  ) {
    super(ctx, path);
  }

  protected _keys(): ChartKey[] {
    const key = this.chart._target();
    return this.chart._record().series.map(() => key);
  }

  protected _item(_key: ChartKey, index: number): MemoryChartSeries {
    return new MemoryChartSeries(this._ctx, `${this._path}.getItemAt(${index})`, this.chart, index);
  }

  /** A missing index fails the sync with ItemNotFound when the series is used. */
  getItemAt(index: number): Excel.ChartSeries {
    return new MemoryChartSeries(this._ctx, `${this._path}.getItemAt(${index})`, this.chart, index) as unknown as Excel.ChartSeries;
  }

  load(option?: unknown): Excel.ChartSeriesCollection {
    this._load(option);
    return this as unknown as Excel.ChartSeriesCollection;
  }
}

export class MemoryChartCollection
  extends MemoryCollection<MemoryChart, ChartKey, Excel.Chart>
  implements Pick<Excel.ChartCollection, "context" | "items" | "add" | "load">
{
  protected readonly _typeName = "ChartCollection";

  constructor(
    ctx: MemoryRequestContext,
    path: string,
    private readonly sheet: MemoryWorksheet,
  ) {
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
        // One series per column (by columns, or Auto on a range taller than wide), else per row.
        const byColumns = seriesBy === "Columns" || ((seriesBy ?? "Auto") === "Auto" && ref.rect.rowCount >= ref.rect.columnCount);
        const count = byColumns ? ref.rect.columnCount : ref.rect.rowCount;
        const series = Array.from({ length: count }, (_, i) => ({
          name: `Series${i + 1}`,
          values: {
            sheetId: ref.sheetId,
            rect: byColumns
              ? { ...ref.rect, column: ref.rect.column + i, columnCount: 1 }
              : { ...ref.rect, row: ref.rect.row + i, rowCount: 1 },
          },
        }));
        sheet.charts.push({
          id,
          name: `Chart ${sheet.charts.length + 1}`,
          type: String(type),
          source: { sheetId: ref.sheetId, rect: { ...ref.rect } },
          seriesBy: String(seriesBy ?? "Auto"),
          series,
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
