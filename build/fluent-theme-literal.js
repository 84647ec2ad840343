// A webpack loader for src/taskpane/theme-light.ts and theme-dark.ts: the module becomes Fluent's theme
// as one object literal, `export const webLightTheme = {…}` (or webDarkTheme), its values read from the
// installed @fluentui/tokens, and only the tokens the pane uses (build/theme-tokens.js says which, and why).
//
// Why a literal: the theme as Fluent ships it is built at run time from its palettes (every shade of every
// colour) and the code that maps them to ~460 aliases — about 22 kB of the pane's start bundle (6 KiB
// gzipped) for a theme that is always the same. The literal holds the same values (src/taskpane/theme.test.tsx
// compares them with Fluent's themes), so the pane means exactly what it meant.
// Runs after TypeScript (enforce: "post") and ignores its input: the source says the same in TypeScript.

const path = require("path");
const tokens = require("@fluentui/tokens");
const { pickTokens } = require("./theme-tokens");

const THEMES = { "theme-light": "webLightTheme", "theme-dark": "webDarkTheme" };

/** The module's code for theme `name` (webLightTheme or webDarkTheme): its used tokens as one literal. */
function themeModule(name = "webLightTheme") {
  return `export const ${name} = ${JSON.stringify(pickTokens(tokens[name]))};\n`;
}

module.exports = function fluentThemeLiteral() {
  const name = THEMES[path.basename(this.resourcePath).replace(/\.ts$/, "")];
  if (!name) return this.callback(new Error(`fluent-theme-literal: no theme for ${this.resourcePath}`));
  this.callback(null, themeModule(name));
};
module.exports.themeModule = themeModule;
