/**
 * Every pane state — start, result, problems, import (demo workbook) and set-up (empty workbook) —
 * in light and dark Office themes, Chinese and English, checked at 500, 360 and 320 px and at 200 %
 * zoom. 200 % zoom of a 320-px pane is a 160-CSS-px viewport with two device pixels per CSS pixel:
 * that is what the browser's zoom does (same layout width, same media queries, same
 * devicePixelRatio), and the screenshots then look as the zoomed pane does. At each width:
 * document.scrollingElement's scrollWidth <= clientWidth, no text past the pane's edges, no radio or
 * checkbox label broken over lines; at 320 px and 200 %: axe-core's WCAG A/AA rules (when installed)
 * and a screenshot in test-output/ (pane-<lang>-<theme>-<state>-<320|200pct>.png).
 */
import * as path from "path";
import type { Page } from "playwright-core";
import type { Harness } from "./harness";
import { OUTPUT } from "./harness";
import { PaneLang, WORDS, generate, generateWithProblems, importReturns, settle, waitForPane } from "./pane-driver";
import { axeViolations, haveAxe, measureLayout } from "./pane-checks";

type Theme = "light" | "dark";

/** CSS widths checked in every state; 160 is 320 px at 200 % zoom. */
const WIDTHS = [500, 360, 320, 160] as const;
/** Widths with axe and a screenshot. */
const DETAILED: readonly number[] = [320, 160];

const CONFIGS: readonly { lang: PaneLang; theme: Theme }[] = [
  { lang: "zh-CN", theme: "light" },
  { lang: "zh-CN", theme: "dark" },
  { lang: "en-US", theme: "light" },
  { lang: "en-US", theme: "dark" },
];

/** Checks one state at every width; returns what is wrong, one line each. */
async function checkState(page: Page, name: string, lang: PaneLang, theme: Theme): Promise<string[]> {
  const findings: string[] = [];
  // The pointer rests off the pane, so no entry is checked in its hover colours by chance.
  await page.mouse.move(0, 0);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await settle(page);
    const at = `${lang} ${theme} ${name} @${width === 160 ? "200%" : `${width}px`}`;
    const layout = await measureLayout(page);
    if (layout.scrollWidth > layout.clientWidth) findings.push(`${at}: scrolls sideways (${layout.scrollWidth} > ${layout.clientWidth})`);
    for (const text of layout.offscreen) findings.push(`${at}: off-screen: ${text}`);
    for (const label of layout.brokenLabels) findings.push(`${at}: label broken: ${label}`);
    if (!DETAILED.includes(width)) continue;
    const file = `pane-${lang.slice(0, 2)}-${theme}-${name}-${width === 160 ? "200pct" : width}.png`;
    await page.screenshot({ path: path.join(OUTPUT, file), fullPage: true });
    for (const v of (await axeViolations(page)) ?? [])
      findings.push(`${at}: axe ${v.rule} (${v.impact}): ${v.help} — ${v.targets.join(", ")}`);
  }
  return findings;
}

export function describeStates(harness: () => Harness): void {
  describe("every pane state at 500 / 360 / 320 px and 200 % zoom", () => {
    if (!haveAxe) console.warn("pane.e2e: axe-core is not installed (node_modules/axe-core/axe.min.js); only the layout checks run.");

    test.each(CONFIGS)(
      "$lang, $theme theme: start, result, problems and import on the demo workbook; set-up on an empty one",
      async ({ lang, theme }) => {
        const findings: string[] = [];
        const demo = await harness().open({ scene: { lang, theme }, width: 500, deviceScaleFactor: 2 });
        try {
          const page = demo.page;
          await waitForPane(page, lang);
          findings.push(...(await checkState(page, "start", lang, theme)));
          await generate(page, lang);
          findings.push(...(await checkState(page, "result", lang, theme)));
          await generateWithProblems(page, lang);
          findings.push(...(await checkState(page, "problems", lang, theme)));
          await importReturns(page, lang);
          findings.push(...(await checkState(page, "import", lang, theme)));
          expect(demo.pageErrors).toEqual([]);
          expect(demo.refused).toEqual([]);
        } finally {
          await demo.close();
        }

        const empty = await harness().open({ scene: { lang, theme, workbook: "empty" }, width: 500, deviceScaleFactor: 2 });
        try {
          await empty.page.getByRole("button", { name: WORDS[lang].setupButton }).waitFor({ state: "visible", timeout: 30_000 });
          findings.push(...(await checkState(empty.page, "setup", lang, theme)));
          expect(empty.pageErrors).toEqual([]);
        } finally {
          await empty.close();
        }
        expect(findings).toEqual([]);
      },
      5 * 60_000,
    );
  });
}
