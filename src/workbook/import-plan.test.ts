import { DEFAULT_UNITS, MeasureId } from "../engine";
import { planImport } from "./import-plan";
import { SheetCells } from "./read";
import { describeUnitSheet } from "./template";

const ZHENGZHOU = DEFAULT_UNITS.find((u) => u.name === "郑州市")!;
const KAIFENG = DEFAULT_UNITS.find((u) => u.name === "开封市")!;
const STAMP = "2026-11-05 09:30";

/** A unit sheet as cells (a template sheet, or a centre's returned one) with October's values. */
function unitSheet(unit = ZHENGZHOU, october?: Partial<Record<MeasureId, number>>): SheetCells {
  const spec = describeUnitSheet(unit, 2026, (_, month) => (month === "2026-10" ? october : undefined));
  return { name: spec.name, cells: spec.rows.map((row) => row.map((c) => (c?.formula ? null : (c?.value ?? null)))) };
}

const workbook = (...sheets: SheetCells[]) => ({ sheets, names: sheets.map((s) => s.name) });

describe("planImport", () => {
  test("fills the empty input cells of the unit's row, and leaves a cell that holds a value, reporting a different one", () => {
    // 郑州市's October (row 13): 工单总量 (B13) holds 100, the rest is empty.
    const target = workbook(unitSheet(ZHENGZHOU, { ordersTotal: 100 }));
    const returned = [{ name: "郑州.xlsx", sheets: [unitSheet(ZHENGZHOU, { ordersTotal: 999, manualQueued: 800, manualAnswered: 760 })] }];
    const plan = planImport(returned, target, STAMP);
    expect(plan.change?.cellWrites).toEqual([
      { sheet: "郑州市", cell: "C13", value: 800 },
      { sheet: "郑州市", cell: "D13", value: 760 },
    ]);
    expect(plan.change?.sheets).toEqual([]);
    expect(plan.files).toEqual([{ name: "郑州.xlsx", sheets: ["郑州市"], rows: 1 }]);
    expect(plan.problems.map((p) => [p.code, p.message])).toEqual([
      ["import.conflict", "郑州.xlsx：郑州市 2026年10月 的 郑州市!B13 已有数值 100，导入文件为 999，未覆盖"],
    ]);
  });

  test("the same value already there is no conflict and no write", () => {
    const plan = planImport(
      [{ name: "a.xlsx", sheets: [unitSheet(ZHENGZHOU, { ordersTotal: 100 })] }],
      workbook(unitSheet(ZHENGZHOU, { ordersTotal: 100 })),
      STAMP,
    );
    expect(plan).toEqual({ files: [{ name: "a.xlsx", sheets: [], rows: 0 }], problems: [] });
  });

  test("a later file never overrides an earlier one: the second value for a cell is reported", () => {
    const plan = planImport(
      [
        { name: "a.xlsx", sheets: [unitSheet(ZHENGZHOU, { manualQueued: 800 })] },
        { name: "b.xlsx", sheets: [unitSheet(ZHENGZHOU, { manualQueued: 900 })] },
      ],
      workbook(unitSheet()),
      STAMP,
    );
    expect(plan.change?.cellWrites).toEqual([{ sheet: "郑州市", cell: "C13", value: 800 }]);
    expect(plan.problems.map((p) => p.message)).toEqual(["b.xlsx：郑州市 2026年10月 的 郑州市!C13 已有数值 800，导入文件为 900，未覆盖"]);
  });

  test("a unit without a sheet gets one with the file's months, listed in the registry as the product's", () => {
    const plan = planImport([{ name: "开封.xlsx", sheets: [unitSheet(KAIFENG, { ordersTotal: 321 })] }], workbook(unitSheet()), STAMP);
    const [created] = plan.change!.sheets;
    expect(created.name).toBe("开封市");
    // Row 13 is October; B is 工单总量.
    expect(created.rows[12][1]?.value).toBe(321);
    expect(plan.change!.registry).toEqual([{ name: "开封市", role: "unitInput", created: STAMP }]);
    expect(plan.files).toEqual([{ name: "开封.xlsx", sheets: ["开封市"], rows: 1 }]);
  });

  test("a file that cannot be read is a problem naming it; with nothing readable there is no change", () => {
    const plan = planImport([{ name: "坏.xlsx", unreadable: "文件已损坏，无法读取" }], workbook(), STAMP);
    expect(plan.change).toBeUndefined();
    expect(plan.files).toEqual([]);
    expect(plan.problems.map((p) => [p.severity, p.code, p.message])).toEqual([
      ["error", "import.unreadable", "坏.xlsx：文件已损坏，无法读取"],
    ]);
  });

  test("a month the unit's own sheet has no row for is skipped with a warning", () => {
    const sheet = unitSheet();
    const withoutOctober = { ...sheet, cells: sheet.cells.filter((_, i) => i !== 12) };
    const plan = planImport([{ name: "a.xlsx", sheets: [unitSheet(ZHENGZHOU, { ordersTotal: 5 })] }], workbook(withoutOctober), STAMP);
    expect(plan.change).toBeUndefined();
    expect(plan.problems.map((p) => p.message)).toEqual(["a.xlsx：郑州市 2026年10月 在本工作簿的“郑州市”表中没有对应的行，未导入"]);
  });
});
