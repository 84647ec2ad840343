// Every formula of every file the product writes — the province's template, the centres' template and
// per-unit files, the demo workbook and its ranked result — read back from the .xlsx: none calls a
// volatile function (INDIRECT, OFFSET, TODAY, NOW, RAND, …), which Excel would recalculate after every
// edit anywhere in the workbook; the centres' files hold no formula at all.

import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";
import { volatileCalls } from "./support/function-load";
import { tempDir } from "./support/cli-harness";

const io = { out: () => undefined, err: (line: string) => console.error(line), now: () => new Date(2026, 10, 5, 9, 30) };

/** Every formula of a file, as "sheet!cell: formula". */
async function formulas(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const formula = cell.formula ?? (cell.value as { sharedFormula?: string } | null)?.sharedFormula;
        if (formula) out.push(`${ws.name}!${cell.address}: ${formula}`);
      }),
    ),
  );
  return out;
}

let dir: string;
const files: Record<string, string[]> = {};

beforeAll(async () => {
  dir = await tempDir("kp12328-volatile-");
  expect(await main(["demo", "--out", dir], io)).toBe(0);
  expect(await main(["template", "--out", path.join(dir, "province.xlsx"), "--year", "2027"], io)).toBe(0);
  expect(await main(["template", "--out", path.join(dir, "centres.xlsx"), "--year", "2027", "--for-centres"], io)).toBe(0);
  expect(await main(["template", "--per-unit", path.join(dir, "units"), "--year", "2027"], io)).toBe(0);
  for (const name of await fs.readdir(dir)) if (name.endsWith(".xlsx")) files[name] = await formulas(path.join(dir, name));
  for (const name of await fs.readdir(path.join(dir, "units"))) files[`units/${name}`] = await formulas(path.join(dir, "units", name));
}, 120_000);

afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe("the files the product writes", () => {
  it("are all read: the demo workbook, its result, both templates and 28 per-unit files", () => {
    const names = Object.keys(files);
    expect(names).toEqual(
      expect.arrayContaining(["kp12328-demo-2026.xlsx", "kp12328-demo-2026-2026-10-考评结果.xlsx", "province.xlsx", "centres.xlsx"]),
    );
    expect(names.filter((n) => n.startsWith("units/"))).toHaveLength(28);
  });

  it("call no volatile function in any formula", () => {
    const volatile = Object.entries(files).flatMap(([file, list]) =>
      list.filter((f) => volatileCalls(f.slice(f.indexOf(": ") + 2)).length).map((f) => `${file} ${f}`),
    );
    expect(volatile).toEqual([]);
    // Not vacuous: the province's template scores 28 units × 12 months × (11 indicators + the base).
    expect(files["province.xlsx"]).toHaveLength(28 * 12 * 12);
  });

  it("the centres' template and per-unit files hold no formula at all", () => {
    expect(files["centres.xlsx"]).toEqual([]);
    expect(Object.entries(files).filter(([n, list]) => n.startsWith("units/") && list.length)).toEqual([]);
  });
});
