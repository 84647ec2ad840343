// The Office.js adapter at scale and under failure, on the in-memory Excel host (the "heavy" jest
// project, run by CI after the everyday suite): generations for 28 to 2,800 units with the number of
// round trips and the 5 MB request cap checked, and a sync failing at every action of a generation.

import { REGISTRY_SHEET } from "../src/workbook/sheet-spec";
import { DEFAULT_UNITS } from "../src/engine/units";
import { demoValues } from "../src/workbook/demo-data";
import { FIVE_MB } from "./support/memory-excel";
import { syntheticUnits, yearWorkbook } from "./support/synthetic-workbooks";
import {
  OCTOBER,
  RESULT,
  demoWorkbook,
  engineRanking,
  generatesTheEnginesRanking,
  paneOn,
  regenerating,
  returnedFile,
  sheetRanking,
  uninstallPane,
  workbookNow,
} from "./support/office-pane";

afterEach(uninstallPane);

describe("a generation through the Office.js adapter, at scale", () => {
  const sizes: [number, "unitSheets" | "summary"][] = [
    [28, "unitSheets"],
    [280, "unitSheets"],
    [28, "summary"],
    [280, "summary"],
    [2800, "summary"],
  ];
  const syncs: number[] = [];

  test.each(sizes)(
    "for %i units (%s) writes the engine's ranking, every request under 5 MB",
    async (n, layout) => {
      const host = await generatesTheEnginesRanking(n, layout);
      expect(Math.max(...host.requests.map((r) => r.responseBytes))).toBeLessThan(FIVE_MB);
      syncs.push(host.syncCount);
    },
    300_000,
  );

  // Up to 280 units everything fits in four. At 2,800 (a hundred provinces) the write — values, each row's
  // height from its wrapped 备注, the print set-up and the published version's inputs ledger — is split into
  // more requests under the 5 MB cap: a few more round trips, never a refused one.
  test("the number of round trips is four up to 280 units, and stays small at 2,800", () => {
    expect(syncs.slice(0, 4)).toEqual([4, 4, 4, 4]);
    expect(syncs[4]).toBeLessThanOrEqual(8);
  });

  test("2,800 per-unit sheets (7.7 MB of values) are read in halves under the response cap; the ranking is the engine's", async () => {
    const units = syntheticUnits(2800);
    const host = yearWorkbook({ units });
    const pane = paneOn(host);
    host.resetStats();
    await pane.generate(OCTOBER);
    expect(sheetRanking(host)).toEqual(engineRanking(units, []));
    const refused = host.requests.filter((r) => !r.ok);
    expect(refused.map((r) => r.error)).toEqual(["ResponsePayloadSizeLimitExceeded"]);
    // The refused read, its two halves, then the print-ready write split under the cap.
    expect(host.syncCount).toBeLessThanOrEqual(9);
    expect(host.largestRequestBytes).toBeLessThan(FIVE_MB);
    expect(Math.max(...host.requests.filter((r) => r.ok).map((r) => r.responseBytes))).toBeLessThan(FIVE_MB);
  }, 600_000);
});

