import { MemoryPort } from "../../test/support/memory-port";
import { ChangeRefused } from "./change-refused";
import { ALL_CAPABILITIES } from "./host-port";
import { ProductSheet, REGISTRY_SHEET, SheetSpec, WorkbookChange } from "./sheet-spec";
import { applyChange, transact } from "./transact";

const CREATED = "2026-11-03 09:30";
const product = (name: string, role: ProductSheet["role"]): ProductSheet => ({ name, role, created: CREATED });
const sheet = (name: string, role: SheetSpec["role"], text: string): SheetSpec => ({
  name,
  role,
  rows: [
    [{ value: text, bold: true }],
    [
      { value: 1, numberFormat: "0.00" },
      { value: "说明", note: "一条批注" },
    ],
  ],
  chart: role === "result" ? { title: "总分", categories: "A1:A2", values: "B1:B2", anchor: "D1" } : undefined,
});

/** A result, its validation sheet and 修正记录, as a first generation writes them. */
const FIRST: WorkbookChange = {
  renames: [],
  sheets: [sheet("结果", "result", "第一次"), sheet("数据校验", "validation", "校验一"), sheet("修正记录", "corrections", "修正记录")],
  appends: [],
  cellWrites: [],
  registry: [product("结果", "result"), product("数据校验", "validation"), product("修正记录", "corrections")],
  activate: "结果",
};

/** A regeneration: the result kept as v1 (with a mark), a new result, the validation replaced, a row appended, an import's value. */
const SECOND: WorkbookChange = {
  renames: [{ from: "结果", to: "结果 v1" }],
  sheets: [sheet("结果", "result", "第二次"), sheet("数据校验", "validation", "校验二")],
  appends: [{ sheet: "修正记录", rows: [[{ value: "改了", fill: "#FFEEEE" }, { value: 2 }]], headerRow: 1, rowHeights: { 1: 30 } }],
  cellWrites: [
    { sheet: "结果 v1", cell: "C1", value: "已被修正", style: { bold: true, link: { sheet: "结果", cell: "A1" } } },
    { sheet: "郑州市", cell: "B5", value: "0012" },
  ],
  registry: [
    product("结果 v1", "result"),
    product("结果", "result"),
    product("数据校验", "validation"),
    product("修正记录", "corrections"),
  ],
  activate: "结果",
};

/** The user's two sheets, the first generation written, and a hidden sheet an interrupted run left. */
async function generated(): Promise<MemoryPort> {
  const host = new MemoryPort({ 我的笔记: [[1, 2]], 郑州市: [["月份", "工单"], ["2026-10"]] });
  await transact(host, () => ({ change: FIRST }));
  await host.execute([{ op: "addSheet", sheet: "~kp12328 1" }]);
  return host;
}

