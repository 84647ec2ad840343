// The Office.js adapter and the pane's controller, run against the in-memory Excel host: the
// workbook of a year as describeTemplate lays it out. Generations at scale (280 and 2,800 units) and
// the sweeps of a failure at every action are in office-adapter.heavy.test.ts.

import { DEFAULT_UNITS } from "../src/engine/units";
import { CORRECTIONS_HEADERS, ChangeRefused, INPUTS_SHEET, REGISTRY_SHEET, WorkbookChange } from "../src/workbook";
import { applyWorkbookChange, detectFeatures, readWorkbookCells } from "../src/adapters/office/excel-workbook";
import { toPaneError } from "../src/taskpane/host/office-controller";
import { DEMO_EVENTS, demoValues } from "../src/workbook/demo-data";
import { createWorkbook, inspectCell, listSheets, setCells, sheetValues, snapshotSheet, snapshotWorkbook } from "./support/memory-excel";
import { yearWorkbook } from "./support/synthetic-workbooks";
import {
  OCTOBER,
  RESULT,
  USER_SHEET,
  demoWorkbook,
  engineRanking,
  generatesTheEnginesRanking,
  paneOn,
  regenerating,
  returnedFile,
  registry,
  sheetRanking,
  uninstallPane,
  workbookNow,
} from "./support/office-pane";

afterEach(uninstallPane);

describe("a generation through the Office.js adapter", () => {
  test("for the 28 units writes the engine's ranking in 4 round trips, every request under 5 MB", async () => {
    const host = await generatesTheEnginesRanking(28, "unitSheets");
    expect(host.syncCount).toBe(4);
  });

  test("sheets it did not make stay exactly as they were; its own are listed in the very hidden registry", async () => {
    const host = demoWorkbook();
    const before = snapshotWorkbook(host);
    await paneOn(host).generate(OCTOBER, "2026-11-05");
    for (const sheet of before) expect(snapshotSheet(host, sheet.name)).toEqual(sheet);
    const sheets = listSheets(host);
    expect(sheets.filter((s) => !before.some((b) => b.name === s.name)).map((s) => [s.name, s.visibility])).toEqual([
      [RESULT, "Visible"],
      ["2026年10月 公示表", "Visible"],
      [INPUTS_SHEET, "VeryHidden"],
      ["数据校验", "Visible"],
      [REGISTRY_SHEET, "VeryHidden"],
    ]);
    expect(sheets.find((s) => s.active)?.name).toBe(RESULT);
    const reg = registry(host);
    expect(reg.visibility).toBe("VeryHidden");
    expect(reg.rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      [RESULT, "result", "2026-10"],
      ["2026年10月 公示表", "publication", "2026-10"],
      [INPUTS_SHEET, "inputs", ""],
      ["数据校验", "validation", "2026-10"],
    ]);
  });

  test("text from the input stays text: a unit named =1+2 is written as the string, not a formula", async () => {
    const units = DEFAULT_UNITS.map((u, i) => (i === 20 ? { ...u, name: "=1+2" } : u));
    const host = yearWorkbook({ units });
    await paneOn(host).generate(OCTOBER);
    const rows = sheetRanking(host);
    expect(rows.some((r) => r[1] === "=1+2")).toBe(true);
    const row = sheetValues(host, RESULT).findIndex((r) => r[1] === "=1+2");
    const cell = inspectCell(host, RESULT, `B${row + 1}`);
    expect([cell.value, cell.formula, cell.numberFormat]).toEqual(["=1+2", undefined, "@"]);
  });

  test("suspends screen updating and sets calculation to manual while it writes, then restores it", async () => {
    const host = demoWorkbook();
    const pane = paneOn(host);
    const during: string[] = [];
    let suspendedAtFirstWrite = -1;
    host.failWhen((a) => {
      if (a.write) {
        during.push(host.state.calculationMode);
        if (suspendedAtFirstWrite < 0) suspendedAtFirstWrite = host.state.screenUpdatingSuspensions;
      }
      return false;
    });
    await pane.generate(OCTOBER);
    expect(new Set(during)).toEqual(new Set(["Manual"]));
    expect(suspendedAtFirstWrite).toBe(1);
    expect(host.state.screenUpdatingSuspensions).toBe(2);
    expect(host.state.calculationModeChanges).toEqual(["Manual", "Automatic"]);
    expect(host.state.calculationMode).toBe("Automatic");
  });

  test("draws a bar chart of the totals beside the ranking", async () => {
    const host = demoWorkbook();
    await paneOn(host).generate(OCTOBER);
    const [chart] = snapshotSheet(host, RESULT).charts;
    expect(chart).toMatchObject({ type: "BarClustered", seriesBy: "Columns", legend: false, title: "2026年10月 总分" });
    expect(chart.categories).toBe(`'${RESULT}'!B7:B34`);
    expect(chart.source).toMatch(new RegExp(`^'${RESULT}'![A-Z]+7:[A-Z]+34$`));
  });

  test("where the host refuses charts, the ranking is written all the same, in the same 4 round trips", async () => {
    const host = demoWorkbook();
    host.chartsSupported = false;
    const pane = paneOn(host);
    host.resetStats();
    await pane.generate(OCTOBER);
    expect(host.syncCount).toBe(4);
    expect(host.requests.filter((r) => !r.ok).map((r) => r.error)).toEqual(["ApiNotFound"]);
    expect(snapshotSheet(host, RESULT).charts).toEqual([]);
    expect(sheetRanking(host)).toEqual(engineRanking(DEFAULT_UNITS, DEMO_EVENTS));
    expect(listSheets(host).some((s) => s.name.startsWith("~kp12328"))).toBe(false);
  });

  test("a host without the chart API (ExcelApi below 1.7 is not asked for one) and without comments still ranks", async () => {
    const host = demoWorkbook();
    await paneOn(host, { ExcelApi: "1.9" }).generate(OCTOBER);
    expect(snapshotSheet(host, RESULT).comments).toEqual({});
    expect(sheetRanking(host)).toEqual(engineRanking(DEFAULT_UNITS, DEMO_EVENTS));
  });
});

