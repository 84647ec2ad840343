import { readWorkbook } from "./read";
import { OUTPUT_ROLES, productSheetKeys, readRegistry, registryRows } from "./registry";
import { ProductSheet, REGISTRY_SHEET } from "./sheet-spec";

const REGISTRY: ProductSheet[] = [
  { name: "2026年10月 考评结果", role: "result", period: "2026-10", version: 1, created: "2026-11-05 09:00", state: "published" },
  { name: "Oct Notes", role: "validation", period: "2026-10", created: "2026-11-05 09:00" },
  { name: "郑州市", role: "unitInput", created: "2026-01-02 08:00" },
];

describe("the registry", () => {
  it("reads back what it writes", () => {
    expect(readRegistry(registryRows(REGISTRY))).toEqual(REGISTRY.map((s) => ({ ...s, state: s.state, inputs: undefined })));
  });

  it("says which sheets are the product's, as Excel compares names: whatever their case, the registry included", () => {
    const mine = productSheetKeys(REGISTRY);
    expect(["OCT NOTES", "oct notes", "_KP12328", "郑州市", "2026年10月 考评结果"].every((n) => mine.has(n.toLowerCase()))).toBe(true);
    expect(mine.has("我的笔记")).toBe(false);
    // Of the outputs only: the units' input sheets are read, never passed over.
    expect([...productSheetKeys(REGISTRY, OUTPUT_ROLES)].sort()).toEqual(["2026年10月 考评结果", "_kp12328", "oct notes"]);
  });

  it("is found by the reader under a name in another case, as Excel finds it", () => {
    const input = readWorkbook([{ name: REGISTRY_SHEET.toUpperCase(), cells: registryRows(REGISTRY) }], 2026);
    expect(input.registry.map((s) => s.name)).toEqual(REGISTRY.map((s) => s.name));
  });
});
