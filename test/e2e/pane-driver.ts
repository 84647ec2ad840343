// Steps a user takes in the pane, for the browser tests: each waits until the pane shows its outcome.
import type { Locator, Page } from "playwright-core";
import type { PageWindow } from "./harness";
import { conflictingReturn, unreadableReturn } from "./returned-files";

/** The pane's words the tests look for, by display language. */
export const WORDS = {
  "zh-CN": {
    generate: /^生成 .* 排名$/,
    summary: /^本次结果/,
    problems: /^数据问题/,
    importProblems: /^导入时发现的问题/,
    chooseFiles: "选择 .xlsx 文件…",
    importButton: "导入所选文件",
    imported: /已导入/,
    setupButton: "创建考评表格",
    setupDone: /已创建/,
    retry: "重试",
    generateHeading: "生成排名",
    year: "年份",
    month: "月份",
  },
  "en-US": {
    generate: /^Generate the ranking for /,
    summary: /^Result/,
    problems: /^Data problems/,
    importProblems: /^Problems found while importing/,
    chooseFiles: "Choose .xlsx files…",
    importButton: "Import the chosen files",
    imported: /Imported/,
    setupButton: "Create the evaluation sheets",
    setupDone: /Created:/,
    retry: "Try again",
    generateHeading: "Generate the ranking",
    year: "Year",
    month: "Month",
  },
} as const;

export type PaneLang = keyof typeof WORDS;

/** Waits for the pane and picks 2026年10月 (the demo workbook has data up to December, the pane's default). */
export async function waitForPane(page: Page, lang: PaneLang): Promise<Locator> {
  const generate = page.getByRole("button", { name: WORDS[lang].generate });
  await generate.waitFor({ state: "visible", timeout: 30_000 });
  await page.getByRole("combobox", { name: WORDS[lang].year, exact: true }).selectOption("2026");
  await page.getByRole("combobox", { name: WORDS[lang].month, exact: true }).selectOption("10");
  return generate;
}

/** Clicks 生成 and waits for the summary. */
export async function generate(page: Page, lang: PaneLang): Promise<void> {
  await page.getByRole("button", { name: WORDS[lang].generate }).click();
  await page.getByRole("heading", { name: WORDS[lang].summary }).waitFor({ state: "visible", timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector("[role=progressbar]"), undefined, { timeout: 60_000 });
}

/** Units whose October row gets impossible figures: a negative count, another, and text in a count cell. */
export const CORRUPTED_UNITS = ["郑州市", "开封市", "洛阳市", "平顶山市", "安阳市", "鹤壁市", "新乡市", "焦作市", "濮阳市", "许昌市"];

/** Writes impossible October figures into the units' sheets, as a careless edit would. */
export async function corruptOctober(page: Page): Promise<void> {
  await page.evaluate((units) => {
    const kp = (window as unknown as PageWindow).__kp;
    for (const name of units) {
      const sheet = kp.host.state.findSheet(name);
      if (!sheet) throw new Error(`no sheet ${name}`);
      const row = kp.values(name).findIndex((r) => r[0] === "2026-10");
      if (row < 0) throw new Error(`no October row in ${name}`);
      kp.host.state.writeValues(sheet, { row, column: 1, rowCount: 1, columnCount: 3 }, [[-1, -2, "abc"]], "test");
    }
  }, CORRUPTED_UNITS);
}

/** Clicks 生成 again on corrupted data and waits for the problem list. */
export async function generateWithProblems(page: Page, lang: PaneLang): Promise<void> {
  await corruptOctober(page);
  await page.getByRole("button", { name: WORDS[lang].generate }).click();
  await page.getByRole("heading", { name: WORDS[lang].problems }).waitFor({ state: "visible", timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector("[role=progressbar]"), undefined, { timeout: 60_000 });
}

/** Chooses a conflicting and an unreadable return with the pane's own button, imports them, waits for the outcome. */
export async function importReturns(page: Page, lang: PaneLang): Promise<void> {
  const files = [await conflictingReturn(), unreadableReturn()];
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: WORDS[lang].chooseFiles }).click();
  await (await chooser).setFiles(files);
  await page.getByRole("button", { name: WORDS[lang].importButton }).click();
  await page.getByText(WORDS[lang].imported).first().waitFor({ state: "visible", timeout: 60_000 });
  await page.getByRole("heading", { name: WORDS[lang].importProblems }).waitFor({ state: "visible" });
}

/** Lets layout, ResizeObserver callbacks and React settle (two animation frames). */
export function settle(page: Page): Promise<void> {
  return page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)))),
  );
}
