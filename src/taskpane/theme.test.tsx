/** @jest-environment jsdom */
import * as fs from "fs";
import * as path from "path";
import { act, screen } from "@testing-library/react";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { mountPane } from "./mount";
import { isDarkOfficeTheme, relativeLuminance } from "./theme";
import { FILLED, PANE_TODAY, fakeController, installJsdomShims, mountTarget } from "../../test/support/pane-fixtures";

beforeAll(installJsdomShims);

describe("Office theme → pane theme", () => {
  it.each([
    ["isDarkTheme true", { isDarkTheme: true, bodyBackgroundColor: "#FFFFFF" }, true],
    ["isDarkTheme false", { isDarkTheme: false, bodyBackgroundColor: "#262626" }, false],
    ["isDarkTheme as a function (Microsoft's sample)", { isDarkTheme: () => true }, true],
    ["Black theme colours without isDarkTheme", { bodyBackgroundColor: "#262626" }, true],
    ["Dark Gray colours without isDarkTheme", { bodyBackgroundColor: "#444" }, true],
    ["Colorful / White colours without isDarkTheme", { bodyBackgroundColor: "#F3F2F1" }, false],
    ["a colour that is not hex", { bodyBackgroundColor: "black" }, false],
    [
      "an isDarkTheme that throws",
      {
        isDarkTheme: () => {
          throw new Error("not supported");
        },
      },
      false,
    ],
    ["no officeTheme", undefined, false],
    ["null", null, false],
  ])("%s", (_, officeTheme, dark) => {
    expect(isDarkOfficeTheme(officeTheme)).toBe(dark);
  });

  it("relative luminance follows WCAG: white 1, black 0, #777 ≈ 0.184", () => {
    expect(relativeLuminance("#FFFFFF")).toBeCloseTo(1, 6);
    expect(relativeLuminance("#000")).toBe(0);
    // 0x77 / 255 = 0.4667 → ((0.4667 + 0.055) / 1.055) ^ 2.4 = 0.1845, the same in all three channels.
    expect(relativeLuminance("#777777")).toBeCloseTo(0.1845, 3);
    expect(relativeLuminance("#12345")).toBeUndefined();
  });
});

describe("the mounted pane", () => {
  const target = mountTarget();

  async function mount(officeTheme: { isDarkTheme?: boolean; bodyBackgroundColor?: string } | null) {
    await act(async () => {
      target.keep(
        await mountPane(target.container(), fakeController(FILLED), { displayLanguage: "zh-CN", officeTheme, today: PANE_TODAY }),
      );
    });
    await screen.findByRole("button", { name: /生成 .* 排名/ });
  }

  /** The FluentProvider's --colorNeutralBackground1, from the rule Fluent inserted for its class. */
  function providerBackground(): string {
    const provider = target.container().querySelector<HTMLElement>(".fui-FluentProvider")!;
    const classes = Array.from(provider.classList).map((c) => `.${c}`);
    for (const sheet of Array.from(document.styleSheets)) {
      for (const rule of Array.from(sheet.cssRules) as CSSStyleRule[]) {
        if (!rule.selectorText || !classes.includes(rule.selectorText)) continue;
        const value = rule.style.getPropertyValue("--colorNeutralBackground1").trim();
        if (value) return value;
      }
    }
    return "";
  }

  it("is dark, page included, when Office's theme is dark", async () => {
    await mount({ isDarkTheme: true, bodyBackgroundColor: "#262626" });
    expect(providerBackground().toLowerCase()).toBe(webDarkTheme.colorNeutralBackground1.toLowerCase());
    expect(document.documentElement.style.colorScheme).toBe("dark");
    // #292929 is webDarkTheme's colorNeutralBackground1.
    expect(document.body.style.backgroundColor).toBe("rgb(41, 41, 41)");
  });

  it("is light when Office's theme is light or unknown", async () => {
    await mount(null);
    expect(providerBackground().toLowerCase()).toBe(webLightTheme.colorNeutralBackground1.toLowerCase());
    expect(document.documentElement.style.colorScheme).toBe("light");
    expect(document.body.style.backgroundColor).toBe("rgb(255, 255, 255)");
  });
});

describe("the themes of the production build", () => {
  const literal = require("../../build/fluent-theme-literal") as { themeModule: (name: string) => string };
  const { keptTokens } = require("../../build/theme-tokens") as { keptTokens: () => string[] };
  const written = (name: string) => {
    const match = new RegExp(`^export const ${name} = (\\{.*\\});\\n$`, "s").exec(literal.themeModule(name));
    expect(match).not.toBeNull();
    return JSON.parse(match![1]) as Record<string, string>;
  };

  it.each([
    ["webLightTheme", webLightTheme],
    ["webDarkTheme", webDarkTheme],
  ] as const)("write %s as one literal of Fluent's own values for the tokens the pane uses", (name, theme) => {
    const kept = keptTokens();
    const values = written(name);
    expect(Object.keys(values).sort()).toEqual(kept);
    for (const token of kept) expect(values[token]).toBe((theme as unknown as Record<string, string>)[token]);
  });

  it("keep what the pane reads off the theme and Fluent's provider needs, and leave out palettes nobody names", () => {
    const kept = new Set(keptTokens());
    for (const token of ["colorNeutralBackground1", "colorNeutralForeground1", "fontFamilyBase", "colorBrandStroke1", "spacingVerticalL"]) {
      expect(kept.has(token)).toBe(true);
    }
    // Every kept name is a token of Fluent's themes; the avatar palette and the 64 px shadow are not used.
    for (const token of kept) expect(Object.keys(webLightTheme)).toContain(token);
    expect(kept.has("colorPaletteLavenderBackground2")).toBe(false);
    expect(kept.has("shadow64")).toBe(false);
  });
});

describe("colours", () => {
  it("the pane's code names no colour of its own: every colour is a theme token", () => {
    const dir = __dirname;
    const files = [
      ...fs.readdirSync(dir).map((f) => path.join(dir, f)),
      ...fs.readdirSync(path.join(dir, "components")).map((f) => path.join(dir, "components", f)),
    ].filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith("theme.ts"));
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.flatMap((f) =>
      fs
        .readFileSync(f, "utf8")
        .split("\n")
        .map((line, i) => ({ where: `${path.relative(dir, f)}:${i + 1}`, line }))
        .filter(({ line }) => /#[0-9a-f]{3,8}\b|\brgba?\(|\b(?:white|black)\b["']/i.test(line)),
    );
    expect(offenders).toEqual([]);
  });
});
