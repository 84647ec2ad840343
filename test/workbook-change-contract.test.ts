// One contract for the three adapters: the same WorkbookChanges — the demo year's template (data
// validation on every input cell), October's generation (result sheet with notes, links in 数据校验),
// two corrections (the published result kept as v1 and v2, 修正记录 created, then appended to), a
// draft that leaves the published version alone, and an
// import into empty cells — written through the ExcelJS adapter (saved, and read back from the file
// with ExcelJS), through the Office.js adapter on the in-memory Excel host and through the WPS adapter on
// the in-memory ET host (test/support/memory-et), must look the same to a
// user: sheets, order, visibility, values, formats, fonts (name, size), borders, fills, alignment, sizes, panes,
// tab colours, validation, notes, links, autofilters and print set-up (print titles, footer). What a host cannot do is stated below.

import ExcelJS from "exceljs";
import { generationStamp, parsePeriod } from "../src/engine";
import {
  DEMO_EVENTS,
  DEMO_PUBLISHED,
  DEMO_YEAR,
  SheetCells,
  WorkbookChange,
  applyChange as transactChange,
  demoValues,
  describeTemplate,
  describeUnitSheet,
  planImport,
  rankWorkbook,
} from "../src/workbook";
import { workbookSheets } from "../src/adapters/xlsx/cells";
import { applyChange } from "../src/adapters/xlsx/writer";
import { linesHeight } from "../src/workbook/print-style";
import { applyWorkbookChange, detectFeatures, readWorkbookCells } from "../src/adapters/office/excel-workbook";
import { MemoryExcel, createWorkbook, installGlobals, setCells, snapshotSheet } from "./support/memory-excel";
import { SheetView, WorkbookView, viewOfExcelJs, viewOfMemoryHost, widthInPoints } from "./support/what-a-user-sees";
import { etPort } from "../src/adapters/wps/et-port";
import { EtHost, EtHostOptions, createEt, viewOfMemoryEt } from "./support/memory-et";

const OCTOBER = parsePeriod("2026-10")!;
const RESULT = "2026年10月 考评结果";
const STAMP = generationStamp(new Date(2026, 10, 5, 9, 30));
const NOTES: (string | number)[][] = [
  ["自己的表", 3.14159],
  ["别动", "=1+2"],
];
/** 郑州市's November is left empty by the template, for the import to fill. */
const values = (unit: { name: string }, month: string) =>
  unit.name === "郑州市" && month === "2026-11" ? undefined : demoValues(unit as never, month);

/** What happens to the workbook, in order: a change an adapter applies, or a value a clerk types. */
type Step = { readonly change: WorkbookChange } | { readonly typed: { sheet: string; cell: string; value: number } };

/** The workbook as an .xlsx file: each change saved and read back, as the command-line tool does. */
class FileSide {
  file = new ExcelJS.Workbook();
  readonly steps: Step[] = [];

  constructor() {
    const ws = this.file.addWorksheet("我的笔记");
    NOTES.forEach((row, r) => row.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v)));
  }

  /** The cells of the file, as a change is planned from them. */
  sheets(): SheetCells[] {
    return workbookSheets(this.file);
  }

  async apply(change: WorkbookChange): Promise<void> {
    this.steps.push({ change });
    applyChange(this.file, change);
    const bytes = await this.file.xlsx.writeBuffer();
    this.file = new ExcelJS.Workbook();
    await this.file.xlsx.load(bytes);
  }

  type(sheet: string, cell: string, value: number): void {
    this.steps.push({ typed: { sheet, cell, value } });
    this.file.getWorksheet(sheet)!.getCell(cell).value = value;
  }
}

/** The same steps in the in-memory Excel host, with the Office.js adapter of a host with `requirementSets`. */
async function officeSide(steps: readonly Step[], requirementSets: Record<string, string>): Promise<MemoryExcel> {
  const host = createWorkbook({ 我的笔记: NOTES });
  const globals = installGlobals(host, { requirementSets });
  try {
    const features = detectFeatures((name, version) => globals.Office.context.requirements.isSetSupported(name, version));
    for (const step of steps) {
      if ("typed" in step) setCells(host, step.typed.sheet, step.typed.cell, [[step.typed.value]]);
      else
        await host.run(async (context) => applyWorkbookChange(context, step.change, await readWorkbookCells(context, features), features));
    }
  } finally {
    globals.uninstall();
  }
  return host;
}

