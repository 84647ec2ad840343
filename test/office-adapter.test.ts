// The Office.js adapter and the pane's controller, run against the in-memory Excel host: the
// workbook of a year as describeTemplate lays it out, generated for 28, 280 and 2,800 units.

import ExcelJS from "exceljs";
import { EventLevel, EventScope, EventType, RESULT_LABELS } from "../src/engine/catalogue";
import { CellValue } from "../src/engine/cells";
import { evaluate } from "../src/engine/evaluate";
import { ScoringEvent } from "../src/engine/events";
import { monthKey, parsePeriod } from "../src/engine/period";
import { RawRecord } from "../src/engine/records";
import { DEFAULT_UNITS, Unit } from "../src/engine/units";
import { REGISTRY_SHEET } from "../src/workbook/sheet-spec";
import { describeUnitSheet } from "../src/workbook/template";
import { writeSheet } from "../src/adapters/xlsx/xlsx-workbook";
import { DEMO_EVENTS, DEMO_YEAR, demoValues } from "../src/workbook/demo-data";
import { PaneController } from "../src/taskpane/controller";
import { createOfficeController } from "../src/taskpane/host/office-controller";
import {
  FIVE_MB,
  MemoryExcel,
  createWorkbook,
  inspectCell,
  installGlobals,
  listSheets,
  setCells,
  sheetValues,
  snapshotSheet,
  snapshotWorkbook,
} from "./support/memory-excel";
import { syntheticUnits, yearWorkbook } from "./support/synthetic-workbooks";

const OCTOBER = parsePeriod("2026-10")!;
const RESULT = "2026年10月 考评结果";
const filled = (unit: Unit, month: string) => (month <= `${DEMO_YEAR}-10` ? demoValues(unit, month) : undefined);

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

/** The real controller on the host, with Office's globals installed (Excel.* enums, isSetSupported). */
function paneOn(host: MemoryExcel, requirementSets?: Record<string, string>): PaneController {
  uninstall?.();
  const globals = installGlobals(host, requirementSets ? { requirementSets } : {});
  uninstall = globals.uninstall;
  return createOfficeController({
    run: (batch) => host.run(batch),
    isSetSupported: (name, version) => globals.Office.context.requirements.isSetSupported(name, version),
    now: () => new Date(2026, 10, 3, 9, 30),
  });
}

const USER_SHEET: Record<string, CellValue[][]> = {
  我的笔记: [["自己的表", "=1+2", 3.14159], ["2026-10", "=SUM(C1,1)", "周口市"], [], ["", "", "", "右下角"]],
};

/** The 28 units with the demo year and October's events, plus a sheet of the user's own. */
function demoWorkbook(units: readonly Unit[] = DEFAULT_UNITS): MemoryExcel {
  const host = yearWorkbook({ units, events: DEMO_EVENTS, userSheets: USER_SHEET });
  const notes = host.state.findSheet("我的笔记")!;
  host.state.setStyle(notes, { row: 0, column: 0, rowCount: 1, columnCount: 2 }, "fill", "#FFFF00");
  host.state.addComment(notes, 0, 0, "别动这张表");
  return host;
}

const TYPES: Record<string, EventType> = { 荣誉奖励: "honour", 批评曝光: "criticism", 弄虚作假: "falsification" };
const LEVELS: Record<string, EventLevel> = { 国家级: "national", 省级: "provincial", 市级: "city" };
const SCOPES: Record<string, EventScope> = { 月度: "monthly", 年度: "annual" };

/** The engine on the same data, straight from the generators: rank (or its label), unit, total. */
function engineRanking(units: readonly Unit[], events: readonly (readonly CellValue[])[]): (string | number)[][] {
  const records: RawRecord[] = [];
  for (const unit of units)
    for (let m = 1; m <= 12; m++) {
      const values = filled(unit, monthKey(DEMO_YEAR, m));
      if (values) records.push({ unitCode: unit.code, month: monthKey(DEMO_YEAR, m), values });
    }
  const scoring: ScoringEvent[] = events.map(([date, unit, type, level, scope]) => ({
    date: String(date),
    unitCode: units.find((u) => u.name === unit)!.code,
    type: TYPES[String(type)],
    level: level === null ? undefined : LEVELS[String(level)],
    scope: SCOPES[String(scope)],
  }));
  const evaluation = evaluate({ period: OCTOBER, units, records, events: scoring });
  return evaluation.rows.map((r) => [r.rank ?? RESULT_LABELS[r.result], r.unit.name, r.total ?? ""]);
}

