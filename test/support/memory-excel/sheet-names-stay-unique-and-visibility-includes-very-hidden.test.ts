import { createWorkbook, listSheets, MemoryExcelError } from "./index";

describe("sheet names stay unique, and visibility includes VeryHidden", () => {
  test("add with an existing name (any case) fails with ItemAlreadyExists", async () => {
    const host = createWorkbook({ 考评单位: [] });
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.add("考评单位");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    const caseOnly = createWorkbook({ Data: [] });
    await expect(
      caseOnly.run(async (context) => {
        context.workbook.worksheets.add("DATA");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });

  test("renaming onto another sheet's name fails; renaming to itself in another case works", async () => {
    const host = createWorkbook({ A: [], B: [] });
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("A").name = "b";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("A").name = "a";
      await context.sync();
    });
    expect(listSheets(host).map((s) => s.name)).toEqual(["a", "B"]);
  });

  test("invalid names (too long, forbidden characters) fail with InvalidArgument", async () => {
    for (const bad of ["x".repeat(32), "a/b", "a:b", "[x]", "", "History"]) {
      const host = createWorkbook();
      await expect(
        host.run(async (context) => {
          context.workbook.worksheets.add(bad);
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: "InvalidArgument" });
    }
  });

  test("add without a name picks the next SheetN; position can be read and set", async () => {
    const host = createWorkbook({ Sheet1: [] });
    await host.run(async (context) => {
      const added = context.workbook.worksheets.add();
      added.load("name, position");
      await context.sync();
      expect([added.name, added.position]).toEqual(["Sheet2", 1]);
      added.position = 0;
      await context.sync();
    });
    expect(listSheets(host).map((s) => s.name)).toEqual(["Sheet2", "Sheet1"]);
  });

  test("Hidden and VeryHidden are stored and loaded; the last visible sheet cannot be hidden", async () => {
    const host = createWorkbook({ Visible: [], Secret: [], Cache: [] });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Secret").visibility = "Hidden";
      context.workbook.worksheets.getItem("Cache").visibility = Excel_SheetVisibility_veryHidden;
      await context.sync();
      const sheets = context.workbook.worksheets.load("items/name, items/visibility");
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([
        ["Visible", "Visible"],
        ["Secret", "Hidden"],
        ["Cache", "VeryHidden"],
      ]);
    });
    expect(listSheets(host).map((s) => s.visibility)).toEqual(["Visible", "Hidden", "VeryHidden"]);
    const error = await host
      .run(async (context) => {
        context.workbook.worksheets.getItem("Visible").visibility = "Hidden";
        await context.sync();
      })
      .catch((e: MemoryExcelError) => e);
    expect(error).toMatchObject({ code: "InvalidOperation" });
  });

  test("delete removes a sheet (and its notes); the last visible sheet cannot be deleted", async () => {
    const host = createWorkbook({ A: [], B: [] });
    await host.run(async (context) => {
      context.workbook.comments.add("B!A1", "note on B");
      context.workbook.worksheets.getItem("B").delete();
      await context.sync();
    });
    expect(listSheets(host).map((s) => s.name)).toEqual(["A"]);
    expect(host.state.comments).toEqual([]);
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("A").delete();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  test("activate and getActiveWorksheet; a proxy of a deleted sheet fails with ItemNotFound", async () => {
    const host = createWorkbook({ A: [], B: [] });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("B").activate();
      const active = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      expect(active.name).toBe("B");
      const b = context.workbook.worksheets.getItem("B");
      b.delete();
      await context.sync();
      b.load("name");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
    expect(listSheets(host).find((s) => s.active)?.name).toBe("A");
  });
});

// Enum values are strings at runtime; tests cannot use the `Excel` namespace's values (types only).
const Excel_SheetVisibility_veryHidden = "VeryHidden" as Excel.SheetVisibility.veryHidden;
