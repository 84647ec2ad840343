// The adapter's model of ET is cut out of Kingsoft's declarations: each of WPS's declared objects is one of
// the model's (type checks; `npm test` runs tsc over this file), and the values written out in XL are those
// Kingsoft declares.

import fs from "fs";
import path from "path";
import { EtApplication, EtFont, EtPageSetup, EtRange, EtSheets, EtWindow, EtWorkbook, EtWorksheet, XL } from "./et-model";

/** Compiles only where WPS's declared type `D` is assignable to the model's `M`. */
const fits = <D, M>(convert: (declared: D) => M) => typeof convert === "function";

test("WPS's declared objects are the model's, so the adapter calls nothing WPS does not declare", () => {
  expect(fits((x: Et.Range): EtRange => x)).toBe(true);
  expect(fits((x: Et.Font): EtFont => x)).toBe(true);
  expect(fits((x: Et.Worksheet): EtWorksheet => x)).toBe(true);
  expect(fits((x: Et.PageSetup): EtPageSetup => x)).toBe(true);
  expect(fits((x: Et.Window): EtWindow => x)).toBe(true);
  // Sheets.Item of a name or a number is one Worksheet; Kingsoft declares Worksheet | Sheets for the array form.
  expect(fits((x: Et.Sheets): Omit<EtSheets, "Item"> => x)).toBe(true);
  expect(fits((i: string | number): Parameters<Et.Sheets["Item"]>[0] => i)).toBe(true);
  expect(fits((x: Et.Workbook): Omit<EtWorkbook, "Worksheets"> => x)).toBe(true);
  expect(fits((x: Et.Application): Omit<EtApplication, "ActiveWorkbook"> => x)).toBe(true);
});

test("every value written out in XL is the one Kingsoft declares under that name", () => {
  const dir = path.dirname(require.resolve("et-jsapi-declare/package.json"));
  const declared = ["lib.et.d.ts", "lib.kso.d.ts"].map((f) => fs.readFileSync(path.join(dir, f), "utf8")).join("\n");
  for (const [name, value] of Object.entries(XL)) {
    const found = new RegExp(`\\b${name} = (-?\\d+)`).exec(declared);
    expect({ name, value: found && Number(found[1]) }).toEqual({ name, value });
  }
  expect(Object.keys(XL).length).toBeGreaterThan(25);
});