/** The result sheet's table read back: 名次, 单位, 总分 of every row under the header. */
function sheetRanking(host: MemoryExcel, name = RESULT): (string | number)[][] {
  const values = sheetValues(host, name);
  const header = values.findIndex((row) => row[0] === "名次" && row[1] === "单位");
  const total = values[header].indexOf("总分");
  const rows: (string | number)[][] = [];
  for (const row of values.slice(header + 1)) {
    if (row[1] === "" || row[1] === undefined) break;
    rows.push([row[0] as string | number, row[1] as string, row[total] as string | number]);
  }
  return rows;
}

function registry(host: MemoryExcel): { visibility: string; rows: CellValue[][] } {
  const snap = snapshotSheet(host, REGISTRY_SHEET);
  return { visibility: snap.visibility, rows: snap.values.slice(1) };
}

describe("a generation through the Office.js adapter", () => {
  const sizes: [number, "unitSheets" | "summary"][] = [
    [28, "unitSheets"],
    [280, "unitSheets"],
    [28, "summary"],
    [280, "summary"],
    [2800, "summary"],
  ];
  const syncs: number[] = [];

  test.each(sizes)(
    "for %i units (%s) writes the engine's ranking in 4 round trips, every request under 5 MB",
    async (n, layout) => {
      const units = syntheticUnits(n);
      const events = n === 28 ? DEMO_EVENTS : [];
      const host = yearWorkbook({ units, events, layout });
      const pane = paneOn(host);
      host.resetStats();
      const outcome = await pane.generate(OCTOBER, "2026-11-05");
      expect(outcome.resultSheet).toBe(RESULT);
      expect(sheetRanking(host)).toEqual(engineRanking(units, events));
      expect(host.syncCount).toBe(4);
      expect(host.requests.every((r) => r.ok)).toBe(true);
      expect(host.largestRequestBytes).toBeLessThan(FIVE_MB);
      expect(Math.max(...host.requests.map((r) => r.responseBytes))).toBeLessThan(FIVE_MB);
      syncs.push(host.syncCount);
    },
    60_000,
  );

  test("the number of round trips does not grow with the units", () => {
    expect(new Set(syncs)).toEqual(new Set([4]));
  });

  test("2,800 per-unit sheets (7.7 MB of values) are read in halves under the response cap, and the ranking is still the engine's", async () => {
    const units = syntheticUnits(2800);
    const host = yearWorkbook({ units });
    const pane = paneOn(host);
    host.resetStats();
    await pane.generate(OCTOBER);
    expect(sheetRanking(host)).toEqual(engineRanking(units, []));
    const refused = host.requests.filter((r) => !r.ok);
    expect(refused.map((r) => r.error)).toEqual(["ResponsePayloadSizeLimitExceeded"]);
    expect(host.syncCount).toBe(6);
    expect(host.largestRequestBytes).toBeLessThan(FIVE_MB);
    expect(Math.max(...host.requests.filter((r) => r.ok).map((r) => r.responseBytes))).toBeLessThan(FIVE_MB);
  }, 120_000);

  test("sheets it did not make stay exactly as they were; its own are listed in the very hidden registry", async () => {
    const host = demoWorkbook();
    const before = snapshotWorkbook(host);
    await paneOn(host).generate(OCTOBER, "2026-11-05");
    for (const sheet of before) expect(snapshotSheet(host, sheet.name)).toEqual(sheet);
    const sheets = listSheets(host);
    expect(sheets.filter((s) => !before.some((b) => b.name === s.name)).map((s) => [s.name, s.visibility])).toEqual([
      [RESULT, "Visible"],
      ["数据校验", "Visible"],
      [REGISTRY_SHEET, "VeryHidden"],
    ]);
    expect(sheets.find((s) => s.active)?.name).toBe(RESULT);
    const reg = registry(host);
    expect(reg.visibility).toBe("VeryHidden");
    expect(reg.rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      [RESULT, "result", "2026-10"],
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
    expect(chart.categories).toBe(`'${RESULT}'!B6:B33`);
    expect(chart.source).toMatch(new RegExp(`^'${RESULT}'![A-Z]+6:[A-Z]+33$`));
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
    await pane.generate(OCTOBER);
    // 郑州市, October (row 13 of its sheet): fewer calls answered.
    setCells(host, "郑州市", "D13", [[20000]]);
    const second = await pane.generate(OCTOBER);
    expect(second.previousVersion).toBe(`${RESULT} v1`);
    expect(second.corrections).toBeGreaterThan(0);
    expect(listSheets(host).map((s) => s.name)).toEqual(expect.arrayContaining([RESULT, `${RESULT} v1`, "修正记录", "数据校验"]));
    const log = sheetValues(host, "修正记录");
    expect(log[0]).toEqual(["生成时间", "期间", "版本", "单位", "项目", "原值", "新值", "原名次", "新名次"]);
    expect(log.slice(1).some((r) => r[3] === "郑州市")).toBe(true);
    const logged = log.length;

    setCells(host, "开封市", "D13", [[15000]]);
    const third = await pane.generate(OCTOBER);
    expect(third.previousVersion).toBe(`${RESULT} v2`);
    const after = sheetValues(host, "修正记录");
    expect(after.slice(0, logged)).toEqual(log);
    expect(after.slice(logged).some((r) => r[3] === "开封市")).toBe(true);
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
  /** A workbook generated once, with a value changed since: the next generation renames, replaces and appends. */
  async function regenerating(): Promise<{ host: MemoryExcel; pane: PaneController }> {
    const host = demoWorkbook();
    const pane = paneOn(host);
    await pane.generate(OCTOBER);
    setCells(host, "郑州市", "D13", [[20000]]);
    await pane.generate(OCTOBER);
    setCells(host, "开封市", "D13", [[15000]]);
    host.resetStats();
    return { host, pane };
  }

  function state(host: MemoryExcel) {
    return {
      sheets: snapshotWorkbook(host),
      list: listSheets(host),
      calculation: host.state.calculationMode,
      selection: host.state.selection,
    };
  }

  /** What an undisturbed generation does: its requests (action counts) and the workbook after it. */
  async function reference(first: boolean) {
    const { host, pane } = first ? { host: demoWorkbook(), pane: undefined } : await regenerating();
    const p = pane ?? paneOn(host);
    host.resetStats();
    await p.generate(OCTOBER);
    return { actions: host.requests.map((r) => r.actions), after: state(host) };
  }

  for (const first of [true, false]) {
    test(`${first ? "first generation" : "regeneration"}: a sync failing at any of its actions, in either step, is undone or (past the commit point) completed`, async () => {
      const ref = await reference(first);
      expect(ref.actions).toHaveLength(4);
      const outcomes: string[] = [];
      for (const [index, count] of ref.actions.entries()) {
        const n = index + 1;
        // The swap (4): every action; the reads (1, 2) and the step-1 write (3): a spread of positions.
        const positions =
          n === 4
            ? Array.from({ length: count + 1 }, (_, k) => k)
            : [...new Set([0, 1, 2, 5, Math.floor(count / 3), Math.floor(count / 2), count - 2, count - 1, count])].filter(
                (k) => k >= 0 && k <= count,
              );
        for (const afterActions of positions) {
          const { host, pane } = first ? { host: demoWorkbook(), pane: undefined } : await regenerating();
          const p = pane ?? paneOn(host);
          host.resetStats();
          const before = state(host);
          host.failNthSync(n, { afterActions });
          const outcome = await p.generate(OCTOBER).then(
            () => "done",
            () => "failed",
          );
          const now = state(host);
          if (outcome === "failed") expect({ n, afterActions, ...now }).toEqual({ n, afterActions, ...before });
          else expect({ n, afterActions, ...now, selection: undefined }).toEqual({ n, afterActions, ...ref.after, selection: undefined });
          outcomes.push(`${n}:${outcome}`);
        }
      }
      // One commit point: every failure before it is undone; only failures after it, among the swap's
      // last actions (deleting what was set aside, restoring calculation), complete the change.
      const joined = outcomes.join(" ");
      expect(joined).toMatch(/^(1:failed )+(2:failed )+(3:failed )+(4:failed )+(4:done ?)+$/);
      expect(outcomes.filter((o) => o === "4:done").length).toBeLessThanOrEqual(first ? 5 : 9);
    }, 120_000);
  }

  test.each(["数据校验", RESULT, "修正记录", REGISTRY_SHEET, "~kp12328 1"])(
    "a write to %s that fails leaves the regenerated workbook as it was",
    async (sheet) => {
      const { host, pane } = await regenerating();
      const before = state(host);
      host.failWhenWriting(sheet, { times: 1 });
      await expect(pane.generate(OCTOBER)).rejects.toBeDefined();
      expect(state(host)).toEqual(before);
    },
  );
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

  async function returnedFile(name: string, unit: Unit, october: Record<string, CellValue>): Promise<File> {
    const workbook = new ExcelJS.Workbook();
    writeSheet(
      workbook,
      describeUnitSheet(unit, DEMO_YEAR, (_, month) => (month === "2026-10" ? october : undefined)),
    );
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    return { name, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) } as unknown as File;
  }

  test("importFiles fills only empty cells, reports a cell that already holds another value, and creates a missing unit's sheet", async () => {
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
