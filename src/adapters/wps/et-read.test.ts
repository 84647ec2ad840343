// The WPS read gives the snapshot the Office adapter gives of the same workbook: values from A1, dates as
// serials, errors as "#DIV/0!", nothing for cells only formatted, leftovers listed but not read — under
// either reading of an error cell's Value2 and of an empty cell's.

import { readWorkbookCells, detectFeatures } from "../office/excel-read";
import { createWorkbook } from "../../../test/support/memory-excel";
import { createEt, EtHostOptions } from "../../../test/support/memory-et";
import { readEtWorkbook } from "./et-read";

/** A clerk's sheets: text, numbers, a date, errors, a count that equals an error's code, gaps. */
const SHEETS: Record<string, unknown[][]> = {
  郑州市: [
    ["月份", "工单总量", "接通率", "日期"],
    ["2026-10", 2015, "#DIV/0!", "2026-10-05"],
    [null, null, null, null],
    ["2026-11", 2007, "#N/A", null],
  ],
  说明: [[], [], [null, null, "从 C3 开始", 1]],
  空表: [],
};

const READINGS: EtHostOptions[] = [
  { errors: "hresult", empty: undefined },
  { errors: "code", empty: null },
];

test.each(READINGS)("the same snapshot as the Office adapter's of the same workbook (errors as %o)", async (options) => {
  const office = createWorkbook(SHEETS as never);
  const features = detectFeatures(() => true);
  const expected = await office.run((context) => readWorkbookCells(context, features));
  const { app } = createEt(SHEETS, options);
  const wps = await readEtWorkbook(app);
  expect(wps.sheets).toEqual(expected.sheets);
  expect(wps.names).toEqual(expected.names);
  // Hand-checked: the count 2015 stays a number, the #DIV/0! beside it is the error, the dates their serials
  // ("2026-10" typed is 2026-10-01, serial 46296; 2026-10-05 is 46300).
  expect(wps.sheets[0].cells[1]).toEqual([46296, 2015, "#DIV/0!", 46300]);
  expect(wps.sheets[0].cells[3]).toEqual([46327, 2007, "#N/A", null]);
  expect(wps.sheets[1].cells).toEqual([[], [], [null, null, "从 C3 开始", 1]]);
  expect(wps.sheets[2].cells).toEqual([]);
});

test("cells that are only formatted below or beside the values are not part of the grid", async () => {
  const { app } = createEt({ 表: [["a", 1]] });
  const ws = app.ActiveWorkbook!.Worksheets.Item(1);
  ws.Range("A1:F20").Interior.Color = 0xeeeeee;
  const snapshot = await readEtWorkbook(app);
  expect(snapshot.sheets[0].cells).toEqual([["a", 1]]);
});

test("leftovers of an interrupted run are listed with their visibility but not read; the active sheet is named", async () => {
  const { app, host } = createEt({ 结果: [["x"]], "~kp12328 1": [["half written"]], "~kp12328 2": [["shown"]] });
  host.sheets[1].visible = 0;
  const snapshot = await readEtWorkbook(app);
  expect(snapshot.sheets.map((s) => s.name)).toEqual(["结果", "~kp12328 2"]);
  expect(snapshot.entries).toEqual([
    { name: "结果", visibility: "visible" },
    { name: "~kp12328 1", visibility: "hidden" },
    { name: "~kp12328 2", visibility: "visible" },
  ]);
  expect(snapshot.active).toBe("结果");
});

test("one Value2 read per sheet, whatever its size, and a yield after each sheet", async () => {
  const big = Array.from({ length: 400 }, (_, r) => Array.from({ length: 30 }, (_, c) => r * 30 + c + 0.5));
  const { app, host } = createEt({ 甲: big, 乙: big, 丙: [["x"]] });
  let yields = 0;
  await readEtWorkbook(app, async () => void yields++);
  expect(host.calls.get("Value2")).toBe(3);
  expect(yields).toBe(3);
  // Per sheet: Item, Name, Visible, UsedRange, Value2, Address; and the workbook, its sheets, their count, the active one.
  expect(host.callCount).toBeLessThanOrEqual(3 * 6 + 6);
});

test("a number that equals an error's bare code costs one Text read of its cell, and stays a number", async () => {
  const { app, host } = createEt({ 甲: [[2000, 2007, 2042, 2026]] });
  const snapshot = await readEtWorkbook(app);
  expect(snapshot.sheets[0].cells).toEqual([[2000, 2007, 2042, 2026]]);
  expect(host.calls.get("Text")).toBe(3);
});

test("no open workbook is a sentence for the clerk", async () => {
  const { app, host } = createEt({ 表: [] });
  host.sheets.length = 0;
  await expect(readEtWorkbook(app)).rejects.toThrow("没有打开的工作簿");
});
