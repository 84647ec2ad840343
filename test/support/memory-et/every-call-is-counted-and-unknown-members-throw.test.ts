import { createEt } from ".";

test("each property read or written and each method fetched is one call into WPS", () => {
  const { app, host } = createEt({ 表: [[1, 2]] });
  // ActiveWorkbook, Worksheets, Item, Range, Value2: five calls for one read of a range.
  const v = app.ActiveWorkbook!.Worksheets.Item(1).Range("A1:B1").Value2;
  expect(v).toEqual([[1, 2]]);
  expect(host.callCount).toBe(5);
  expect(host.calls.get("Value2")).toBe(1);
});

test("a member ET does not have throws instead of giving undefined", () => {
  const { app } = createEt({ 表: [] });
  const ws = app.ActiveWorkbook!.Worksheets.Item(1) as unknown as Record<string, unknown>;
  expect(() => ws.getRange).toThrow(/不支持此属性或方法/);
  expect(() => (ws.Values = 1)).toThrow(/不支持此属性或方法/);
});

test("yields split the work into stretches, each with its calls and length", () => {
  const { app, host } = createEt({ 表: [] });
  app.ScreenUpdating = false;
  host.markYield();
  app.ActiveWorkbook!.Worksheets.Item(1).Range("A1").Value2 = [[1]];
  host.markYield();
  expect(host.stretches.map((s) => s.calls)).toEqual([1, 5]);
  expect(host.stretches.every((s) => s.ms >= 0)).toBe(true);
});

test("a failure asked for fails that call, and the calls before it stand", () => {
  const { app, host } = createEt({ 表: [] });
  const ws = app.ActiveWorkbook!.Worksheets.Item(1);
  host.failNthCall(3);
  ws.Range("A1").Value2 = "前";
  expect(() => ws.Range("A2")).toThrow(/模拟的失败/);
  expect(ws.Range("A1").Value2).toBe("前");
});
