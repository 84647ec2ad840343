// The workbook's own tables (评分规则, 考评事件, 考评单位) gone wrong, unit names that look like
// formulas, and the summary layout (one sheet with a 单位 column) in its common shapes.

import ExcelJS from "exceljs";
import {
  BASE_UNITS,
  OCT_ROW,
  corpus,
  expectIssue,
  expectResult,
  replaceUnitSheetsBySummary,
  rowOf,
  sheet,
  summaryRows,
} from "../support/cli-harness";

jest.setTimeout(60_000);

const { rankCase, expectBaselineRanking, baseline } = corpus("catalogues");

/** 评分规则 row of A2 人工接通率: 编号 指标 方法 分值 参数1 参数2 分母为零 说明 in A–H. */
const A2_ROW = 3;

describe("评分规则", () => {
  it("reports an unknown method and holds every unit back (no half-valid rules)", async () => {
    const run = await rankCase("rules-unknown-method", (wb) => (sheet(wb, "评分规则").getCell(`C${A2_ROW}`).value = "线性"));
    const json = expectResult(run);
    expectIssue(run, { severity: "error", sheet: "评分规则", cell: `C${A2_ROW}`, says: [`评分规则!C${A2_ROW}`, "A2", "“线性”", "不认识"] });
    expect(json.status).toBe("draft");
    expect(json.rows.every((r) => r.rank === null && r.result === "pending")).toBe(true);
    expect(json.rows[0].note).toContain("评分规则");
  });

  it("reports a base total that is not 67", async () => {
    const run = await rankCase("rules-base-total", (wb) => (sheet(wb, "评分规则").getCell(`D${A2_ROW}`).value = 11));
    const json = expectResult(run);
    expectIssue(run, { severity: "error", sheet: "评分规则", says: ["68", "67"] });
    expect(json.status).toBe("draft");
    expect(json.rows.every((r) => r.rank === null)).toBe(true);
  });

  it("reports a missing parameter at its cell", async () => {
    const run = await rankCase("rules-missing-param", (wb) => (sheet(wb, "评分规则").getCell(`E${A2_ROW}`).value = null));
    expectResult(run);
    expectIssue(run, { severity: "error", sheet: "评分规则", cell: `E${A2_ROW}`, says: [`评分规则!E${A2_ROW}`, "A2", "满分线"] });
  });

  it("uses the built-in rules when the workbook has no 评分规则 sheet", async () => {
    const run = await rankCase("rules-absent", (wb) => wb.removeWorksheet(sheet(wb, "评分规则").id));
    expectResult(run);
    expect(run.json!.issues).toEqual([]);
    expectBaselineRanking(run.json!);
  });
});

describe("考评事件", () => {
  it("reports an unknown unit, an unknown type and a bad date, each at its cell, and still counts the good row", async () => {
    const run = await rankCase("events-bad-rows", (wb) => {
      const ws = sheet(wb, "考评事件");
      ws.addRow(["2026-10-15", "北京市", "荣誉奖励", "省级", "月度", null, "外省单位"]);
      ws.addRow(["2026-10-16", "郑州市", "表扬", "省级", "月度", null, "类型写错"]);
      ws.addRow(["2026-10-32", "开封市", "批评曝光", "市级", "月度", null, "日期写错"]);
      ws.addRow(["2026-10-18", "洛阳", "荣誉奖励", "省级", "月度", null, "有效：简称"]);
    });
    expectResult(run);
    expectIssue(run, {
      severity: "error",
      sheet: "考评事件",
      cell: "B2",
      says: ["考评事件!B2", "“北京市”", "不在考评单位名单中", "未计入"],
    });
    expectIssue(run, { severity: "error", sheet: "考评事件", cell: "C3", says: ["考评事件!C3", "“表扬”", "不认识"] });
    expectIssue(run, { severity: "error", sheet: "考评事件", cell: "A4", says: ["考评事件!A4", "“2026-10-32”", "无法识别"] });
    expect(run.json!.issues).toHaveLength(3);
    expect(rowOf(run, "洛阳市").bonus).toBe(1);
    expect(rowOf(run, "郑州市").bonus).toBe(0);
    expect(rowOf(run, "开封市").deduction).toBe(0);
  });
});

