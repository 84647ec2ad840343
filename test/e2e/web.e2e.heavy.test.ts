/**
 * The 网页版 end to end: the production build (webpack.web.config.js) opened from file:// in headless
 * Chromium with every request that is not a file refused and recorded. A clerk's steps: open the demo
 * workbook (郑州市's October not yet in), import 郑州市's returned file, generate 2026-10 with a
 * publication date, save (a download: the test page has no save dialog); correct 开封市's October in the
 * saved file (as in Excel or WPS), open it again, generate with a 更正原因, save. Both saved workbooks,
 * read back with ExcelJS, equal sheet by sheet (values, merges, fills, notes, print set-up) what
 * `kp12328 rank` writes for the same steps (test/support/web-steps.ts). axe-core finds nothing in each
 * state; screenshots of each go to test-output/web-*.png.
 */
import { promises as fsp } from "fs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Browser, Page, chromium } from "playwright-core";
import { CHROMIUM, OUTPUT, haveChromium } from "./harness";
import { AXE_SCRIPT, axeViolations } from "./pane-checks";
import { webBuild } from "./web-build";
import { viewOfExcelJs } from "../support/what-a-user-sees";
import { NOW, PUBLISHED, firstDifference, REASON, correctInput, inputWithGap, referenceSteps, returnedFile } from "../support/web-steps";
import { loadXlsxBytes } from "../../src/taskpane/host/xlsx-file";

const describeE2E = haveChromium || process.env.CI ? describe : describe.skip;
jest.setTimeout(6 * 60_000);

