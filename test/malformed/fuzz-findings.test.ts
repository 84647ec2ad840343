// Inputs a fuzzer found to end `kp12328 rank` with an internal error or with an issue that names no
// cell: each is now a result (exit 0, JSON on stdout, a clean stderr) with an issue naming its sheet
// and cell, like every other data problem.

import ExcelJS from "exceljs";
import { EvaluationJson } from "../../src/cli/json";
import { COL, OCT_ROW, corpus, expectIssue, expectResult, sheet, validate } from "../support/cli-harness";

jest.setTimeout(60_000);

const { rankCase, build } = corpus("fuzz");

/** 1e21 days after 1900 is no date: ExcelJS reads such a date-formatted cell as an invalid Date. */
function pastAnyDate(cell: ExcelJS.Cell): void {
  cell.value = 1e21;
  cell.numFmt = "yyyy-mm-dd";
}

/** Every issue about a sheet of the workbook names a cell in it. */
function expectEveryIssueInACell(json: EvaluationJson, sheets: readonly string[]): void {
  for (const issue of json.issues)
    if (issue.sheet && sheets.includes(issue.sheet)) expect(issue).toMatchObject({ cell: expect.stringMatching(/^[A-Z]+\d+$/) });
}

describe("a date-formatted cell holding a number past any date (Excel shows ########)", () => {
  it("in 考评事件 日期: the event is not counted and the issue names 考评事件!A2", async () => {
    const run = await rankCase("event-date-1e21", (wb) => {
      const ws = sheet(wb, "考评事件");
      pastAnyDate(ws.getCell("A2"));
      ["郑州市", "荣誉奖励", "省级", "月度"].forEach((v, i) => (ws.getCell(2, i + 2).value = v));
    });
    const json = expectResult(run);
    expectIssue(run, { severity: "error", sheet: "考评事件", cell: "A2", says: ["考评事件!A2", "日期", "########", "无法识别", "未计入"] });
    expectEveryIssueInACell(json, ["考评事件"]);
  });

  it("in a 月份 cell: the row is held back and the issue names the cell", async () => {
    const run = await rankCase("month-1e21", (wb) => pastAnyDate(sheet(wb, "郑州市").getCell(`${COL.month}${OCT_ROW}`)));
    const json = expectResult(run);
    expectIssue(run, { severity: "error", sheet: "郑州市", cell: `A${OCT_ROW}`, says: ["月份", "########", "无法识别"] });
    expect(json.rows.find((r) => r.unitName === "郑州市")?.rank).toBeNull();
    expectEveryIssueInACell(json, ["郑州市"]);
  });

  it("in a count cell: the unit is held back (数据待核) and the issue names the cell", async () => {
    const run = await rankCase("count-1e21", (wb) => pastAnyDate(sheet(wb, "郑州市").getCell(`${COL.ordersTotal}${OCT_ROW}`)));
    const json = expectResult(run);
    expectIssue(run, { severity: "error", sheet: "郑州市", cell: `B${OCT_ROW}`, says: ["工单总量", "########", "不是数字"] });
    expect(json.rows.find((r) => r.unitName === "郑州市")).toMatchObject({ rank: null, result: "pending" });
    expect(json.status).toBe("draft");
  });

  it("as a formula's cached result: read as the same ######## text", async () => {
    const run = await rankCase("formula-result-1e21", (wb) => {
      const cell = sheet(wb, "郑州市").getCell(`${COL.manualQueued}${OCT_ROW}`);
      cell.value = { formula: "1E+21", result: 1e21 } as ExcelJS.CellFormulaValue;
      cell.numFmt = "yyyy-mm-dd";
    });
    expectResult(run);
    expectIssue(run, { severity: "error", sheet: "郑州市", cell: `C${OCT_ROW}`, says: ["人工排队量", "########"] });
  });

  it("validate lists it with its sheet and cell too", async () => {
    const file = await build("validate-1e21.xlsx", (wb) => pastAnyDate(sheet(wb, "郑州市").getCell(`${COL.ordersTotal}${OCT_ROW}`)));
    const run = await validate(file);
    expect(run.code).toBe(0);
    expect(run.err).toEqual([]);
    expect(run.out.some((l) => l.startsWith(`错误\t郑州市!B${OCT_ROW}\t`) && l.includes("########"))).toBe(true);
  });
});

describe("a 评分规则 sheet the rules cannot be read from", () => {
  it("empty: the issue names 评分规则!A1", async () => {
    const run = await rankCase("rules-empty", (wb) => {
      wb.removeWorksheet(sheet(wb, "评分规则").id);
      wb.addWorksheet("评分规则");
    });
    const json = expectResult(run);
    expectIssue(run, { severity: "error", sheet: "评分规则", cell: "A1", says: ["评分规则", "找不到表头"] });
    expectEveryIssueInACell(json, ["评分规则"]);
    expect(json.status).toBe("draft");
  });

  it("with a 编号 cell that is a formula without a saved value: the issue names a cell of 评分规则", async () => {
    const run = await rankCase("rules-id-formula", (wb) => {
      // Row 2 holds A1 工单数量; a formula saved without its value reads as an empty cell.
      sheet(wb, "评分规则").getCell("A2").value = { formula: "B1" } as ExcelJS.CellFormulaValue;
    });
    const json = expectResult(run);
    expectIssue(run, { severity: "error", sheet: "评分规则", says: ["A1", "工单数量"] });
    expectEveryIssueInACell(json, ["评分规则"]);
  });
});