/** The same steps in the in-memory ET host (WPS 表格), with the WPS adapter; a clerk's typing is one Value2 write. */
async function wpsSide(steps: readonly Step[], options?: EtHostOptions): Promise<EtHost> {
  const { host, app } = createEt({ 我的笔记: NOTES }, options);
  const port = etPort(app, { yieldToWindow: async () => host.markYield() });
  for (const step of steps) {
    if ("typed" in step) app.ActiveWorkbook!.Worksheets.Item(step.typed.sheet).Range(step.typed.cell).Value2 = [[step.typed.value]];
    else await transactChange(port, step.change, await port.read());
  }
  return host;
}

function templateChange(): WorkbookChange {
  const specs = describeTemplate({ year: DEMO_YEAR, values, events: DEMO_EVENTS });
  return {
    renames: [],
    sheets: specs,
    appends: [],
    cellWrites: [],
    registry: specs.map((s) => ({ name: s.name, role: s.role, created: STAMP })),
    activate: specs[0].name,
  };
}

/** 郑州市's November as a centre returns it. */
function returnedNovember(): SheetCells[] {
  const unit = { code: "410100", name: "郑州市", unitClass: "省辖市" };
  const spec = describeUnitSheet(unit, DEMO_YEAR, (u, month) => (month === "2026-11" ? demoValues(u, month) : undefined));
  return [{ name: spec.name, cells: spec.rows.map((row) => row.map((c) => (c?.formula ? null : (c?.value ?? null)))) }];
}

/** The five changes, each planned from the file's cells as it stands. */
async function writeTheYear(): Promise<FileSide> {
  const side = new FileSide();
  const rank = () => rankWorkbook(side.sheets(), { period: OCTOBER, published: DEMO_PUBLISHED, generated: STAMP }).change;
  await side.apply(templateChange());
  await side.apply(rank());
  side.type("郑州市", "D13", 20000);
  await side.apply(rank());
  side.type("开封市", "D13", 15000);
  await side.apply(rank());
  // A negative count: a draft that leaves the published 第 3 版 alone, and a problem listed in 数据校验 with a link to its cell.
  side.type("开封市", "D13", -15000);
  await side.apply(rank());
  const returned = [{ name: "郑州.xlsx", sheets: returnedNovember() }];
  const imported = planImport(returned, { sheets: side.sheets(), names: side.sheets().map((s) => s.name) }, STAMP);
  expect(imported.change?.cellWrites.length).toBe(21);
  await side.apply(imported.change!);
  return side;
}

function sheet(view: WorkbookView, name: string): SheetView {
  return view.sheets.find((s) => s.name === name)!;
}

