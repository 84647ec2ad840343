// A unit that did not report (缺报) makes the result a draft, and says so wherever problems are listed:
// the JSON's issues, the 数据校验 sheet and validate (the pane's list: src/taskpane/missing-report.test.tsx).
// A period outside the workbook's year is one problem, not one per row and unit.

import ExcelJS from "exceljs";
import { OCT_ROW, buildCase, rank, runCli, sheet, tempDir, validate } from "./support/cli-harness";

jest.setTimeout(60_000);

const MISSING = "开封市 2026年10月 未报送数据（缺报），本期不参与排名";

let dir = "";
let file = "";

beforeAll(async () => {
  dir = await tempDir("kp12328-missing-");
  // 开封市's October row removed: November moves up into its place, which is where October belongs (A13).
  file = await buildCase(dir, "no-october.xlsx", (wb) => sheet(wb, "开封市").spliceRows(OCT_ROW, 1));
});

describe("a unit's month row removed", () => {
  test("is an issue naming the unit in the JSON, and the result is a draft", async () => {
    const run = await rank(file);
    expect(run.json!.status).toBe("draft");
    expect(run.json!.rows.find((r) => r.unitName === "开封市")).toMatchObject({ rank: null, result: "missing" });
    expect(run.json!.issues).toEqual([{ severity: "error", sheet: "开封市", cell: `A${OCT_ROW}`, message: MISSING }]);
  });

  test("is a row of 数据校验 with a link to the unit's sheet", async () => {
    const run = await rank(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(run.outFile);
    const check = wb.getWorksheet("数据校验")!;
    expect(check.getCell("A2").value).toBe("共 1 条：错误 1 条（相关单位不参与排名），提醒 0 条。点击单元格地址可跳转。");
    const row = check.getRow(4);
    expect([row.getCell(2).value, row.getCell(3).value, row.getCell(5).value]).toEqual(["错误", "开封市", MISSING]);
    expect((row.getCell(4).value as ExcelJS.CellHyperlinkValue).hyperlink).toBe(`#'开封市'!A${OCT_ROW}`);
  });

  test("is listed by validate, in words and in JSON", async () => {
    const words = await validate(file);
    expect(words.out).toEqual([
      `错误\t开封市!A${OCT_ROW}\t${MISSING}\t请导入或填写该单位该月的数据；该单位确实停报时，请在考评单位表中填写停用月份。`,
      "共 1 个错误，0 个提醒",
    ]);
    const json = await validate(file, ["--json"]);
    expect(JSON.parse(json.out.join("\n"))).toEqual([{ severity: "error", sheet: "开封市", cell: `A${OCT_ROW}`, message: MISSING }]);
  });
});

describe("a period outside the workbook's year", () => {
  test("is one problem saying which year the workbook holds, not one per row and unit", async () => {
    const whole = await buildCase(dir, "whole.xlsx", () => undefined);
    const run = await runCli(["validate", whole, "--period", "2028-03", "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out.join("\n"))).toEqual([
      {
        severity: "error",
        // 考评单位 decides which units and year the workbook is of.
        sheet: "考评单位",
        cell: "A1",
        message: "工作簿中的数据属于 2026 年，所选期间 2028年3月 不在其中，所有单位均无该期间的数据",
      },
    ]);
  });
});