describe("a change through the host port", () => {
  test("new sheets are swapped in after the user's, the registry very hidden, what they replace and the leftover gone", async () => {
    const host = await generated();
    await applyChange(host, SECOND, await host.read());
    const view = host.view() as { active: string; sheets: { name: string; visibility: string }[] };
    expect(view.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["我的笔记", "visible"],
      ["郑州市", "visible"],
      ["结果 v1", "visible"],
      ["修正记录", "visible"],
      ["结果", "visible"],
      ["数据校验", "visible"],
      [REGISTRY_SHEET, "veryHidden"],
    ]);
    expect(view.active).toBe("结果");
    expect(host.find("结果")!.cells.get("1,1")).toMatchObject({ value: "第二次", format: "@", style: { bold: true } });
    expect(host.find("数据校验")!.cells.get("1,1")!.value).toBe("校验二");
    expect(host.find("结果 v1")!.cells.get("1,1")!.value).toBe("第一次");
    expect(host.find("结果 v1")!.cells.get("1,3")).toMatchObject({
      value: "已被修正",
      style: { bold: true, underline: true },
      link: "结果!A1",
    });
    // 修正记录 had two rows: the appended one is row 3, its height and the autofilter over it.
    expect(host.find("修正记录")!.cells.get("3,1")).toMatchObject({ value: "改了", style: { fill: "#FFEEEE" } });
    expect(host.find("修正记录")!.layout).toMatchObject({ rowHeights: { 3: 30 }, filter: "A1:B3" });
    expect(host.find("郑州市")!.cells.get("5,2")).toMatchObject({ value: "0012", format: "@" });
    expect(host.calculation).toBe("automatic");
  });

  test("a change checkChange refuses executes no step", async () => {
    const host = await generated();
    const before = host.executed;
    const change: WorkbookChange = { ...SECOND, cellWrites: [{ sheet: "郑州市", cell: "A1", value: 3 }] };
    await expect(applyChange(host, change, await host.read())).rejects.toThrow(new ChangeRefused("郑州市!A1 已有内容，不会被覆盖"));
    expect(host.executed).toBe(before);
  });

  test("a plan without a change reads and writes nothing", async () => {
    const host = await generated();
    const before = host.executed;
    const steps: string[] = [];
    const out = await transact(
      host,
      () => ({ change: undefined, files: 0 }),
      (s) => steps.push(s),
    );
    expect(out.files).toBe(0);
    expect(steps).toEqual(["reading", "planning", "done"]);
    expect(host.executed).toBe(before);
  });

  test("a host without notes, charts, validation, page set-up or autofilter is sent no step for them", async () => {
    const host = new MemoryPort(
      { 我的笔记: [[1]] },
      { validation: false, pageSetUp: false, autoFilter: false, notes: false, charts: false },
    );
    const report = await transact(host, () => ({ change: FIRST }));
    expect(report.change).toBe(FIRST);
    expect(host.find("结果")!.charts).toEqual([]);
    expect([...host.find("结果")!.cells.values()].some((c) => c.note)).toBe(false);
  });

  test("a host that refuses the chart still gets every sheet, and the report says the chart is missing", async () => {
    const host = new MemoryPort({ 我的笔记: [[1]] });
    host.refuseCharts = true;
    expect(await applyChange(host, FIRST, await host.read())).toEqual({ chart: false });
    expect(host.find("修正记录")).toBeDefined();
    const drawn = new MemoryPort({ 我的笔记: [[1]] }, ALL_CAPABILITIES);
    expect(await applyChange(drawn, FIRST, await drawn.read())).toEqual({ chart: true });
  });
});

describe("a failure at any step leaves nothing lost or half written", () => {
  /** The regeneration without a failure: how many steps it takes and the workbook after it. */
  async function reference() {
    const host = await generated();
    const start = host.executed;
    await applyChange(host, SECOND, await host.read());
    return { steps: host.executed - start, after: host.view() };
  }

  test("before the commit point the workbook is put back exactly; after it the change completes", async () => {
    const ref = await reference();
    const outcomes: string[] = [];
    for (let k = 1; k <= ref.steps; k++) {
      const host = await generated();
      const before = host.view();
      host.failAt = host.executed + k;
      const outcome = await applyChange(host, SECOND, await host.read()).then(
        () => "done",
        (error: Error) => (/injected/.test(error.message) ? "failed" : error.message),
      );
      expect({ k, view: host.view() }).toEqual({ k, view: outcome === "done" ? ref.after : before });
      outcomes.push(outcome);
    }
    // One commit point: after it, only the clean-up is left — deleting the old 数据校验 and the old registry
    // (both set aside) and the leftover, and restoring calculation: four steps whose failure completes the change.
    expect(outcomes.join(" ")).toMatch(/^(failed )+(done ?)+$/);
    expect(outcomes.filter((o) => o === "done")).toHaveLength(4);
  });

  test("when the host stops answering, the first failure is reported, and the next run removes what was left hidden", async () => {
    const ref = await reference();
    expect(ref.steps).toBeGreaterThan(10);
    // Failures while the new sheets are written (the first steps): what could not be undone is hidden temporary sheets.
    for (const k of [1, 3, 10]) {
      const host = await generated();
      host.failFrom = host.executed + k;
      await expect(applyChange(host, SECOND, await host.read())).rejects.toThrow(`injected failure at step ${host.failFrom}`);
      const left = (host.view() as { sheets: { name: string; visibility: string }[] }).sheets;
      expect(left.filter((s) => s.visibility === "visible").map((s) => s.name)).toEqual(
        expect.arrayContaining(["我的笔记", "郑州市", "修正记录"]),
      );
      host.failFrom = undefined;
      await transact(host, () => ({ change: SECOND }));
      expect(host.view()).toEqual(ref.after);
    }
  });
});
