// The pane's Fluent theme, following the Office theme the user chose (File > Account > Office Theme).
// Every colour in the pane is a token of this theme, so dark and light need no code of their own.

import type { Theme } from "@fluentui/react-components";
import { webLightTheme } from "./theme-light";

/**
 * What the pane reads of `Office.context.officeTheme`. Both members may be missing: `officeTheme` is
 * undefined where Office does not offer it (older builds, Outlook without Mailbox 1.14), and
 * `isDarkTheme` came later than the colours. Microsoft's own sample calls `isDarkTheme()` while
 * @types/office-js declares a boolean, so a function is accepted too.
 */
export interface OfficeThemeInfo {
  readonly isDarkTheme?: unknown;
  readonly bodyBackgroundColor?: unknown;
}

/** True when Office shows a dark theme (Black or Dark Gray); false when it cannot tell. */
export function isDarkOfficeTheme(officeTheme: OfficeThemeInfo | null | undefined): boolean {
  if (!officeTheme || typeof officeTheme !== "object") return false;
  const flag = officeTheme.isDarkTheme;
  if (typeof flag === "boolean") return flag;
  if (typeof flag === "function") {
    try {
      const called: unknown = (flag as () => unknown).call(officeTheme);
      if (typeof called === "boolean") return called;
    } catch {
      // Fall back to the background colour.
    }
  }
  const luminance = relativeLuminance(officeTheme.bodyBackgroundColor);
  return luminance !== undefined && luminance < 0.2;
}

/** WCAG relative luminance of "#RRGGBB" (or "#RGB"); undefined for anything else. */
export function relativeLuminance(color: unknown): number | undefined {
  if (typeof color !== "string") return undefined;
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return undefined;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The pane's Fluent theme; the dark one is a chunk of its own in the production build (theme-dark.ts). */
export function loadPaneTheme(dark: boolean): Promise<Theme> {
  return dark ? import(/* webpackChunkName: "theme-dark" */ "./theme-dark").then((m) => m.webDarkTheme) : Promise.resolve(webLightTheme);
}
