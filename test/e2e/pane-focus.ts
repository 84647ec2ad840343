/**
 * The keyboard in the browser: the focus is never lost to <body> after 创建考评表格 on an empty
 * workbook, after 重试, or after an import; the problem list is one Tab stop with arrow keys; a failed
 * go-to-cell is said in view, where the focus is. A 320-px pane, Chinese, light theme.
 */
import * as path from "path";
import type { Harness, PageWindow, PaneSession } from "./harness";
import { OUTPUT } from "./harness";
import { WORDS, generateWithProblems, importReturns, waitForPane } from "./pane-driver";
import { focusedElement } from "./pane-checks";
import { inflatingReturn } from "./returned-files";

const zh = WORDS["zh-CN"];

export function describeFocus(harness: () => Harness): void {
  describe("focus and errors, by keyboard", () => {
    let session: PaneSession | undefined;
    afterEach(async () => {
      await session?.close();
      session = undefined;
    });

    test("创建考评表格 on an empty workbook: the focus goes to what was created, not to <body>", async () => {
      session = await harness().open({ scene: { workbook: "empty" }, width: 320 });
      const { page } = session;
      const button = page.getByRole("button", { name: zh.setupButton });
      await button.waitFor({ state: "visible", timeout: 30_000 });
      await button.focus();
      await page.keyboard.press("Enter");
      await page.getByText(zh.setupDone).waitFor({ state: "visible", timeout: 60_000 });
      await page.waitForFunction(() => document.activeElement !== document.body, undefined, { timeout: 10_000 });
      const focused = await focusedElement(page);
      expect(focused).toEqual(expect.objectContaining({ inMain: true, role: "group" }));
      expect(focused.text).toMatch(/^已创建：评分规则/);
      expect(session.pageErrors).toEqual([]);
    }, 120_000);

    test("重试 after a failed read: the button keeps the focus, then the first heading takes it", async () => {
      session = await harness().open({ scene: { inspect: "fail" }, width: 320 });
      const { page } = session;
      const retry = page.getByRole("button", { name: zh.retry });
      await retry.waitFor({ state: "visible", timeout: 30_000 });
      await retry.focus();
      await page.keyboard.press("Enter");
      await waitForPane(page, "zh-CN");
      const focused = await focusedElement(page);
      expect(focused).toEqual({ tag: "H2", text: zh.generateHeading, role: null, inMain: true });
    }, 60_000);

    test("a returned file that inflates to 1.5 GB is refused within 5 s, naming it and its size, the pane's heap small", async () => {
      session = await harness().open({ width: 320, height: 700 });
      const { page } = session;
      await waitForPane(page, "zh-CN");
      const bomb = await inflatingReturn();
      const chooser = page.waitForEvent("filechooser");
      await page.getByRole("button", { name: zh.chooseFiles }).click();
      await (await chooser).setFiles([bomb]);
      const started = Date.now();
      await page.getByRole("button", { name: zh.importButton }).click();
      const said = page.getByText(/洛阳市报送\.xlsx 解压后有 1\.5 GB/).first();
      await said.waitFor({ state: "visible", timeout: 30_000 });
      expect(Date.now() - started).toBeLessThan(5000);
      const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize);
      expect(heap ?? 0).toBeLessThan(300 * 1024 * 1024);
      await page.screenshot({ path: path.join(OUTPUT, "pane-zh-light-import-refused-320.png") });
      expect(session.pageErrors).toEqual([]);
    }, 120_000);

    test("import, the problem list by arrow keys, and a failed go-to-cell said in view", async () => {
      session = await harness().open({ width: 320, height: 700 });
      const { page } = session;
      await waitForPane(page, "zh-CN");

      // Import: the focus lands on the import's outcome.
      await importReturns(page, "zh-CN");
      await page.waitForFunction(() => document.activeElement !== document.body, undefined, { timeout: 10_000 });
      expect(await focusedElement(page)).toEqual(expect.objectContaining({ role: "group", inMain: true }));
      expect((await focusedElement(page)).text).toMatch(/^已导入 1 个文件/);

      // The problem list: one Tab stop; arrows move; Tab leaves from where the focus is.
      await generateWithProblems(page, "zh-CN");
      const list = page.getByRole("list", { name: zh.problems });
      const entries = list.locator(":scope > li > :first-child");
      const count = await entries.count();
      expect(count).toBeGreaterThan(10);
      expect(await list.locator('[tabindex="0"]').count()).toBe(1);
      await entries.first().focus();
      await page.keyboard.press("ArrowDown");
      expect(await entries.nth(1).evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press("End");
      const last = entries.nth(count - 1);
      expect(await last.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press("Tab");
      expect(await list.evaluate((ul) => ul.contains(document.activeElement))).toBe(false);
      await page.keyboard.press("Shift+Tab");
      expect(await last.evaluate((el) => el === document.activeElement)).toBe(true);

      // Go to the cell of an entry far down the list; Excel refuses: the alert is in view, the focus stays.
      const target = entries.nth(count - 2);
      await page.keyboard.press("ArrowUp");
      expect(await target.evaluate((el) => el === document.activeElement && el.tagName === "BUTTON")).toBe(true);
      await page.evaluate(() => (window as unknown as PageWindow).__kp.host.failNthSync(1, { code: "ItemNotFound" }));
      await page.keyboard.press("Enter");
      const alert = page.getByRole("list", { name: zh.problems }).getByRole("alert");
      await alert.waitFor({ state: "visible", timeout: 10_000 });
      expect(await alert.textContent()).toContain("无法定位单元格");
      const box = await alert.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, height: window.innerHeight };
      });
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(box.height);
      expect(await target.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.screenshot({ path: path.join(OUTPUT, "pane-zh-light-goto-failed-320.png") });
      expect(session.pageErrors).toEqual([]);
    }, 180_000);
  });
}