describeE2E("网页版 from file:// in headless Chromium, offline", () => {
  let browser: Browser;
  let dist = "";
  let dir = "";

  beforeAll(async () => {
    [dist, dir] = await Promise.all([webBuild(), fsp.mkdtemp(path.join(os.tmpdir(), "kp12328-web-e2e-"))]);
    fs.mkdirSync(OUTPUT, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) await fsp.rm(dir, { recursive: true, force: true });
  });

  async function openPage(options: { locale?: string; width?: number } = {}) {
    const context = await browser.newContext({
      locale: options.locale ?? "zh-CN",
      viewport: { width: options.width ?? 800, height: 1000 },
      acceptDownloads: true,
    });
    const refused: string[] = [];
    await context.route(/^(?!file:)/, (route) => {
      refused.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.clock.setFixedTime(NOW);
    // The download path: a browser without the File System Access API (and a headless one has no dialogs).
    await page.addInitScript(() => {
      delete (window as { showOpenFilePicker?: unknown }).showOpenFilePicker;
      delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
    });
    await page.goto(`file://${path.join(dist, "index.html")}`);
    return { context, page, refused, errors };
  }

  async function checkState(page: Page, name: string) {
    // Message bars fade in: axe measures contrast once they are there.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
    if (!(await page.evaluate(() => typeof (window as { axe?: unknown }).axe === "object")))
      // Through the debugger, as the page's CSP allows no inline script.
      await page.evaluate(fs.readFileSync(AXE_SCRIPT, "utf8"));
    expect({ state: name, violations: await axeViolations(page, { preload: false }) }).toEqual({ state: name, violations: [] });
    await page.screenshot({ path: path.join(OUTPUT, `web-${name}.png`), fullPage: true });
  }

  async function openWorkbook(page: Page, name: string, buffer: Buffer) {
    const chooser = page.waitForEvent("filechooser");
    await page
      .getByRole("button", { name: /打开工作簿/ })
      .first()
      .click();
    await (await chooser).setFiles({ name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
    await page.getByTestId("kp-web-status").getByText(`已打开：${name}`).waitFor();
    await page.getByRole("button", { name: /生成.*排名/ }).waitFor();
  }

  async function generate(page: Page, published: string | undefined, reason?: string) {
    await page.getByRole("combobox", { name: "月份" }).selectOption({ label: "10月" });
    if (published) await page.getByRole("textbox", { name: /公示发布日期/ }).fill(published);
    if (reason) await page.getByRole("textbox", { name: /更正原因/ }).fill(reason);
    await page.getByRole("button", { name: "生成 2026年10月 排名" }).click();
    await page.getByTestId("kp-status").waitFor({ timeout: 60_000 });
  }

  async function save(page: Page, file: string) {
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: /保存结果工作簿/ }).click();
    const d = await download;
    await d.saveAs(file);
    await page
      .getByTestId("kp-web-status")
      .getByText(/已保存为/)
      .waitFor();
    return d.suggestedFilename();
  }

  test("a clerk's steps save what kp12328 rank writes, with no request off the machine", async () => {
    const reference = await referenceSteps(dir);
    const { context, page, refused, errors } = await openPage();
    await page.getByRole("button", { name: "打开工作簿…" }).waitFor();
    await checkState(page, "start");

    await openWorkbook(page, "河南12328-2026.xlsx", await inputWithGap());
    await checkState(page, "opened");

    const returned = await returnedFile();
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: /选择 .xlsx 文件/ }).click();
    await (await chooser).setFiles({ name: returned.name, mimeType: "application/octet-stream", buffer: returned.buffer });
    await page.getByRole("button", { name: "导入所选文件" }).click();
    await page
      .getByText(/已导入/)
      .first()
      .waitFor({ timeout: 60_000 });
    await checkState(page, "imported");

    await generate(page, PUBLISHED);
    await page
      .getByText(/第 1 版/)
      .first()
      .waitFor();
    await checkState(page, "generated");
    const first = path.join(dir, "page-1.xlsx");
    expect(await save(page, first)).toBe("河南12328-2026-2026-10-考评结果.xlsx");
    await expect(page.getByTestId("kp-web-saved").textContent()).resolves.toBe("已保存");

    const corrected = path.join(dir, "page-1-corrected.xlsx");
    await fsp.copyFile(first, corrected);
    await correctInput(corrected);
    await openWorkbook(page, "河南12328-2026-2026-10-考评结果.xlsx", await fsp.readFile(corrected));
    await generate(page, undefined, REASON);
    await page
      .getByText(/第 2 版/)
      .first()
      .waitFor();
    await checkState(page, "corrected");
    const second = path.join(dir, "page-2.xlsx");
    // Never the opened file's name: the ledger opened again is saved as its next version.
    expect(await save(page, second)).toBe("河南12328-2026-2026-10-考评结果（第 2 版）.xlsx");

    const view = async (file: string) => viewOfExcelJs(await loadXlsxBytes(new Uint8Array(await fsp.readFile(file))));
    expect(firstDifference(await view(first), await view(reference.first))).toBeNull();
    expect(firstDifference(await view(second), await view(reference.second))).toBeNull();
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("the page speaks English in an English browser, and says why a file it cannot read was not opened", async () => {
    const { context, page, errors } = await openPage({ locale: "en-US", width: 360 });
    await page.getByRole("button", { name: "Open workbook…" }).waitFor();
    await checkState(page, "start-en-360");
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Open workbook…" }).click();
    await (await chooser).setFiles({ name: "报表.xlsx", mimeType: "text/csv", buffer: Buffer.from("单位,月份\n郑州市,2026-10\n") });
    await expect(page.getByTestId("kp-web-status").textContent()).resolves.toMatch(/报表\.xlsx.*\.xlsx/);
    await checkState(page, "unreadable-en-360");
    expect(errors).toEqual([]);
    await context.close();
  });

  test("every script is ES2020 and uses no built-in later than Chromium 84, the oldest browser it targets", () => {
    const acorn = require("acorn") as { parse(src: string, options: object): unknown };
    // Built-ins of Chromium 85 and later (String.replaceAll, Promise.any 85; Array.at 92; Object.hasOwn 93; structuredClone 98; findLast 97).
    const later = /\.replaceAll\(|Promise\.any\(|\.at\(-?\d|structuredClone\(|\.findLast(Index)?\(|(?<!\|\|)Object\.hasOwn\(/;
    const scripts = fs.readdirSync(dist).filter((f) => f.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(3);
    for (const file of scripts) {
      const source = fs.readFileSync(path.join(dist, file), "utf8");
      expect(() => acorn.parse(source, { ecmaVersion: 2020, sourceType: "script" })).not.toThrow();
      expect({ file, later: source.match(later)?.[0] ?? null }).toEqual({ file, later: null });
    }
  });
});
