// The WPS port under failure: ET has no transaction, so a call that fails part-way leaves what came
// before it; transact (src/workbook/transact.ts) then undoes it through the same port. Whatever call
// fails, the clerk finds the workbook as it was, or the change complete — and WPS's switches back on.

import { DEMO_EVENTS, DEMO_YEAR, WorkbookChange, applyChange, demoValues, describeTemplate } from "../../workbook";
import { generationStamp } from "../../engine";
import { createEt, viewOfMemoryEt } from "../../../test/support/memory-et";
import { etPort, mergeLooks } from "./et-port";
import type { HostStep } from "../../workbook";

const STAMP = generationStamp(new Date(2026, 10, 5, 9, 30));

/** Two unit sheets' worth of the template: enough of every kind of step, small enough to fail at many calls. */
function smallTemplate(): WorkbookChange {
  const specs = describeTemplate({ year: DEMO_YEAR, values: (u, m) => demoValues(u as never, m), events: DEMO_EVENTS }).slice(0, 4);
  return {
    renames: [],
    sheets: specs,
    appends: [],
    cellWrites: [],
    registry: specs.map((s) => ({ name: s.name, role: s.role, created: STAMP })),
  };
}

test("a failure at any call of the write leaves the workbook as it was, or complete, and WPS's switches on", async () => {
  const change = smallTemplate();
  const clean = createEt({ 我的笔记: [["自己的表", 1]] });
  const before = viewOfMemoryEt(clean.host);
  const whole = createEt({ 我的笔记: [["自己的表", 1]] });
  await applyChange(etPort(whole.app), change, await etPort(whole.app).read());
  const total = whole.host.callCount;
  const after = viewOfMemoryEt(whole.host);
  let undone = 0;
  for (let n = 1; n < total; n += Math.ceil(total / 40)) {
    const { host, app } = createEt({ 我的笔记: [["自己的表", 1]] });
    const port = etPort(app);
    const snapshot = await port.read();
    host.failNthCall(n);
    const outcome = await applyChange(port, change, snapshot).then(
      () => "complete",
      () => "failed",
    );
    const view = viewOfMemoryEt(host);
    if (outcome === "failed") {
      undone++;
      expect({ n, view }).toEqual({ n, view: before });
    } else expect({ n, view }).toEqual({ n, view: after });
    expect(host.flags).toEqual({ ScreenUpdating: true, DisplayAlerts: true, EnableEvents: true });
    expect(host.calculation).toBe(-4105);
  }
  expect(undone).toBeGreaterThan(20);
});

test("a change checkChange refuses writes nothing: not one call after the read", async () => {
  const { host, app } = createEt({ 考评单位: [["别人的表"]] });
  const port = etPort(app);
  const snapshot = await port.read();
  host.resetCalls();
  const change: WorkbookChange = { ...smallTemplate(), sheets: [{ name: "考评单位", role: "units", rows: [] }] };
  await expect(applyChange(port, change, snapshot)).rejects.toThrow("不是本工具生成的工作表");
  expect(host.callCount).toBe(0);
});

test("deleting a sheet never asks the clerk: alerts are off for the delete, and back on after", async () => {
  const { host, app } = createEt({ 我的笔记: [["x"]] });
  const port = etPort(app);
  await applyChange(port, smallTemplate(), await port.read());
  // Again: every product sheet is replaced, the earlier ones set aside and deleted.
  await applyChange(port, smallTemplate(), await port.read());
  expect(host.dialogs).toEqual([]);
  expect(host.flags.DisplayAlerts).toBe(true);
  expect(host.sheets.some((s) => s.name.startsWith("~kp12328"))).toBe(false);
});

test("equal looks on one sheet become one call over their areas, unless a look between them covers the same cells", () => {
  const look = (range: string, style: object): HostStep => ({ op: "styleBlock", sheet: "表", range, style });
  const steps = [
    look("A1:J30", { fontName: "等线", fontSize: 10 }),
    look("A2:C2", { bold: true }),
    look("D2:D2", { fill: "#FFFF00" }),
    look("A4:C4", { bold: true }),
    look("D2:F4", { bold: true }),
    look("A5:J9", { border: "thin" }),
  ];
  expect(mergeLooks(steps).map((s) => (s.op === "styleBlock" ? s.range : s.op))).toEqual([
    "A1:J30",
    // A4:C4 joins A2:C2 (the fill between covers other cells); D2:F4 may not, the fill at D2 came after A2:C2.
    "A2:C2,A4:C4",
    "D2:D2",
    "D2:F4",
    "A5:J9",
  ]);
});
