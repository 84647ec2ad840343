import * as fs from "fs";
import * as path from "path";
import { createWorkbook, installGlobals, inspectCell, MemoryExcelError } from "./index";

describe("installed globals behave like Office in a browser page", () => {
  test("Excel.run, Office.onReady, displayLanguage and isSetSupported", async () => {
    const host = createWorkbook();
    const g = installGlobals(host, { displayLanguage: "en-US", requirementSets: { ExcelApi: "1.12" } });
    try {
      const info = await Office.onReady();
      expect(info.host).toBe("Excel");
      expect(Office.context.displayLanguage).toBe("en-US");
      expect(Office.context.requirements.isSetSupported("ExcelApi", "1.10")).toBe(true);
      expect(Office.context.requirements.isSetSupported("ExcelApi", "1.18")).toBe(false);
      expect(Office.context.requirements.isSetSupported("ExcelApi", 1.1)).toBe(true);
      g.Office.setRequirementSet("ExcelApi", "1.18");
      expect(Office.context.requirements.isSetSupported("ExcelApi", "1.18")).toBe(true);
      g.Office.setDisplayLanguage("zh-CN");
      expect(Office.context.displayLanguage).toBe("zh-CN");

      await Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["via global"]];
        await context.sync();
      });
      expect(inspectCell(host, "Sheet1", "A1").value).toBe("via global");
      expect(g.Excel.SheetVisibility.veryHidden).toBe("VeryHidden");
      expect(new MemoryExcelError("ItemNotFound")).toBeInstanceOf(OfficeExtension.Error);
    } finally {
      g.uninstall();
    }
    expect("Excel" in globalThis).toBe(false);
  });

  test("a batch that does not return a promise is refused, as Office does", async () => {
    const host = createWorkbook();
    await expect(host.run((() => undefined) as unknown as (c: Excel.RequestContext) => Promise<void>)).rejects.toMatchObject({
      code: "RunMustReturnPromise",
    });
  });

  test("the host's sources import nothing from Node, so they bundle for the browser", () => {
    const dir = __dirname;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
      const source = fs.readFileSync(path.join(dir, file), "utf8");
      const imports = [...source.matchAll(/^import[^;]*?from\s+"([^"]+)"/gm)].map((m) => m[1]);
      expect({ file, imports: imports.filter((i) => !i.startsWith("./")) }).toEqual({ file, imports: [] });
      expect(source).not.toMatch(/\brequire\(|\bprocess\.|\bBuffer\b|__dirname/);
    }
  });
});
