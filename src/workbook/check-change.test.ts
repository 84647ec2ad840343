import { CellGrid } from "../engine";
import { ChangeRefused, checkChange, firstFreeRow, workbookState } from "./check-change";
import { registryRows } from "./registry";
import { ProductSheet, REGISTRY_SHEET, SheetSpec, WorkbookChange } from "./sheet-spec";

const MINE: ProductSheet[] = [
  { name: "2026年10月 考评结果", role: "result", period: "2026-10", version: 1, created: "2026-11-05 09:30" },
  { name: "数据校验", role: "validation", period: "2026-10", created: "2026-11-05 09:30" },
  { name: "修正记录", role: "corrections", created: "2026-11-05 09:30" },
];

/** A workbook with the product's three sheets (listed in its registry), a unit sheet and a sheet of the user's. */
function workbook(extra: Record<string, CellGrid> = {}) {
  const sheets: Record<string, CellGrid> = {
    郑州市: [["郑州市 12328 电话运行月度指标"], [], ["月份", "工单总量"], ["2026-10", 1200, null]],
    我的笔记: [["自己的表"]],
    "2026年10月 考评结果": [["名次", "单位"]],
    数据校验: [[]],
    修正记录: [["生成时间"], ["2026-11-05 09:30"]],
    [REGISTRY_SHEET]: registryRows(MINE),
    ...extra,
  };
  return workbookState(Object.entries(sheets).map(([name, cells]) => ({ name, cells })));
}

const nothing: WorkbookChange = { renames: [], sheets: [], appends: [], cellWrites: [], registry: MINE };
const sheet = (name: string): SheetSpec => ({ name, role: "validation", rows: [[{ value: "x" }]] });

function refusal(change: Partial<WorkbookChange>, state = workbook()): string | undefined {
  try {
    checkChange({ ...nothing, ...change }, state);
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(ChangeRefused);
    return (e as Error).message;
  }
}

describe("checkChange accepts what the product may do", () => {
  test("renaming its result sheet to a free name, replacing its own sheets, appending to 修正记录, a new sheet", () => {
    expect(
      refusal({
        renames: [{ from: "2026年10月 考评结果", to: "2026年10月 考评结果 v1" }],
        sheets: [sheet("2026年10月 考评结果"), sheet("数据校验"), sheet("2026年11月 考评结果")],
        appends: [{ sheet: "修正记录", rows: [[{ value: "新行" }]] }],
      }),
    ).toBeUndefined();
  });

  test("values into empty cells of any sheet that stays, the user's included", () => {
    expect(
      refusal({
        cellWrites: [
          { sheet: "郑州市", cell: "C4", value: 1100 },
          { sheet: "郑州市", cell: "B5", value: 1300 },
          { sheet: "我的笔记", cell: "A2", value: "x" },
        ],
      }),
    ).toBeUndefined();
  });

  test("sheet names are compared as Excel does, without regard to case", () => {
    const state = workbook({ Notes: [["a"]] });
    expect(refusal({ sheets: [sheet("notes")] }, state)).toBe(
      "“Notes”不是本工具生成的工作表，不会被改名、替换或追加内容；本次未写入任何内容。",
    );
  });
});

describe("checkChange refuses, with one Chinese sentence, a change that would lose the user's work", () => {
  const tail = "；本次未写入任何内容。";

  test("replacing a sheet the product did not make", () => {
    expect(refusal({ sheets: [sheet("我的笔记")] })).toBe(`“我的笔记”不是本工具生成的工作表，不会被改名、替换或追加内容${tail}`);
  });

  test("renaming, or appending to, a sheet the product did not make", () => {
    expect(refusal({ renames: [{ from: "郑州市", to: "郑州市 v1" }] })).toBe(
      `“郑州市”不是本工具生成的工作表，不会被改名、替换或追加内容${tail}`,
    );
    expect(refusal({ appends: [{ sheet: "我的笔记", rows: [[{ value: 1 }]] }] })).toBe(
      `“我的笔记”不是本工具生成的工作表，不会被改名、替换或追加内容${tail}`,
    );
  });

  test("a value for a cell that holds one (a number, or text)", () => {
    expect(refusal({ cellWrites: [{ sheet: "郑州市", cell: "B4", value: 1 }] })).toBe(`郑州市!B4 已有内容，不会被覆盖${tail}`);
    expect(refusal({ cellWrites: [{ sheet: "郑州市", cell: "A4", value: "2026-10" }] })).toBe(`郑州市!A4 已有内容，不会被覆盖${tail}`);
  });

  test("a cell written twice, or written in a sheet the same change replaces", () => {
    const twice = { sheet: "郑州市", cell: "C4", value: 1 };
    expect(refusal({ cellWrites: [twice, { ...twice, value: 2 }] })).toBe(`郑州市!C4 在本次修改中被写入两次${tail}`);
    expect(refusal({ sheets: [sheet("数据校验")], cellWrites: [{ sheet: "数据校验", cell: "A5", value: 1 }] })).toBe(
      `找不到可写入的工作表“数据校验”${tail}`,
    );
  });

  test("a rename onto a name that is taken, or a sheet that is not there", () => {
    expect(refusal({ renames: [{ from: "2026年10月 考评结果", to: "我的笔记" }] })).toBe(`工作表名“我的笔记”已被占用${tail}`);
    expect(refusal({ renames: [{ from: "2026年9月 考评结果", to: "x" }] })).toBe(`找不到工作表“2026年9月 考评结果”${tail}`);
  });

  test("a name Excel does not allow, or the registry's own", () => {
    expect(refusal({ sheets: [sheet("a/b")] })).toMatch(/^工作表名“a\/b”不可用/);
    expect(refusal({ sheets: [sheet("x".repeat(32))] })).toMatch(/最多 31 个字符/);
    expect(refusal({ sheets: [sheet(REGISTRY_SHEET)] })).toMatch(/^工作表名“_kp12328”不可用/);
  });

  test("the same sheet twice in one change", () => {
    expect(refusal({ sheets: [sheet("2026年11月 考评结果"), sheet("2026年11月 考评结果")] })).toBe(
      `工作表“2026年11月 考评结果”在本次修改中出现两次${tail}`,
    );
  });
});

test("appended rows start under the last row that holds a value", () => {
  const state = workbook();
  expect(firstFreeRow(state, "修正记录")).toBe(3);
  expect(firstFreeRow(state, "数据校验")).toBe(2);
  expect(firstFreeRow(state, "不存在")).toBe(1);
});
