// The in-memory port is strict where Excel (and WPS) are: these are the refusals transact's order relies on.

import { MemoryPort } from "./memory-port";

const host = () => new MemoryPort({ 表一: [[1]], 表二: [["a"]] });

describe("the in-memory host port", () => {
  test("a rename to a name another sheet has, in any case, fails and leaves both names", async () => {
    const h = host();
    await h.execute([{ op: "addSheet", sheet: "Sheet3" }]);
    await expect(h.execute([{ op: "rename", sheet: "表一", to: "sheet3" }])).rejects.toThrow("ItemAlreadyExists");
    expect(h.sheetList.map((s) => s.name)).toEqual(["表一", "表二", "Sheet3"]);
  });

  test("the last visible sheet can be neither hidden nor deleted, and a hidden one cannot be activated", async () => {
    const h = host();
    await h.execute([{ op: "setVisibility", sheet: "表一", visibility: "hidden" }]);
    await expect(h.execute([{ op: "setVisibility", sheet: "表二", visibility: "veryHidden" }])).rejects.toThrow("last visible");
    await expect(h.execute([{ op: "delete", sheet: "表二" }])).rejects.toThrow("last visible");
    await expect(h.execute([{ op: "activate", sheet: "表一" }])).rejects.toThrow("hidden");
    expect(h.active).toBe("表二");
  });

  test("a step on a sheet that is not there fails; the steps before a failure stay applied", async () => {
    const h = host();
    const steps = [
      { op: "writeBlock", sheet: "表二", row: 2, column: 1, values: [["b"]] },
      { op: "writeBlock", sheet: "表三", row: 1, column: 1, values: [["c"]] },
    ] as const;
    await expect(h.execute(steps)).rejects.toThrow("ItemNotFound: 表三");
    expect(h.find("表二")!.cells.get("2,1")!.value).toBe("b");
  });

  test("a new sheet is added hidden at the end, and read() leaves out a hidden temporary one but lists its name", async () => {
    const h = host();
    await h.execute([{ op: "addSheet", sheet: "~kp12328 1" }]);
    const read = await h.read();
    expect(read.entries).toEqual([
      { name: "表一", visibility: "visible" },
      { name: "表二", visibility: "visible" },
      { name: "~kp12328 1", visibility: "hidden" },
    ]);
    expect(read.sheets.map((s) => s.name)).toEqual(["表一", "表二"]);
    expect(read.sheets[0].cells).toEqual([[1]]);
  });

  test("restore empties what was written after remember, and gives back the formats and row heights remembered", async () => {
    const h = host();
    await h.execute([
      { op: "remember", key: "k", sheet: "表一", range: "A2:B2", rows: [2], filter: true },
      { op: "writeBlock", sheet: "表一", row: 2, column: 1, values: [["x", 2]], formats: [["@", "0.00"]] },
      { op: "layout", sheet: "表一", layout: { rowHeights: { 2: 30 }, filter: "A1:B2" } },
    ]);
    const restore = { op: "restore", key: "k", sheet: "表一", range: "A2:B2", clear: "all" } as const;
    // Office.js reads the ranges it restores before the batch runs: restores after another step are refused.
    await expect(h.execute([{ op: "activate", sheet: "表一" }, restore])).rejects.toThrow("first");
    await h.execute([restore]);
    expect(h.view()).toEqual(host().view());
  });
});