describe("考评单位", () => {
  it("reports a duplicated unit code and keeps the first unit", async () => {
    const run = await rankCase("units-duplicate-code", (wb) => sheet(wb, "考评单位").addRow(["410100", "郑州市区", "省辖市"]));
    expectResult(run);
    expectIssue(run, {
      severity: "error",
      sheet: "考评单位",
      cell: `A${BASE_UNITS.length + 2}`,
      says: ["410100", "重复", "郑州市", "郑州市区"],
    });
    expect(run.json!.rows.filter((r) => r.unitCode === "410100").map((r) => r.unitName)).toEqual(["郑州市"]);
    expect(rowOf(run, "郑州市").result).toBe("ranked");
  });

  it("writes unit names beginning with = + - @ as text in the result sheet, never as formulas", async () => {
    const names = ["=1+1", "+86", "-2+3", "@SUM(1)"];
    const run = await rankCase("units-formula-names", (wb) => {
      names.forEach((name, i) => sheet(wb, "考评单位").addRow([`41999${i}`, name, "省辖市"]));
      // "=1+1" reports, under a sheet named after it; the others are 缺报.
      const ws = wb.addWorksheet("=1+1");
      sheet(wb, "郑州市").eachRow((row, r) => row.eachCell((cell, c) => (ws.getCell(r, c).value = cell.value)));
    });
    const json = expectResult(run);
    expect(rowOf(run, "=1+1").result).toBe("ranked");
    for (const name of names.slice(1)) expect(rowOf(run, name).result).toBe("missing");
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(run.outFile);
    const result = out.getWorksheet("2026年10月 考评结果")!;
    const written = new Map<string, ExcelJS.Cell>();
    result.eachRow((row) => {
      const cell = row.getCell(2);
      if (typeof cell.value === "string") written.set(cell.value, cell);
    });
    for (const name of names) {
      const cell = written.get(name);
      expect(cell).toBeDefined();
      expect(typeof cell!.value).toBe("string");
      expect(cell!.formula).toBeUndefined();
      expect(cell!.type).toBe(ExcelJS.ValueType.String);
    }
    // Every name's row is in the result sheet, in the JSON's published order.
    const order = json.rows.map((r) => r.unitName);
    const sheetOrder: string[] = [];
    result.eachRow((row, r) => {
      if (r > 5 && typeof row.getCell(2).value === "string" && order.includes(row.getCell(2).value as string))
        sheetOrder.push(row.getCell(2).value as string);
    });
    expect(sheetOrder).toEqual(order);
  });
});

describe("summary sheets (a 单位 column)", () => {
  it("reports a row naming a unit that is not in the list, at its 单位 cell, and reads the others", async () => {
    const run = await rankCase("summary-unknown-unit", (wb) => {
      const [hua] = summaryRows(wb, (u) => u.name).filter((r) => r[0] === "滑县");
      replaceUnitSheetsBySummary(wb, "指标汇总", [hua, ["北京市", ...hua.slice(1)]], [], ["滑县"]);
    });
    expectResult(run);
    expectIssue(run, { severity: "error", sheet: "指标汇总", cell: "A3", says: ["指标汇总!A3", "“北京市”", "不在考评单位名单中"] });
    expect(run.json!.issues).toHaveLength(1);
    expect(rowOf(run, "滑县").total).toBe(baseline().rows.find((r) => r.unitName === "滑县")!.total);
    expect(run.json!.rows.every((r) => r.result === "ranked")).toBe(true);
  });

  it("recognises units by short name, code and a name with 12328中心 after it", async () => {
    const labels: Record<string, string> = {
      郑州市: "郑州",
      开封市: "410200",
      济源示范区: "济源",
      洛阳市: "洛阳市12328中心",
      兰考县: "410225",
    };
    const run = await rankCase("summary-short-names", (wb) =>
      replaceUnitSheetsBySummary(
        wb,
        "Sheet1",
        summaryRows(wb, (u) => labels[u.name] ?? u.name),
      ),
    );
    expectResult(run);
    expect(run.json!.issues).toEqual([]);
    expectBaselineRanking(run.json!);
  });

  it("finds the header under a title row and a note, as pasted from the 12328 system", async () => {
    const run = await rankCase("summary-title-row", (wb) =>
      replaceUnitSheetsBySummary(
        wb,
        "10月汇总",
        summaryRows(wb, (u) => u.name),
        [["河南省12328电话运行指标汇总表（2026年10月）"], ["导出时间：2026-11-02 08:30", null, "单位：件"], []],
      ),
    );
    expectResult(run);
    expect(run.json!.issues).toEqual([]);
    expectBaselineRanking(run.json!);
  });

  it("reports the same unit-month in a unit sheet and in a summary sheet", async () => {
    const run = await rankCase("summary-and-unit-sheet", (wb) => {
      const [zz] = summaryRows(wb, (u) => u.name).filter((r) => r[0] === "郑州市");
      replaceUnitSheetsBySummary(wb, "指标汇总", [zz], [], []);
    });
    expectResult(run);
    expectIssue(run, { severity: "error", sheet: "指标汇总", cell: "B2", says: ["郑州市", "2026年10月", "2 行"] });
    expectIssue(run, { severity: "error", sheet: "郑州市", cell: `A${OCT_ROW}`, says: ["郑州市", "2026年10月", "2 行"] });
    expect(rowOf(run, "郑州市").result).toBe("pending");
  });
});
