import { registryRows } from "./registry";
import { REGISTRY_SHEET } from "./sheet-spec";
import { workbookOverview } from "./overview";

const header = ["月份", "工单总量", "人工排队量", "人工接听量", "信息咨询类工单量"];

describe("workbookOverview", () => {
  test("counts the indicator sheets, tells which set-up sheets exist, lists the months with a value and their year", () => {
    const sheets = [
      { name: "郑州市", cells: [header, ["2026-09", 10, 9, 8, 7], ["2026-10", 11, null, null, null], ["2026-11", null, null, null, null]] },
      { name: "开封市", cells: [header, ["2026-08", 1, 1, 1, 1]] },
      { name: "评分规则", cells: [] },
      { name: "我的笔记", cells: [["x"]] },
    ];
    expect(workbookOverview({ sheets, names: [...sheets.map((s) => s.name), "节假日调整"] })).toEqual({
      indicatorSheets: 2,
      setUpSheets: { 评分规则: true, 考评单位: false, 考评事件: false, 节假日调整: true },
      months: ["2026-08", "2026-09", "2026-10"],
      year: 2026,
    });
  });

  test("without data, the year is that of a period the product generated; else unknown", () => {
    const registry = registryRows([
      { name: "2025年12月 考评结果", role: "result", period: "2025-12", version: 1, created: "2026-01-05 10:00" },
    ]);
    expect(workbookOverview({ sheets: [{ name: REGISTRY_SHEET, cells: registry }], names: [REGISTRY_SHEET] }).year).toBe(2025);
    expect(workbookOverview({ sheets: [], names: [] })).toEqual({
      indicatorSheets: 0,
      setUpSheets: { 评分规则: false, 考评单位: false, 考评事件: false, 节假日调整: false },
      months: [],
      year: undefined,
    });
  });
});
