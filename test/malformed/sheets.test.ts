// The malformed-workbook corpus: each case builds a broken workbook from the shared base, runs
// `kp12328 rank … --json` (or validate) in-process, and checks the clerk-facing message, the exit
// status, a clean stderr and that the input file is byte-for-byte unchanged (see harness.ts).

import ExcelJS from "exceljs";
import { COL, HEADERS, OCT_ROW, corpus, injectStyledRows, expectIssue, expectResult, rank, rowOf, sheet } from "../support/cli-harness";

jest.setTimeout(60_000);

const { rankCase, build, expectBaselineRanking } = corpus("sheets");

const zz = (wb: ExcelJS.Workbook) => sheet(wb, "郑州市");
const oct = (column: string) => `${column}${OCT_ROW}`;

describe("malformed indicator sheets", () => {
  it("reports a unit sheet whose header row has no indicator headers, and holds the unit back", async () => {
    const run = await rankCase("wrong-headers", (wb) => {
      const row = zz(wb).getRow(3);
      HEADERS.forEach((_, c) => (row.getCell(c + 1).value = `列${c + 1}`));
    });
    const json = expectResult(run);
    expectIssue(run, { severity: "error", sheet: "郑州市", cell: "A1", says: ["郑州市", "找不到指标表头"] });
    expect(rowOf(run, "郑州市").rank).toBeNull();
    expect(json.status).toBe("draft");
  });

  it("names the column lost when two header cells are merged", async () => {
    const run = await rankCase("merged-header", (wb) => zz(wb).mergeCells("C3:D3"));
    expectResult(run);
    expectIssue(run, { severity: "error", sheet: "郑州市", cell: "A3", says: ["人工接听量"] });
    expect(rowOf(run, "郑州市").rank).toBeNull();
  });

  it("reads a header whose group title is merged across the row above", async () => {
    const run = await rankCase("merged-group-title", (wb) => {
      const ws = zz(wb);
      ws.unMergeCells("A2:V2");
      ws.getCell("A2").value = null;
      ws.getCell("B2").value = "业务受理";
      ws.mergeCells("B2:G2");
      ws.getCell("H2").value = "业务办理";
      ws.mergeCells("H2:Q2");
    });
    expectResult(run);
    expectBaselineRanking(run.json!);
  });

  it("reports two sheets for one unit (郑州市 and 郑州)", async () => {
    const run = await rankCase("duplicate-unit-sheet", (wb) => {
      const copy = wb.addWorksheet("郑州");
      zz(wb).eachRow((row, r) => row.eachCell((cell, c) => (copy.getCell(r, c).value = cell.value)));
    });
    const json = expectResult(run);
    expectIssue(run, { severity: "error", sheet: "郑州", says: ["郑州市", "2 张指标表", "郑州市、郑州"] });
    expect(rowOf(run, "郑州市").result).toBe("pending");
    expect(json.status).toBe("draft");
  });

  it("reports text in a count cell with the sheet and cell", async () => {
    const run = await rankCase("text-in-count", (wb) => (zz(wb).getCell(oct(COL.manualAnswered)).value = "abc"));
    const json = expectResult(run);
    expectIssue(run, { severity: "error", sheet: "郑州市", cell: "D13", says: ["郑州市!D13", "人工接听量", "“abc”", "不是数字"] });
    expect(rowOf(run, "郑州市")).toMatchObject({ rank: null, result: "pending" });
    expect(json.status).toBe("draft");
  });

  it('warns about a count written as text "96" and still ranks the unit', async () => {
    const run = await rankCase("count-as-text", (wb) => (zz(wb).getCell(oct(COL.reportsRequired)).value = "96"));
    const json = expectResult(run);
    expectIssue(run, { severity: "warning", sheet: "郑州市", cell: "R13", says: ["郑州市!R13", "应报送信息数", "文本", "96"] });
    expect(rowOf(run, "郑州市").result).toBe("ranked");
    expect(json.status).toBe("final");
  });

  it("reads full-width digits as numbers, with a warning, and gives the same ranking", async () => {
    let value = 0;
    const run = await rankCase("full-width-digits", (wb) => {
      const cell = zz(wb).getCell(oct(COL.ordersTotal));
      value = cell.value as number;
      cell.value = String(value).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    });
    expectResult(run);
    expectIssue(run, { severity: "warning", sheet: "郑州市", cell: "B13", says: ["郑州市!B13", "工单总量", String(value)] });
    expectBaselineRanking(run.json!);
  });

  it("rejects a negative count", async () => {
    const run = await rankCase("negative", (wb) => (zz(wb).getCell(oct(COL.transferDue)).value = -5));
    expectResult(run);
    expectIssue(run, { severity: "error", sheet: "郑州市", cell: "H13", says: ["郑州市!H13", "转办工单量", "-5", "负数"] });
    expect(rowOf(run, "郑州市").result).toBe("pending");
  });

  it("rejects a fractional count but accepts fractional seconds", async () => {
    const run = await rankCase("fractional", (wb) => {
      zz(wb).getCell(oct(COL.manualQueued)).value = 1234.5;
      sheet(wb, "开封市").getCell(oct(COL.avgWaitSeconds)).value = 14.35;
    });
    expectResult(run);
    expectIssue(run, { severity: "error", sheet: "郑州市", cell: "C13", says: ["郑州市!C13", "人工排队量", "1234.5", "整数"] });
    expect(run.json!.issues.filter((i) => i.sheet === "开封市")).toEqual([]);
    expect(rowOf(run, "开封市").result).toBe("ranked");
  });

  it("rejects 人工接听量 above 人工排队量", async () => {
    const run = await rankCase("numerator-above-denominator", (wb) => {
      const ws = zz(wb);
      ws.getCell(oct(COL.manualAnswered)).value = (ws.getCell(oct(COL.manualQueued)).value as number) + 1;
    });
    expectResult(run);
    expectIssue(run, { severity: "error", sheet: "郑州市", cell: "D13", says: ["郑州市!D13", "人工接听量", "大于人工排队量"] });
    expect(rowOf(run, "郑州市").result).toBe("pending");
  });

  it("rejects reports on time + late above the reports required", async () => {
    const run = await rankCase("reports-above-required", (wb) => {
      const ws = zz(wb);
      ws.getCell(oct(COL.reportsRequired)).value = 4;
      ws.getCell(oct(COL.reportsOnTime)).value = 4;
      ws.getCell(oct(COL.reportsLate)).value = 1;
    });
    expectResult(run);
    expectIssue(run, { severity: "error", sheet: "郑州市", cell: "T13", says: ["郑州市!T13", "按时 4 + 逾期 1", "应报送 4"] });
    expect(rowOf(run, "郑州市").result).toBe("pending");
  });

  it("reports an empty sheet named after a unit, whose unit is then missing (缺报)", async () => {
    const run = await rankCase("empty-unit-sheet", (wb) => {
      wb.removeWorksheet(sheet(wb, "滑县").id);
      wb.addWorksheet("滑县");
    });
    const json = expectResult(run);
    expectIssue(run, { severity: "warning", sheet: "滑县", says: ["滑县", "空"] });
    expect(rowOf(run, "滑县")).toMatchObject({ rank: null, result: "missing" });
    expect(json.status).toBe("draft");
  });

  it("reports two rows for one month, at both rows", async () => {
    const run = await rankCase("two-rows-one-month", (wb) => {
      const ws = zz(wb);
      const src = ws.getRow(OCT_ROW);
      const dup = ws.getRow(16);
      src.eachCell((cell, c) => (dup.getCell(c).value = cell.value));
    });
    expectResult(run);
    expectIssue(run, { severity: "error", sheet: "郑州市", cell: "A13", says: ["郑州市!A13", "2026年10月", "2 行"] });
    expectIssue(run, { severity: "error", sheet: "郑州市", cell: "A16", says: ["郑州市!A16", "2026年10月", "2 行"] });
    expect(rowOf(run, "郑州市").result).toBe("pending");
  });

  it("reports a row of another year (2025-10 in a 2026 ranking)", async () => {
    const run = await rankCase("other-year", (wb) => (zz(wb).getCell(oct(COL.month)).value = "2025-10"));
    const json = expectResult(run);
    expectIssue(run, { severity: "error", sheet: "郑州市", cell: "A13", says: ["郑州市!A13", "2025年10月", "2026 年度"] });
    expect(rowOf(run, "郑州市").rank).toBeNull();
    expect(json.status).toBe("draft");
  });

  it("reports a month it cannot read", async () => {
    const run = await rankCase("bad-month", (wb) => (zz(wb).getCell(oct(COL.month)).value = "2026年十月"));
    expectResult(run);
    expectIssue(run, { severity: "error", sheet: "郑州市", cell: "A13", says: ["郑州市!A13", "“2026年十月”", "无法识别"] });
  });

  it("reads months written as 2026年10月, as an Excel date and as a bare 10", async () => {
    const run = await rankCase("month-forms", (wb) => {
      zz(wb).getCell(oct(COL.month)).value = "2026年10月";
      sheet(wb, "开封市").getCell(oct(COL.month)).value = new Date(Date.UTC(2026, 9, 1));
      sheet(wb, "洛阳市").getCell(oct(COL.month)).value = 10;
    });
    expectResult(run);
    expect(run.json!.issues).toEqual([]);
    expectBaselineRanking(run.json!);
  });

  it("reports an error value (#DIV/0! cached by a formula) in a count", async () => {
    const run = await rankCase(
      "error-value",
      (wb) => (zz(wb).getCell(oct(COL.infoInstant)).value = { formula: "E13/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue),
    );
    expectResult(run);
    expectIssue(run, { severity: "error", sheet: "郑州市", cell: "F13", says: ["郑州市!F13", "#DIV/0!"] });
    expect(rowOf(run, "郑州市").result).toBe("pending");
  });

  it("reports a blank required cell", async () => {
    const run = await rankCase("blank-cell", (wb) => (zz(wb).getCell(oct(COL.crossCityOnTime)).value = null));
    expectResult(run);
    expectIssue(run, { severity: "error", sheet: "郑州市", cell: "K13", says: ["郑州市!K13", "限时办结跨市工单量", "未填写"] });
    expect(rowOf(run, "郑州市").result).toBe("pending");
  });

  it("reports missing columns once, by name, at the header row", async () => {
    const run = await rankCase("missing-columns", (wb) => zz(wb).spliceColumns(19, 2)); // 按时报送信息数, 逾期报送信息数
    expectResult(run);
    const issue = expectIssue(run, { severity: "error", sheet: "郑州市", cell: "A3", says: ["按时报送信息数", "逾期报送信息数"] });
    expect(issue.message).toMatch(/缺少/);
    // One message for the columns, not one per month and field.
    expect(run.json!.issues.filter((i) => i.sheet === "郑州市").length).toBeLessThanOrEqual(2);
    expect(rowOf(run, "郑州市").result).toBe("pending");
  });

  it("rejects a percentage typed into a count", async () => {
    const run = await rankCase("percent-in-count", (wb) => (zz(wb).getCell(oct(COL.manualAnswered)).value = "96%"));
    expectResult(run);
    expectIssue(run, { severity: "error", sheet: "郑州市", cell: "D13", says: ["郑州市!D13", "百分数", "96%"] });
  });

  it("warns about an average wait of more than five minutes but still ranks", async () => {
    const run = await rankCase("long-wait", (wb) => (zz(wb).getCell(oct(COL.avgWaitSeconds)).value = 1800));
    expectResult(run);
    expectIssue(run, { severity: "warning", sheet: "郑州市", cell: "G13", says: ["郑州市!G13", "1800 秒"] });
    expect(rowOf(run, "郑州市").result).toBe("ranked");
  });

  it("stays quick on a sheet with 100,000 styled but empty rows, and gives the same result", async () => {
    const file = await build("styled-rows.xlsx", () => {});
    await injectStyledRows(file, "郑州市", 16, 100_000);
    const started = Date.now();
    const run = await rank(file);
    const elapsed = Date.now() - started;
    expectResult(run);
    expect(run.json!.issues).toEqual([]);
    expectBaselineRanking(run.json!);
    expect(elapsed).toBeLessThan(30_000);
  }, 120_000);

  it("uses the cached results of formulas as values", async () => {
    const run = await rankCase("formulas", (wb) => {
      const ws = zz(wb);
      for (const col of [COL.ordersTotal, COL.manualAnswered, COL.avgWaitSeconds]) {
        const cell = ws.getCell(oct(col));
        cell.value = { formula: `${cell.value}*1`, result: cell.value as number } as ExcelJS.CellFormulaValue;
      }
      // A shared formula down a column, the way Excel stores a filled-down formula.
      ws.getCell("U4").value = { formula: "0*1", result: ws.getCell("U4").value as number } as ExcelJS.CellFormulaValue;
    });
    expectResult(run);
    expect(run.json!.issues).toEqual([]);
    expectBaselineRanking(run.json!);
  });

  it("accepts header variants: half-width brackets, spaces, an alias and a unit suffix", async () => {
    const run = await rankCase("header-variants", (wb) => {
      const row = zz(wb).getRow(3);
      row.getCell(7).value = "平均等待时长(秒)";
      row.getCell(3).value = "人工 排队量";
      row.getCell(4).value = "人工接听量（个）";
      row.getCell(10).value = "跨市（直管县）工单接收量";
      row.getCell(2).value = " 工单总量 ";
    });
    expectResult(run);
    expect(run.json!.issues).toEqual([]);
    expectBaselineRanking(run.json!);
  });

  it("leaves a sheet that is not an indicator sheet alone, with no problem", async () => {
    const run = await rankCase("other-sheet", (wb) => {
      const ws = wb.addWorksheet("说明");
      ws.addRow(["本工作簿由省中心维护"]);
      ws.addRow(["联系人", "电话"]);
      ws.addRow(["张三", "0371-12345678"]);
      const pivot = wb.addWorksheet("工单统计");
      pivot.addRow(["月份", "工单总量", "人工排队量"]);
      pivot.addRow(["2026-10", 100, 90]);
    });
    expectResult(run);
    expect(run.json!.issues).toEqual([]);
    expectBaselineRanking(run.json!);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(run.outFile);
    expect(out.getWorksheet("说明")!.getCell("A3").value).toBe("张三");
    expect(out.getWorksheet("工单统计")!.getCell("C2").value).toBe(90);
  });

  it("skips a 合计 row under the months", async () => {
    const run = await rankCase("total-row", (wb) => {
      const ws = zz(wb);
      ws.getCell("A16").value = "合计";
      ws.getCell("B16").value = { formula: "SUM(B4:B15)", result: 123456 } as ExcelJS.CellFormulaValue;
    });
    expectResult(run);
    expect(run.json!.issues).toEqual([]);
    expectBaselineRanking(run.json!);
  });

  it("rejects TRUE in a count", async () => {
    const run = await rankCase("boolean", (wb) => (zz(wb).getCell("U13").value = true));
    expectResult(run);
    expectIssue(run, { severity: "error", sheet: "郑州市", cell: "U13", says: ["郑州市!U13", "督导一般问题数"] });
  });
});
