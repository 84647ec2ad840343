// The WPS task pane in Chromium, as WPS shows it: the build of `npm run build:wps` (its own copy, in
// test-output/wps-dist), served on 127.0.0.1, with the ET stand-in as window.Application / window.wps
// (wps-stand-in.ts). A clerk opens the pane and generates October's ranking, then again; the
// workbook in the stand-in holds what the Excel add-in would write, nothing leaves the machine, axe finds
// nothing, and each state is saved as a screenshot in test-output/ to be looked at.

import { spawnSync } from "child_process";
import * as esbuild from "esbuild";
import * as fs from "fs";
import * as path from "path";
import { Browser, Page, chromium } from "playwright-core";
import { CHROMIUM, OUTPUT, haveChromium } from "./harness";
import { axeViolations, haveAxe } from "./pane-checks";
import { WORDS, generate, waitForPane } from "./pane-driver";
import { ROOT, StaticServer, serveDirectory } from "../support/production-build";
import type { EtStandIn } from "./wps-stand-in";

const DIST = path.join(OUTPUT, "wps-dist");
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
const describeInBrowser = haveChromium ? describe : describe.skip;

describeInBrowser("the WPS task pane with the ET stand-in", () => {
  let browser: Browser;
  let server: StaticServer;
  let standIn: string;

  beforeAll(async () => {
    const cli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
    // KP_WPS_BUILT=1: use test-output/wps-dist as built before (KP_WPS_OUT=test-output/wps-dist npm run build:wps).
    if (process.env.KP_WPS_BUILT !== "1") {
      const run = spawnSync(process.execPath, [cli, "--config", "build/webpack.wps.js", "--mode", "production"], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, KP_WPS_OUT: path.relative(ROOT, DIST) },
      });
      if (run.status !== 0) throw new Error(`build:wps failed:\n${run.stdout}\n${run.stderr}`);
    }
    const bundled = await esbuild.build({
      entryPoints: [path.join(__dirname, "wps-stand-in.ts")],
      bundle: true,
      format: "iife",
      platform: "browser",
      target: "chrome67",
      write: false,
      logLevel: "silent",
    });
    standIn = bundled.outputFiles[0].text;
    server = await serveDirectory(path.join(DIST, `kp12328_${version}`));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(query = ""): Promise<{ page: Page; errors: string[]; refused: string[] }> {
    const context = await browser.newContext({ viewport: { width: 360, height: 900 }, locale: "zh-CN" });
    await context.clock.setFixedTime(new Date(2026, 10, 3, 9, 30));
    const errors: string[] = [];
    const refused: string[] = [];
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url)) return route.continue();
      refused.push(url);
      return route.abort("blockedbyclient");
    });
    await context.addInitScript({ content: standIn });
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}taskpane.html${query}`);
    return { page, errors, refused };
  }

  const sheets = (page: Page) => page.evaluate(() => (window as unknown as { __et: EtStandIn }).__et.sheets().map((s) => s.name));

  test("generate October, then again: the result sheets are written into the workbook, nothing is fetched, axe finds nothing", async () => {
    const { page, errors, refused } = await open();
    await waitForPane(page, "zh-CN");
    await page.screenshot({ path: path.join(OUTPUT, "wps-pane-1-start.png"), fullPage: true });
    if (haveAxe) expect(await axeViolations(page)).toEqual([]);
    await generate(page, "zh-CN");
    await page.screenshot({ path: path.join(OUTPUT, "wps-pane-2-generated.png"), fullPage: true });
    expect(await sheets(page)).toEqual(expect.arrayContaining(["我的笔记", "2026年10月 考评结果", "数据校验", "_kp12328"]));
    // The same month again: the draft is replaced, the workbook keeps one result sheet for October.
    await generate(page, "zh-CN");
    await page.screenshot({ path: path.join(OUTPUT, "wps-pane-3-again.png"), fullPage: true });
    if (haveAxe) expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(refused).toEqual([]);
    await page.context().close();
  }, 180_000);

  test("a WPS without custom functions: the pane still ranks and says which WPS the KAOPING functions need", async () => {
    const { page, errors } = await open("?functions=none");
    await waitForPane(page, "zh-CN");
    await page.getByText("需要 WPS 12.1.0.20540 或更高版本").waitFor({ state: "visible" });
    await page.screenshot({ path: path.join(OUTPUT, "wps-pane-4-no-functions.png"), fullPage: true });
    await page.getByRole("button", { name: WORDS["zh-CN"].generate }).waitFor({ state: "visible" });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
