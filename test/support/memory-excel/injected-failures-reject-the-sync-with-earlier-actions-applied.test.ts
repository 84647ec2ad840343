import { createWorkbook, inspectCell, listSheets, MemoryExcelError, snapshotWorkbook } from "./index";

describe("injected failures reject the sync, with earlier actions applied", () => {
  test("fail the Nth sync from now: nothing of it applied by default", async () => {
    const host = createWorkbook();
    host.failNthSync(2);
    const done: string[] = [];
    const error = await host
      .run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").values = [["one"]];
        await context.sync();
        done.push("first");
        sheet.getRange("A2").values = [["two"]];
        await context.sync();
        done.push("second");
      })
      .catch((e: unknown) => e);
    expect(done).toEqual(["first"]);
    expect(error).toBeInstanceOf(MemoryExcelError);
    expect(error).toMatchObject({ code: "GeneralException", injected: true });
    expect(inspectCell(host, "Sheet1", "A1").value).toBe("one");
    expect(inspectCell(host, "Sheet1", "A2").value).toBe("");
  });

  test("afterActions: k applies the first k actions of that sync, then fails", async () => {
    const host = createWorkbook();
    host.failNthSync(1, { afterActions: 3, code: "ItemNotFound" });
    await expect(
      host.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1"); // action 1
        sheet.getRange("A1").values = [["a"]]; // actions 2 (getRange) and 3 (set)
        sheet.getRange("A2").values = [["b"]]; // not applied
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(inspectCell(host, "Sheet1", "A1").value).toBe("a");
    expect(inspectCell(host, "Sheet1", "A2").value).toBe("");
  });

  test("fail when writing to sheet X: writes to other sheets before it stay, X is untouched", async () => {
    const host = createWorkbook({ Keep: [["k"]], Target: [["t"]] });
    const before = snapshotWorkbook(host).find((s) => s.name === "Target");
    host.failWhenWriting("target");
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Keep").getRange("B1").values = [["written"]];
        context.workbook.worksheets.getItem("Target").getRange("A1").values = [["changed"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "GeneralException", injected: true });
    expect(inspectCell(host, "Keep", "B1").value).toBe("written");
    expect(snapshotWorkbook(host).find((s) => s.name === "Target")).toEqual(before);
  });

  test("failWhenWriting also covers renames, deletes and formats of that sheet; reads still work", async () => {
    const host = createWorkbook({ A: [["x"]], B: [] });
    host.failWhenWriting("A");
    await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem("A").getRange("A1").load("values");
      await context.sync();
      expect(r.values).toEqual([["x"]]);
    });
    for (const act of [
      (s: Excel.Worksheet) => (s.name = "Renamed"),
      (s: Excel.Worksheet) => s.delete(),
      (s: Excel.Worksheet) => (s.getRange("A1").format.fill.color = "#FF0000"),
    ]) {
      await expect(
        host.run(async (context) => {
          act(context.workbook.worksheets.getItem("A"));
          await context.sync();
        }),
      ).rejects.toMatchObject({ injected: true });
    }
    expect(listSheets(host).map((s) => s.name)).toEqual(["A", "B"]);
    host.clearFailures();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("A").name = "Renamed";
      await context.sync();
    });
    expect(listSheets(host).map((s) => s.name)).toEqual(["Renamed", "B"]);
  });

  test("a custom predicate sees each action; times limits how often it fires", async () => {
    const host = createWorkbook();
    const seen: string[] = [];
    host.failWhen(
      (a) => {
        seen.push(`${a.kind}:${a.name}`);
        return a.name === "add";
      },
      { times: 1, code: "ItemAlreadyExists" },
    );
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.add("X");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    await host.run(async (context) => {
      context.workbook.worksheets.add("X");
      await context.sync();
    });
    expect(seen[0]).toBe("Method:add");
    expect(listSheets(host).map((s) => s.name)).toEqual(["Sheet1", "X"]);
  });

  test("getItem of a missing sheet fails with ItemNotFound after the earlier actions", async () => {
    const host = createWorkbook();
    const error = await host
      .run(async (context) => {
        context.workbook.worksheets.add("Made");
        context.workbook.worksheets.getItem("Missing").getRange("A1").values = [[1]];
        await context.sync();
      })
      .catch((e: MemoryExcelError) => e);
    expect(error).toMatchObject({ code: "ItemNotFound", message: "The requested resource doesn't exist." });
    expect(listSheets(host).map((s) => s.name)).toEqual(["Sheet1", "Made"]);
  });
});
