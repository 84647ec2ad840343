import { createEt, hresultOf } from ".";
import { dateToSerial } from "../memory-excel/cells";

const sheet = (app: ReturnType<typeof createEt>["app"], name = "表1") => app.ActiveWorkbook!.Worksheets.Item(name);

test("one cell's Value2 is the value itself; a range's is an array of rows, empty cells undefined", () => {
  const { app } = createEt({
    表1: [
      ["单位", 12.5],
      [null, true],
    ],
  });
  expect(sheet(app).Range("A1").Value2).toBe("单位");
  expect(sheet(app).Range("B1").Value2).toBe(12.5);
  expect(sheet(app).Range("A1:B2").Value2).toEqual([
    ["单位", 12.5],
    [undefined, true],
  ]);
  expect(sheet(app).Range("A2").Value2).toBeUndefined();
});

test("a host that gives empty cells as null gives null", () => {
  const { app } = createEt({ 表1: [["a", null]] }, { empty: null });
  expect(sheet(app).Range("A1:B1").Value2).toEqual([["a", null]]);
});

test("an error cell reads as the COM error number, or as the bare CVErr code on a host that gives those", () => {
  const rows = [["#DIV/0!", "#N/A", "#VALUE!"]];
  expect(sheet(createEt({ 表1: rows }).app).Range("A1:C1").Value2).toEqual([[-2146826281, -2146826246, -2146826273]]);
  expect(hresultOf(2007)).toBe(-2146826281);
  expect(sheet(createEt({ 表1: rows }, { errors: "code" }).app).Range("A1:C1").Value2).toEqual([[2007, 2042, 2015]]);
  // Text shows what the clerk sees.
  expect(sheet(createEt({ 表1: rows }).app).Range("A1").Text).toBe("#DIV/0!");
});

test("a date reads as its serial number (days since 1899-12-30)", () => {
  const { app } = createEt({ 表1: [["2026-10-05"]] });
  expect(sheet(app).Range("A1").Value2).toBe(dateToSerial(2026, 10, 5));
  expect(dateToSerial(2026, 10, 5)).toBe(46300);
});

test("writing an array needs the range's shape exactly; a scalar fills every cell", () => {
  const { app } = createEt({ 表1: [] });
  const ws = sheet(app);
  expect(() => (ws.Range("A1:B2").Value2 = [[1, 2]])).toThrow(/大小与区域不符/);
  expect(
    () =>
      (ws.Range("A1:B2").Value2 = [
        [1, 2, 3],
        [4, 5, 6],
      ]),
  ).toThrow(/大小与区域不符/);
  ws.Range("A1:B2").Value2 = [
    [1, 2],
    ["", "x"],
  ];
  expect(ws.Range("A1:B2").Value2).toEqual([
    [1, 2],
    [undefined, "x"],
  ]);
  ws.Range("C1:C2").Value2 = "同";
  expect(ws.Range("C1:C2").Value2).toEqual([["同"], ["同"]]);
});

test("text starting with = is a formula unless the cell is formatted as text first", () => {
  const { app, host } = createEt({ 表1: [] });
  const ws = sheet(app);
  ws.Range("A1").Value2 = "=1+2";
  expect(ws.Range("A1").Value2).toBe(3);
  expect(ws.Range("A1").Formula).toBe("=1+2");
  ws.Range("B1").NumberFormat = "@";
  ws.Range("B1").Value2 = "=1+2";
  expect(ws.Range("B1").Value2).toBe("=1+2");
  expect(host.sheetNamed("表1")!.cells.get("0,1")!.formula).toBeUndefined();
});

test("NumberFormat takes one format for the whole range, reads General as WPS's Chinese name, and null where cells differ", () => {
  const { app } = createEt({ 表1: [] });
  const ws = sheet(app);
  expect(ws.Range("A1").NumberFormat).toBe("G/通用格式");
  ws.Range("A1:A2").NumberFormat = "0.00";
  expect(ws.Range("A1:A2").NumberFormat).toBe("0.00");
  expect(ws.Range("A1:A3").NumberFormat).toBeNull();
  expect(() => ((ws.Range("A1:B1") as { NumberFormat: unknown }).NumberFormat = [["0", "@"]])).toThrow(/一个格式字符串/);
  expect(sheet(createEt({ 表1: [] }, { general: "General" }).app).Range("A1").NumberFormat).toBe("General");
});
