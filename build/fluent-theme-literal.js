// A webpack loader for src/taskpane/theme-light.ts: the module becomes Fluent's light theme as one object
// literal, `export const webLightTheme = {…}`, its values read from the installed @fluentui/tokens.
//
// Why: the theme as Fluent ships it is built at run time from its palettes (every shade of every colour)
// and the code that maps them to ~400 aliases — about 22 kB of the pane's start bundle (6 KiB gzipped)
// for a theme that is always the same. The literal is the same object (src/taskpane/theme.test.tsx
// compares it with webLightTheme), so the pane means exactly what it meant.
// Runs after TypeScript (enforce: "post") and ignores its input: the source says the same in TypeScript.

const { webLightTheme } = require("@fluentui/tokens");

/** The module's code: the theme's values as one literal. */
function themeModule() {
  return `export const webLightTheme = ${JSON.stringify(webLightTheme)};\n`;
}

module.exports = function fluentThemeLiteral() {
  this.callback(null, themeModule());
};
module.exports.themeModule = themeModule;
