/**
 * End to end in a browser: the production build (webpack --mode production) served on 127.0.0.1,
 * opened in headless Chromium (Debian's /usr/bin/chromium driven by playwright-core) at a task-pane
 * width, with the in-memory Excel host (test/e2e/office-stand-in.ts) served in place of office.js.
 * The test clicks 生成 for 2026年10月 and reads the sheet the pane wrote; then every pane state (start,
 * result, problems, import, set-up) is checked at 500, 360 and 320 px and at 200 % zoom, light and
 * dark, Chinese and English, with axe-core and for sideways scrolling (pane-states.ts), and focus
 * and errors are followed through the keyboard (pane-focus.ts). Screenshots of the pane go to
 * test-output/. No network: office.js is the stand-in, every other non-local request is refused.
 *
 * Without /usr/bin/chromium the test is skipped, unless CI is set (then it fails); .ci/run installs it.
 * KP_E2E_DIST=<folder> uses an existing production build; without it the test takes the build of the current
 * sources that it shares with the deployment tests (sharedProductionBuild), building it once if need be.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import type { CellValue } from "../../src/engine/cells";
import { CHROMIUM, Harness, OUTPUT, PageWindow, PaneSession, haveChromium, startHarness } from "./harness";
import { describeFocus } from "./pane-focus";
import { describeStates } from "./pane-states";
import { USER_CELLS, USER_SHEET } from "./user-sheet";

const RESULT_SHEET = "2026年10月 考评结果";

if (!haveChromium && !process.env.CI) {
  console.warn(`pane.e2e: skipped — no Chromium at ${CHROMIUM} (apt-get install chromium, or set KP_CHROMIUM; .ci/run installs it).`);
}
const describeE2E = haveChromium || process.env.CI ? describe : describe.skip;

describeE2E("task pane in headless Chromium, production build, in-memory Excel", () => {
  let harness: Harness;

  beforeAll(async () => {
    if (!haveChromium)
      throw new Error(`CI is set but there is no Chromium at ${CHROMIUM}: .ci/run should have installed it (apt-get install chromium).`);
    harness = await startHarness();
  }, 6 * 60_000);

  afterAll(async () => {
    await harness?.close();
    if (harness) console.log(`pane.e2e timings (ms): ${JSON.stringify(harness.timings)}`);
  });

  describe("generating on the demo workbook", () => {
    let session: PaneSession;
    let page: Page;
    afterAll(() => session?.close());

    test("the pane opens on the demo workbook: period 2026年10月 offered, custom functions associated", async () => {
      const t = Date.now();
      session = await harness.open();
      page = session.page;
      const generate = page.getByRole("button", { name: /生成/ });
      await generate.waitFor({ state: "visible", timeout: 30_000 });
      harness.timings.paneReady = Date.now() - t;

      const year = page.getByLabel("年份");
      const month = page.getByLabel("月份");
      if ((await year.inputValue()) !== "2026") await year.selectOption("2026");
      if ((await month.inputValue()) !== "10") await month.selectOption("10");
      await expectText(generate, "生成 2026年10月 排名");
      // Nothing wider than a task pane (no horizontal scrolling at 360 px).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.screenshot({ path: path.join(OUTPUT, "pane-initial.png"), fullPage: true });

      // functions.js ran in the same page and associated every function of functions.json.
      const declared = (
        JSON.parse(fs.readFileSync(path.join(harness.dist, "functions.json"), "utf8")) as { functions: { id: string }[] }
      ).functions.map((f) => f.id);
      const associated = await page.evaluate(() => (window as unknown as PageWindow).__kp.associated);
      expect([...associated].sort()).toEqual([...declared].sort());
    }, 60_000);

    test("生成 writes the October result sheet: 28 units ranked, the 开封市/洛阳市 tie broken by 人工接通率, 周口市 不合格", async () => {
      const before = await page.evaluate((name) => {
        const kp = (window as unknown as PageWindow).__kp;
        return { values: kp.values(name), formulas: kp.formulas(name), sheets: kp.sheets().map((s) => s.name) };
      }, USER_SHEET);
      expect(before.sheets).not.toContain(RESULT_SHEET);

      const t = Date.now();
      await page.getByRole("button", { name: /生成/ }).click();
      const summary = page.getByRole("heading", { name: /本次结果/ });
      await summary.waitFor({ state: "visible", timeout: 60_000 });
      harness.timings.generate = Date.now() - t;
      await expectText(summary, "2026年10月");
      await expect(page.getByRole("region", { name: /本次结果/ }).textContent()).resolves.toMatch(/与 洛阳市 同为/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.screenshot({ path: path.join(OUTPUT, "pane-success.png"), fullPage: true });

      const after = await page.evaluate(
        ({ result, user }) => {
          const kp = (window as unknown as PageWindow).__kp;
          return {
            sheets: kp.sheets().map((s) => ({ name: s.name, active: s.active })),
            result: kp.sheets().some((s) => s.name === result) ? kp.values(result) : null,
            fills: kp.sheets().some((s) => s.name === result) ? kp.fills(result) : null,
            userValues: kp.values(user),
            userFormulas: kp.formulas(user),
          };
        },
        { result: RESULT_SHEET, user: USER_SHEET },
      );

      expect(after.sheets.map((s) => s.name)).toContain(RESULT_SHEET);
      const rows = resultRows(after.result!, after.fills!);
      expect(rows).toHaveLength(28);
      expect(new Set(rows.map((r) => r.unit)).size).toBe(28);
      const ranked = rows.filter((r) => typeof r.rank === "number");
      expect(ranked).toHaveLength(27);
      // Ranks in order, starting at 1; a shared rank skips the next (1, 2, 2, 4).
      ranked.forEach((r, i) =>
        expect(r.rank).toBe(i === 0 ? 1 : ranked[i - 1].total === r.total && ranked[i - 1].rate === r.rate ? ranked[i - 1].rank : i + 1),
      );

      const kaifeng = rows.find((r) => r.unit === "开封市")!;
      const luoyang = rows.find((r) => r.unit === "洛阳市")!;
      expect(kaifeng.total).toBe(luoyang.total);
      expect(kaifeng.rank).toBe((luoyang.rank as number) - 1);
      expect(kaifeng.note).toMatch(/^与 洛阳市 同为 \d+\.\d{2} 分，人工接通率 97\.31% > 96\.80%$/);
      expect(luoyang.note).toMatch(/^与 开封市 同为 \d+\.\d{2} 分，人工接通率 96\.80% < 97\.31%$/);

      const zhoukou = rows.find((r) => r.unit === "周口市")!;
      expect(zhoukou.rank).toBe("不合格");
      expect(zhoukou.note).toMatch(/弄虚作假/);
      expect(rows[rows.length - 1].unit).toBe("周口市");

      // Three highlight colours: order decided by 人工接通率, rank still shared, not ranked.
      const fill = (unit: string) => rows.find((r) => r.unit === unit)!.fill;
      expect(fill("开封市")).not.toBeNull();
      expect(fill("洛阳市")).toBe(fill("开封市"));
      expect(rows.find((r) => r.unit === "巩义市")!.rank).toBe(rows.find((r) => r.unit === "兰考县")!.rank);
      expect(fill("巩义市")).not.toBeNull();
      expect(fill("兰考县")).toBe(fill("巩义市"));
      expect(fill("周口市")).not.toBeNull();
      expect(new Set([fill("开封市"), fill("巩义市"), fill("周口市")]).size).toBe(3);
      expect(fill("滑县")).toBeNull();

      // The user's own sheet is untouched.
      expect(after.userValues).toEqual(before.values);
      expect(after.userFormulas).toEqual(before.formulas);
      expect(after.userValues[1]).toEqual(USER_CELLS[1]);

      // No page errors, no console errors, no request left the machine.
      expect(session.pageErrors).toEqual([]);
      expect(session.consoleErrors).toEqual([]);
      expect(session.refused).toEqual([]);
      // Everything the pane asked of the local server was there; exceljs (import only) was not loaded.
      const paths = harness.server.requests.map((r) => `${r.path} ${r.status}`);
      expect(harness.server.requests.filter((r) => r.status !== 200)).toEqual([]);
      expect(paths).toEqual(expect.arrayContaining(["/taskpane.html 200", "/functions.js 200", "/taskpane.js 200"]));
      expect(paths.some((p) => p.startsWith("/exceljs"))).toBe(false);
    }, 90_000);

    test("打开结果表 activates the result sheet", async () => {
      await page.getByRole("button", { name: "打开结果表" }).click();
      await page.waitForFunction(
        (name) => (window as unknown as PageWindow).__kp.sheets().find((s) => s.active)?.name === name,
        RESULT_SHEET,
        { timeout: 10_000 },
      );
      expect(session.pageErrors).toEqual([]);
      expect(session.consoleErrors).toEqual([]);
    }, 30_000);
  });

  describeStates(() => harness);
  describeFocus(() => harness);
});

interface ResultRow {
  readonly rank: CellValue;
  readonly unit: string;
  readonly total: CellValue;
  readonly rate: CellValue;
  readonly note: string;
  /** Fill of the row's 单位 cell. */
  readonly fill: string | null;
}

/** The unit rows of a result sheet: below the header row that starts with 名次, until a blank row. */
function resultRows(values: CellValue[][], fills: (string | null)[][]): ResultRow[] {
  const headerAt = values.findIndex((r) => r[0] === "名次" && r[1] === "单位");
  expect(headerAt).toBeGreaterThan(0);
  const header = values[headerAt].map(String);
  const col = (name: string) => {
    const i = header.indexOf(name);
    expect(i).toBeGreaterThanOrEqual(0);
    return i;
  };
  const [total, rate, note] = [col("总分"), col("人工接通率"), col("备注")];
  const rows: ResultRow[] = [];
  for (let i = headerAt + 1; i < values.length; i++) {
    const r = values[i];
    if (r[1] === "" || r[1] === null) break;
    rows.push({ rank: r[0], unit: String(r[1]), total: r[total], rate: r[rate], note: String(r[note] ?? ""), fill: fills[i]?.[1] ?? null });
  }
  return rows;
}

async function expectText(locator: { textContent(): Promise<string | null> }, text: string): Promise<void> {
  expect(await locator.textContent()).toContain(text);
}