describe("the same changes through the ExcelJS adapter and the Office.js adapter", () => {
  let steps: readonly Step[];
  let file: WorkbookView;
  let office: WorkbookView;
  let host: MemoryExcel;

  beforeAll(async () => {
    const side = await writeTheYear();
    steps = side.steps;
    file = viewOfExcelJs(side.file);
    // ExcelApi 1.18: notes are notes in both.
    host = await officeSide(steps, { ExcelApi: "1.18" });
    office = viewOfMemoryHost(host);
  }, 120_000);

  test("the changes cover every kind of thing compared", () => {
    const all = (pick: (s: SheetView) => object | null) => file.sheets.filter((s) => pick(s) && Object.keys(pick(s)!).length).length;
    expect(file.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining([RESULT, `${RESULT} v1`, `${RESULT} v2`, "数据校验", "修正记录", "评分规则", "郑州市", "_kp12328"]),
    );
    for (const pick of [
      (s: SheetView) => s.validations,
      // Dropdowns of both kinds: words in the rule (考评事件 类型) and a range of the workbook (单位 from 考评单位).
      (s: SheetView) => (Object.values(s.validations).some((v) => v.type === "list" && String(v.formulae[0]).startsWith('"')) ? s : null),
      (s: SheetView) => (Object.values(s.validations).some((v) => v.type === "list" && String(v.formulae[0]).includes("!")) ? s : null),
      (s: SheetView) => s.notes,
      (s: SheetView) => s.links,
      (s: SheetView) => s.merges,
      (s: SheetView) => s.rowHeights,
      (s: SheetView) => (s.autoFilter ? { filter: s.autoFilter } : null),
      (s: SheetView) => (s.tabColor ? { tab: s.tabColor } : null),
      (s: SheetView) => (s.print.fit ? s.print : null),
    ])
      expect(all(pick)).toBeGreaterThan(0);
    // The import's values are in 郑州市's November row (B14 工单总量 …).
    expect(sheet(file, "郑州市").cells.B14.value).toBe(
      demoValues({ code: "410100", name: "郑州市", unitClass: "省辖市" }, "2026-11").ordersTotal,
    );
  });

  test("the sheets, their order and visibility, and the active sheet are the same", () => {
    const list = (v: WorkbookView) => v.sheets.map((s) => [s.name, s.visibility]);
    expect(list(office)).toEqual(list(file));
    expect(office.active).toBe(file.active);
    expect(file.sheets[0].name).toBe("我的笔记");
  });

  test("every sheet looks the same, cell by cell", () => {
    for (const s of file.sheets) expect({ sheet: s.name, ...sheet(office, s.name) }).toEqual({ sheet: s.name, ...s });
  });

  test("the result sheet prints on A4 landscape, two pages wide, 名次 and 单位 and the header row on every page, with the footer", () => {
    const result = sheet(file, RESULT);
    expect(result.print).toEqual({
      orientation: "landscape",
      paper: "A4",
      fit: { wide: 2, tall: 0 },
      titleRows: "6:6",
      titleColumns: "A:B",
      footer: "河南省12328电话省中心 · 第 &P 页，共 &N 页 · 生成时间 2026-11-05 09:30",
      // Excel's normal side margins, half an inch at top and bottom (0.2 in for the footer).
      margins: "0.7/0.7/0.5/0.5/0.2/0.2",
    });
    // 28 units under the header in row 6; the legend below the empty row 35 is not filtered.
    expect(result.autoFilter).toMatch(/^A6:[A-Z]+34$/);
    expect(sheet(office, RESULT).print).toEqual(result.print);
  });

  test("the result table is drawn in 等线 10 pt with thin borders around every cell of the table, the same in both", () => {
    const result = sheet(file, RESULT);
    // A6 名次 (header), B7 the first unit, the 备注 of the last unit (row 34); the title keeps its 14 pt.
    for (const a of ["A6", "B7", "A34"])
      expect(result.cells[a]).toMatchObject({ fontName: "等线", fontSize: 10, border: "thin/thin/thin/thin" });
    // The title starts after 名次/单位 (C1), which repeat on the table's second printed page.
    expect(result.cells.C1).toMatchObject({ fontName: "等线", fontSize: 14, border: null });
    // The row under the table has the font, no border.
    expect(result.cells.A35).toMatchObject({ fontName: "等线", border: null });
    for (const a of ["A6", "B7", "A34", "C1", "A35"]) expect(sheet(office, RESULT).cells[a]).toEqual(result.cells[a]);
  });

  test("修正记录 prints on A4 landscape one page wide, and the rows appended to it take its font, borders and heights", () => {
    const log = sheet(file, "修正记录");
    expect(log.print).toMatchObject({ orientation: "landscape", paper: "A4", fit: { wide: 1, tall: 0 }, titleRows: "3:3" });
    const last = Math.max(...Object.keys(log.cells).map((a) => Number(a.replace(/[A-Z]+/, ""))));
    expect(log.cells[`J${last}`]).toMatchObject({ fontName: "等线", fontSize: 10, border: "thin/thin/thin/thin" });
    expect(sheet(office, "修正记录").cells[`J${last}`]).toEqual(log.cells[`J${last}`]);
    // A 备注 row (the tie note before and after, each two lines or more in 20 characters) is as tall as its text,
    // in the rows of the first correction and in those appended by the later ones.
    const notes = Object.entries(log.cells)
      .filter(([a, c]) => /^G\d+$/.test(a) && c.value === "备注")
      .map(([a]) => a.slice(1));
    expect(notes.length).toBeGreaterThanOrEqual(3);
    for (const r of notes) expect(log.rowHeights[r]).toBeGreaterThanOrEqual(linesHeight(2));
    expect(sheet(office, "修正记录").rowHeights).toEqual(log.rowHeights);
  });

  test("修正记录's filter grows over the rows appended to it", () => {
    const log = sheet(file, "修正记录");
    const rows = Math.max(...Object.keys(log.cells).map((a) => Number(a.replace(/[A-Z]+/, ""))));
    // The title and its note above, the header in row 3, ten columns (版本 … 原因).
    expect(log.autoFilter).toBe(`A3:J${rows}`);
    expect(sheet(office, "修正记录").autoFilter).toBe(log.autoFilter);
  });

  test("column widths are the same on screen: a width of 10 characters is 70 pixels (52.5 points)", () => {
    expect(widthInPoints(10)).toBe(52.5);
    expect(sheet(office, "数据校验").columnWidths).toEqual(sheet(file, "数据校验").columnWidths);
  });

  test("what ExcelJS cannot write: the Office host draws the bar chart of the totals, the file has none", () => {
    expect(snapshotSheet(host, RESULT).charts).toHaveLength(1);
    // ExcelJS has no chart API: the .xlsx result sheet is complete without it (SheetSpec.chart: "where the host supports charts").
  });

  describe("where a host lacks an API, the rest still looks the same", () => {
    test("ExcelApi 1.10–1.17 has no notes: a note is a comment with the same text", async () => {
      const older = await officeSide(steps, { ExcelApi: "1.17" });
      const office = viewOfMemoryHost(older);
      expect(Object.keys(sheet(file, RESULT).notes).length).toBeGreaterThan(0);
      expect(snapshotSheet(older, RESULT).comments).toEqual(sheet(file, RESULT).notes);
      for (const s of file.sheets) expect({ ...sheet(office, s.name), notes: s.notes }).toEqual(s);
    });

    test("ExcelApi 1.8 has neither notes, page layout nor autofilter: those are missing, everything else is the same", async () => {
      const office = viewOfMemoryHost(await officeSide(steps, { ExcelApi: "1.8" }));
      for (const s of file.sheets) {
        const o = sheet(office, s.name);
        expect(o.notes).toEqual({});
        expect(o.autoFilter).toBeNull();
        expect(o.print).toEqual({
          orientation: "portrait",
          paper: "default",
          fit: null,
          titleRows: null,
          titleColumns: null,
          footer: null,
          margins: null,
        });
        expect({ ...o, notes: s.notes, autoFilter: s.autoFilter, print: s.print }).toEqual(s);
      }
    });
  });
});

