/**
 * What the browser test checks in every pane state: axe-core's WCAG A/AA rules (when axe-core is
 * installed) and the layout rules the pane must keep in a narrow pane and at 200 % zoom.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { ROOT } from "../support/production-build";

export const AXE_SCRIPT = path.join(ROOT, "node_modules", "axe-core", "axe.min.js");
export const haveAxe = fs.existsSync(AXE_SCRIPT);

/** The WCAG 2.0–2.2 A and AA rules (axe-core's tags). */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export interface AxeFinding {
  readonly rule: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/**
 * axe-core's WCAG A/AA violations in the page as it is now; null when axe-core is not installed.
 * `preload: false` where axe cannot fetch the page's style sheets (a page from file://).
 */
export async function axeViolations(page: Page, { preload = true }: { preload?: boolean } = {}): Promise<AxeFinding[] | null> {
  if (!haveAxe) return null;
  const injected = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === "object");
  if (!injected) await page.addScriptTag({ content: fs.readFileSync(AXE_SCRIPT, "utf8") });
  return page.evaluate(
    async ({ tags, preload }) => {
      type AxeResult = {
        violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
      };
      const axe = (window as unknown as { axe: { run(ctx: Document, options: object): Promise<AxeResult> } }).axe;
      const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"], preload });
      return result.violations.map((v) => ({
        rule: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.map(String).join(" ")),
      }));
    },
    { tags: WCAG_TAGS, preload },
  );
}

export interface LayoutFindings {
  /** document.scrollingElement's scrollWidth and clientWidth (CSS px). */
  readonly scrollWidth: number;
  readonly clientWidth: number;
  /** Text that reaches past the viewport's left or right edge (cut off or scrolled away). */
  readonly offscreen: string[];
  /** Radio and checkbox labels that break onto more than one line. */
  readonly brokenLabels: string[];
}

/** Measures the page as laid out now. */
export function measureLayout(page: Page): Promise<LayoutFindings> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const width = root.clientWidth;
    const offscreen: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (!text) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of Array.from(range.getClientRects())) {
        if (rect.width === 0 || rect.height === 0) continue;
        if (rect.right > width + 0.5 || rect.left < -0.5) {
          offscreen.push(`${text.slice(0, 40)} (${Math.round(rect.left)}–${Math.round(rect.right)} of ${width})`);
          break;
        }
      }
    }
    const brokenLabels: string[] = [];
    for (const label of Array.from(document.querySelectorAll<HTMLElement>(".fui-Radio__label, .fui-Checkbox__label"))) {
      const range = document.createRange();
      range.selectNodeContents(label);
      const lines = new Set(
        Array.from(range.getClientRects())
          .filter((r) => r.width > 0)
          .map((r) => Math.round(r.top)),
      );
      if (lines.size > 1) brokenLabels.push(`${label.textContent} (${lines.size} lines)`);
    }
    return { scrollWidth: root.scrollWidth, clientWidth: width, offscreen, brokenLabels };
  });
}

/** Where the focus is, as a short description ("BODY" when it was lost). */
export function focusedElement(page: Page): Promise<{ tag: string; text: string; role: string | null; inMain: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement ?? document.body;
    return {
      tag: el.tagName,
      text: (el.textContent ?? "").trim().slice(0, 80),
      role: el.getAttribute("role"),
      inMain: !!el.closest("main"),
    };
  });
}