describe("a failure part-way leaves the workbook as it was", () => {
  /** What an undisturbed generation does: its requests (action counts) and the workbook after it. */
  async function reference(first: boolean) {
    const { host, pane } = first ? { host: demoWorkbook(), pane: undefined } : await regenerating();
    const p = pane ?? paneOn(host);
    host.resetStats();
    await p.generate(OCTOBER);
    return { actions: host.requests.map((r) => r.actions), after: workbookNow(host) };
  }

  for (const first of [true, false]) {
    const what = first ? "first generation" : "regeneration";
    test(`${what}: a sync failing at any action, in either step, is undone or (past the commit point) completed`, async () => {
      const ref = await reference(first);
      expect(ref.actions).toHaveLength(4);
      const outcomes: string[] = [];
      for (const [index, count] of ref.actions.entries()) {
        const n = index + 1;
        // The swap (4): every action; the reads (1, 2) and the step-1 write (3): a spread of positions.
        const positions =
          n === 4
            ? Array.from({ length: count + 1 }, (_, k) => k)
            : [...new Set([0, 1, 2, 5, Math.floor(count / 3), Math.floor(count / 2), count - 2, count - 1, count])].filter(
                (k) => k >= 0 && k <= count,
              );
        for (const afterActions of positions) {
          const { host, pane } = first ? { host: demoWorkbook(), pane: undefined } : await regenerating();
          const p = pane ?? paneOn(host);
          host.resetStats();
          const before = workbookNow(host);
          host.failNthSync(n, { afterActions });
          const outcome = await p.generate(OCTOBER).then(
            () => "done",
            () => "failed",
          );
          const now = workbookNow(host);
          if (outcome === "failed") expect({ n, afterActions, ...now }).toEqual({ n, afterActions, ...before });
          else expect({ n, afterActions, ...now, selection: undefined }).toEqual({ n, afterActions, ...ref.after, selection: undefined });
          outcomes.push(`${n}:${outcome}`);
        }
      }
      // One commit point: every failure before it is undone; only failures after it, among the swap's
      // last actions (deleting what was set aside, restoring calculation), complete the change.
      const joined = outcomes.join(" ");
      expect(joined).toMatch(/^(1:failed )+(2:failed )+(3:failed )+(4:failed )+(4:done ?)+$/);
      // A regeneration sets aside one more sheet than before the 公示表 (its previous version), one more delete.
      expect(outcomes.filter((o) => o === "4:done").length).toBeLessThanOrEqual(first ? 5 : 10);
    }, 120_000);
  }

  // 修正记录 is in the everyday suite (test/office-adapter.test.ts).
  test.each(["数据校验", RESULT, REGISTRY_SHEET, "~kp12328 1"])(
    "a write to %s that fails leaves the regenerated workbook as it was",
    async (sheet) => {
      const { host, pane } = await regenerating();
      const before = workbookNow(host);
      host.failWhenWriting(sheet, { times: 1 });
      await expect(pane.generate(OCTOBER)).rejects.toBeDefined();
      expect(workbookNow(host)).toEqual(before);
    },
  );
});

describe("an import is all or nothing", () => {
  /** Two units' returned files into a workbook where 郑州市's October is empty and 洛阳市 has no sheet yet. */
  async function importing() {
    const units = DEFAULT_UNITS.slice(0, 3);
    const host = yearWorkbook({ units, values: () => undefined });
    host.state.deleteSheet(host.state.findSheet(units[2].name)!);
    const pane = paneOn(host);
    const values = demoValues(units[0], "2026-10");
    const files = [await returnedFile("郑州.xlsx", units[0], values), await returnedFile("洛阳.xlsx", units[2], values)];
    host.resetStats();
    return { host, pane, files };
  }

  test("a sync failing at any action leaves every cell empty and adds no sheet, or (past the commit point) completes", async () => {
    const reference = await importing();
    await reference.pane.importFiles(reference.files);
    const actions = reference.host.requests.map((r) => r.actions);
    const after = workbookNow(reference.host);
    // Reading the workbook (2), writing the new sheet and the registry (1), the swap (1).
    expect(actions).toHaveLength(4);
    const outcomes: string[] = [];
    for (const [index, count] of actions.entries()) {
      for (let afterActions = 0; afterActions <= count; afterActions++) {
        const { host, pane, files } = await importing();
        const before = workbookNow(host);
        host.failNthSync(index + 1, { afterActions });
        const outcome = await pane.importFiles(files).then(
          () => "done",
          () => "failed",
        );
        expect({ index, afterActions, ...workbookNow(host) }).toEqual({ index, afterActions, ...(outcome === "done" ? after : before) });
        outcomes.push(`${index + 1}:${outcome}`);
      }
    }
    expect(outcomes.join(" ")).toMatch(/^(1:failed )+(2:failed )+(3:failed )+(4:failed )+(4:done ?)+$/);
  }, 300_000);
});