describe("regenerating a period", () => {
  test("keeps the earlier result as “… v1”, records what changed in 修正记录, and appends on the next regeneration", async () => {
    const host = demoWorkbook();
    const pane = paneOn(host);
    await pane.generate(OCTOBER, "2026-11-02");
    // 郑州市, October (row 13 of its sheet): fewer calls answered.
    setCells(host, "郑州市", "D13", [[20000]]);
    const second = await pane.generate(OCTOBER);
    expect(second.previousVersion).toBe(`${RESULT} v1`);
    expect(second.corrections).toBeGreaterThan(0);
    expect(listSheets(host).map((s) => s.name)).toEqual(expect.arrayContaining([RESULT, `${RESULT} v1`, "修正记录", "数据校验"]));
    const log = sheetValues(host, "修正记录");
    expect(log[2]).toEqual([...CORRECTIONS_HEADERS]);
    expect(log.slice(3).some((r) => r[3] === "郑州市")).toBe(true);
    const logged = log.length;

    setCells(host, "开封市", "D13", [[15000]]);
    const third = await pane.generate(OCTOBER);
    expect(third.previousVersion).toBe(`${RESULT} v2`);
    const after = sheetValues(host, "修正记录");
    expect(after.slice(0, logged)).toEqual(log);
    expect(after.slice(logged).some((r) => r[3] === "开封市")).toBe(true);
    const input = after.slice(logged).find((r) => r[4] === "输入数据" && r[3] === "开封市")!;
    expect([input[5], input[8]]).toEqual(["开封市!D13", 15000]);
    const reg = registry(host).rows.map((r) => [r[0], r[1], r[3]]);
    expect(reg).toEqual(
      expect.arrayContaining([
        [`${RESULT} v1`, "result", 1],
        [`${RESULT} v2`, "result", 2],
        [RESULT, "result", 3],
        ["修正记录", "corrections", ""],
      ]),
    );
    expect(listSheets(host).filter((s) => s.name === "数据校验")).toHaveLength(1);
  });
});

describe("a failure part-way leaves the workbook as it was", () => {
  // Every other sheet, and a failure at every action of a generation: office-adapter.heavy.test.ts.
  test("a write to 修正记录 that fails leaves the regenerated workbook as it was", async () => {
    const { host, pane } = await regenerating();
    const before = workbookNow(host);
    host.failWhenWriting("修正记录", { times: 1 });
    await expect(pane.generate(OCTOBER)).rejects.toBeDefined();
    expect(workbookNow(host)).toEqual(before);
  });
});

