import { createWorkbook, inspectCell, snapshotSheet } from "./index";

describe("comments, data validation, charts and formats are recorded", () => {
  test("workbook.comments.add records a comment on the cell; a second one on the same cell fails", async () => {
    const host = createWorkbook({ 结果: [] });
    await host.run(async (context) => {
      context.workbook.comments.add("结果!B3", "与 开封市 同为 63.50 分");
      const ws = context.workbook.worksheets.getItem("结果");
      ws.comments.add(ws.getRange("C4"), { richContent: "second", mentions: [] }, "Plain");
      await context.sync();
      const all = context.workbook.comments.load("items/content");
      const byCell = context.workbook.comments.getItemByCell("结果!C4").load("content");
      await context.sync();
      expect(all.items.map((c) => c.content)).toEqual(["与 开封市 同为 63.50 分", "second"]);
      expect(byCell.content).toBe("second");
    });
    expect(snapshotSheet(host, "结果").comments).toEqual({ B3: "与 开封市 同为 63.50 分", C4: "second" });
    await expect(
      host.run(async (context) => {
        context.workbook.comments.add("结果!B3", "again");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("notes (ExcelApi 1.18) are recorded per cell too", async () => {
    const host = createWorkbook();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").notes.add("A1", "并列第 2 名");
      await context.sync();
    });
    expect(inspectCell(host, "Sheet1", "A1").note).toBe("并列第 2 名");
  });

  test("data validation rule, prompt and error alert are stored and read back", async () => {
    const host = createWorkbook();
    const rule: Excel.DataValidationRule = { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("B2:M29");
      range.dataValidation.clear();
      range.dataValidation.rule = rule;
      range.dataValidation.prompt = { showPrompt: true, title: "人工排队量", message: "请输入非负整数" };
      range.dataValidation.errorAlert = { showAlert: true, style: "Stop", title: "输入有误", message: "必须是非负整数" };
      await context.sync();
      const dv = range.dataValidation.load("rule, type, prompt");
      await context.sync();
      expect(dv.rule).toEqual(rule);
      expect(dv.type).toBe("WholeNumber");
      expect(dv.prompt.message).toBe("请输入非负整数");
    });
    expect(snapshotSheet(host, "Sheet1").validations).toEqual([
      {
        address: "B2:M29",
        rule,
        prompt: { showPrompt: true, title: "人工排队量", message: "请输入非负整数" },
        errorAlert: { showAlert: true, style: "Stop", title: "输入有误", message: "必须是非负整数" },
      },
    ]);
  });

  test("a malformed validation rule fails with InvalidArgument", async () => {
    const host = createWorkbook();
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.rule = {
          decimal: { formula1: 0 } as Excel.BasicDataValidation,
        };
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("a list rule takes its words as one string or a range as =…; more than 255 characters of words fail with InvalidArgument", async () => {
    const host = createWorkbook();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("C2:C9").dataValidation.rule = { list: { inCellDropDown: true, source: "荣誉奖励,批评曝光" } };
      sheet.getRange("B2:B9").dataValidation.rule = { list: { inCellDropDown: true, source: "='考评单位'!$B$2:$B$29" } };
      await context.sync();
    });
    expect(snapshotSheet(host, "Sheet1").validations.map((v) => [v.address, v.rule.list?.source])).toEqual([
      ["C2:C9", "荣誉奖励,批评曝光"],
      ["B2:B9", "='考评单位'!$B$2:$B$29"],
    ]);
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("D2").dataValidation.rule = {
          list: { inCellDropDown: true, source: "长".repeat(256) },
        };
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("charts.add is recorded; with charts unsupported the sync fails with ApiNotFound", async () => {
    const host = createWorkbook({
      Sheet1: [
        ["单位", "总分"],
        ["郑州市", 66],
      ],
    });
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:B2"), "Columns");
      chart.title.text = "总分";
      chart.load("name");
      await context.sync();
      expect(chart.name).toBe("Chart 1");
    });
    expect(snapshotSheet(host, "Sheet1").charts).toEqual([
      { name: "Chart 1", type: "ColumnClustered", source: "Sheet1!A1:B2", seriesBy: "Columns", title: "总分" },
    ]);

    host.chartsSupported = false;
    await expect(
      host.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.charts.add("Line", sheet.getRange("A1:B2"));
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    expect(snapshotSheet(host, "Sheet1").charts).toHaveLength(1);
  });

  test("formats: fill, font, width, alignment, wrap, merge, freeze, tab colour, hyperlink", async () => {
    const host = createWorkbook({ Sheet1: [["标题"], ["郑州市", 66.5]] });
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const title = sheet.getRange("A1:C1");
      title.merge();
      title.format.font.bold = true;
      title.format.font.size = 16;
      title.format.horizontalAlignment = "Center";
      sheet.getRange("A2:B2").format.fill.color = "#fff2cc";
      sheet.getRange("A2").format.font.color = "red";
      sheet.getRange("A:A").format.columnWidth = 80;
      sheet.getRange("B2").format.wrapText = true;
      sheet.freezePanes.freezeRows(1);
      sheet.tabColor = "#1F4E78";
      sheet.getRange("C2").hyperlink = { documentReference: "'数据校验'!A1", textToDisplay: "查看" };
      await context.sync();
      const check = sheet.getRange("A2:B2").load("format/fill/color");
      const mixed = sheet.getRange("A1:A2").load("format/fill/color");
      await context.sync();
      expect(check.format.fill.color).toBe("#FFF2CC");
      expect(mixed.format.fill.color).toBeNull();
    });
    const snap = snapshotSheet(host, "Sheet1");
    expect(snap.merges).toEqual(["A1:C1"]);
    expect(snap.fonts.A1).toEqual({ bold: true, size: 16 });
    expect(snap.fonts.A2).toEqual({ color: "#FF0000" });
    expect(snap.fills[1]).toEqual(["#FFF2CC", "#FFF2CC", null]);
    expect(snap.columnWidths).toEqual({ A: 80 });
    expect(snap.alignment.A1).toEqual({ horizontal: "Center" });
    expect(snap.alignment.B2).toEqual({ wrapText: true });
    expect([snap.frozenRows, snap.tabColor]).toEqual([1, "#1F4E78"]);
    expect(snap.hyperlinks.C2).toEqual({ documentReference: "'数据校验'!A1", textToDisplay: "查看" });
    expect(snap.values[1][2]).toBe("查看");
  });

  test("an invalid colour fails with InvalidArgument", async () => {
    const host = createWorkbook();
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").format.fill.color = "not a colour";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("application: calculation mode changes and screen-updating suspensions are recorded", async () => {
    const host = createWorkbook();
    await host.run(async (context) => {
      context.application.suspendScreenUpdatingUntilNextSync();
      context.application.calculationMode = "Manual";
      await context.sync();
      context.application.calculationMode = "Automatic";
      context.application.load("calculationMode");
      await context.sync();
      expect(context.application.calculationMode).toBe("Automatic");
    });
    expect(host.state.calculationModeChanges).toEqual(["Manual", "Automatic"]);
    expect(host.state.screenUpdatingSuspensions).toBe(1);
  });

  test("names and worksheet custom properties", async () => {
    const host = createWorkbook({ Sheet1: [[1]] });
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      context.workbook.names.add("Scores", sheet.getRange("A1:B3"), "all scores");
      sheet.names.add("Local", "=Sheet1!$A$1");
      sheet.customProperties.add("kp12328.period", "2026-10");
      await context.sync();
      const name = context.workbook.names.getItem("Scores").load("formula");
      const prop = sheet.customProperties.getItemOrNullObject("kp12328.period").load("value");
      const none = sheet.customProperties.getItemOrNullObject("absent");
      await context.sync();
      expect(name.formula).toBe("=Sheet1!$A$1:$B$3");
      expect(prop.value).toBe("2026-10");
      expect(none.isNullObject).toBe(true);
    });
    await expect(
      host.run(async (context) => {
        context.workbook.names.add("scores", "=Sheet1!A1");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });

  test("select() records the selection that getSelectedRange returns", async () => {
    const host = createWorkbook({ A: [], B: [] });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("B").getRange("C7").select();
      const sel = context.workbook.getSelectedRange().load("address");
      await context.sync();
      expect(sel.address).toBe("B!C7");
    });
  });
});