describe("the same changes through the ExcelJS adapter and the WPS adapter (in-memory ET)", () => {
  let steps: readonly Step[];
  let file: WorkbookView;

  beforeAll(async () => {
    const side = await writeTheYear();
    steps = side.steps;
    file = viewOfExcelJs(side.file);
  }, 120_000);

  // Both readings of what ET leaves undocumented: an error cell's Value2 (COM error or bare code) and an empty cell's.
  test.each<EtHostOptions>([
    { errors: "hresult", empty: undefined },
    { errors: "code", empty: null, general: "General" },
  ])(
    "the sheets, their order, visibility and the active sheet, and every sheet cell by cell, are the same (%o)",
    async (options) => {
      const wps = viewOfMemoryEt(await wpsSide(steps, options));
      const list = (v: WorkbookView) => v.sheets.map((s) => [s.name, s.visibility]);
      expect(list(wps)).toEqual(list(file));
      expect(wps.active).toBe(file.active);
      for (const s of file.sheets) expect({ sheet: s.name, ...sheet(wps, s.name) }).toEqual({ sheet: s.name, ...s });
    },
    120_000,
  );

  test("the result sheet's panes are frozen below its header and right of 名次 and 单位, as in the file", async () => {
    const wps = viewOfMemoryEt(await wpsSide(steps));
    expect(sheet(file, RESULT).frozen).toEqual({ rows: 6, columns: 2 });
    expect(sheet(wps, RESULT).frozen).toEqual(sheet(file, RESULT).frozen);
  }, 120_000);

  test("every write gave the window back between sheets, and WPS was left as it was: screen, events, calculation, alerts", async () => {
    const host = await wpsSide(steps);
    expect(host.stretches.length).toBeGreaterThan(steps.length);
    expect(host.flags).toEqual({ ScreenUpdating: true, DisplayAlerts: true, EnableEvents: true });
    expect(host.calculation).toBe(-4105);
    expect(host.dialogs).toEqual([]);
  }, 120_000);
});