describe("set-up, import and navigation", () => {
  test("setUpWorkbook creates only the missing sheets, registers them, and never changes an existing one", async () => {
    const units = DEFAULT_UNITS.slice(0, 3);
    const host = createWorkbook({
      ...USER_SHEET,
      考评单位: [["代码", "单位名称", "类别"], ...units.map((u) => [u.code, u.name, u.unitClass])],
    });
    const before = snapshotWorkbook(host);
    const pane = paneOn(host);
    const outcome = await pane.setUpWorkbook(2026);
    expect(outcome.kept).toEqual(["考评单位"]);
    expect(outcome.created).toEqual(["评分规则", "考评事件", "节假日调整", ...units.map((u) => u.name)]);
    for (const sheet of before) expect(snapshotSheet(host, sheet.name)).toEqual(sheet);
    const unit = snapshotSheet(host, units[0].name);
    expect([unit.frozenRows, unit.frozenColumns]).toEqual([3, 1]);
    expect(unit.validations.length).toBeGreaterThan(0);
    expect(unit.validations[0].rule).toEqual({ wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } });
    expect(registry(host).rows.map((r) => r[0])).toEqual(outcome.created);

    const again = snapshotWorkbook(host);
    expect((await pane.setUpWorkbook(2026)).created).toEqual([]);
    expect(snapshotWorkbook(host)).toEqual(again);
  });

  test("importFiles fills only empty cells, reports one that holds another value, and creates a missing unit's sheet", async () => {
    const units = DEFAULT_UNITS.slice(0, 3);
    const host = yearWorkbook({
      units,
      values: (unit, month) => (unit.name === units[0].name && month === "2026-10" ? { ordersTotal: 100 } : undefined),
    });
    host.state.deleteSheet(host.state.findSheet(units[2].name)!);
    const pane = paneOn(host);
    const values = { ...demoValues(units[0], "2026-10") };
    const outcome = await pane.importFiles([
      await returnedFile("郑州.xlsx", units[0], { ...values, ordersTotal: 999 }),
      await returnedFile("第三.xlsx", units[2], values),
    ]);
    // B13 (工单总量, October) held 100: kept and reported; C13 (人工排队量) was empty: filled.
    expect(inspectCell(host, units[0].name, "B13").value).toBe(100);
    expect(inspectCell(host, units[0].name, "C13").value).toBe(values.manualQueued);
    expect(outcome.problems.map((p) => p.code)).toEqual(["import.conflict"]);
    expect(outcome.files.map((f) => [f.name, f.rows])).toEqual([
      ["郑州.xlsx", 1],
      ["第三.xlsx", 1],
    ]);
    expect(sheetValues(host, units[2].name)[12][2]).toBe(values.manualQueued);
    expect(registry(host).rows.map((r) => r[0])).toEqual([units[2].name]);
  });

  test("an import is one change: when a write of it fails, no cell is filled and no sheet is added", async () => {
    const units = DEFAULT_UNITS.slice(0, 3);
    const host = yearWorkbook({ units, values: () => undefined });
    host.state.deleteSheet(host.state.findSheet(units[2].name)!);
    const pane = paneOn(host);
    const values = { ...demoValues(units[0], "2026-10") };
    const files = [await returnedFile("郑州.xlsx", units[0], values), await returnedFile("第三.xlsx", units[2], values)];
    const before = workbookNow(host);
    host.failWhenWriting(units[0].name, { times: 1 });
    await expect(pane.importFiles(files)).rejects.toBeDefined();
    expect(workbookNow(host)).toEqual(before);
    // Once the failure is gone, the same import goes through whole.
    const outcome = await pane.importFiles(files);
    expect(outcome.files.map((f) => f.rows)).toEqual([1, 1]);
    expect(inspectCell(host, units[0].name, "B13").value).toBe(values.ordersTotal);
  });

  test("selectCell activates the sheet and selects the cell", async () => {
    const host = demoWorkbook();
    await paneOn(host).selectCell({ sheet: "开封市", cell: "D13" });
    expect(listSheets(host).find((s) => s.active)?.name).toBe("开封市");
    expect(host.state.selection).toMatchObject({
      sheetId: host.state.findSheet("开封市")!.id,
      rect: { row: 12, column: 3, rowCount: 1, columnCount: 1 },
    });
  });
});

describe("a change the workbook cannot take is refused before anything is written", () => {
  async function applyTo(host: ReturnType<typeof demoWorkbook>, change: WorkbookChange): Promise<unknown> {
    paneOn(host);
    const features = detectFeatures(() => true);
    return host
      .run(async (context) => applyWorkbookChange(context, change, await readWorkbookCells(context, features), features))
      .then(
        () => undefined,
        (error: unknown) => error,
      );
  }
  const nothing: WorkbookChange = { renames: [], sheets: [], appends: [], cellWrites: [], registry: [] };

  test("replacing a sheet the product did not make: a Chinese sentence naming it, and only the read took place", async () => {
    const host = demoWorkbook();
    const before = workbookNow(host);
    host.resetStats();
    const error = await applyTo(host, { ...nothing, sheets: [{ name: "我的笔记", role: "validation", rows: [[{ value: "x" }]] }] });
    expect(error).toBeInstanceOf(ChangeRefused);
    expect((error as Error).message).toBe("“我的笔记”不是本工具生成的工作表，不会被改名、替换或追加内容；本次未写入任何内容。");
    expect(host.requests.every((r) => r.writes === 0)).toBe(true);
    expect(workbookNow(host)).toEqual(before);
  });

  test("a value for a cell that is not empty: refused, and the pane shows the sentence", async () => {
    const host = demoWorkbook();
    const before = workbookNow(host);
    const error = await applyTo(host, { ...nothing, cellWrites: [{ sheet: "郑州市", cell: "B13", value: 1 }] });
    expect((error as Error).message).toBe("郑州市!B13 已有内容，不会被覆盖；本次未写入任何内容。");
    expect(toPaneError(error)).toMatchObject({ code: "failed", userMessage: (error as Error).message });
    expect(workbookNow(host)).toEqual(before);
  });
});
