// Which of Fluent's theme tokens the pane uses, and the list of them the production build keeps
// (build/theme-tokens.json, read by build/fluent-theme-literal.js).
//
// Why: a Fluent theme has ~460 tokens, and FluentProvider writes every one as a CSS variable. The pane's
// components and styles reference about 150 (the avatar and badge palettes, the shadows and most motion
// tokens are never used), so the themes the build writes carry only those: ~2 KiB less at the pane's
// start, and a shorter style rule to insert. A token is used when a built script or style sheet names its
// variable (`var(--colorNeutralForeground1)`: Fluent's precompiled styles and ours after Griffel's build
// step), or when the pane's code reads it off the theme object (`theme.colorNeutralBackground1`).
// test/deployment.heavy.test.ts fails when a build uses a token the list lacks; then run
//   npm run build:theme-tokens
// which builds and writes the list anew.

const fs = require("fs");
const path = require("path");
const { webLightTheme } = require("@fluentui/tokens");

const LIST = path.join(__dirname, "theme-tokens.json");
const PANE_SOURCES = path.join(__dirname, "..", "src", "taskpane");

/** The tokens the production build keeps, sorted. */
function keptTokens() {
  return JSON.parse(fs.readFileSync(LIST, "utf8"));
}

/** The theme's own values for the kept tokens, in the theme's order. */
function pickTokens(theme, kept = keptTokens()) {
  const keep = new Set(kept);
  return Object.fromEntries(Object.entries(theme).filter(([name]) => keep.has(name)));
}

function filesUnder(dir, pattern) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(file, pattern);
    return pattern.test(entry.name) ? [file] : [];
  });
}

/** The tokens a production build in `distDir` and the pane's sources use, sorted. */
function usedTokens(distDir) {
  const names = new Set(Object.keys(webLightTheme));
  const used = new Set();
  for (const file of filesUnder(distDir, /\.(js|css)$/)) {
    for (const m of fs.readFileSync(file, "utf8").matchAll(/--([A-Za-z][A-Za-z0-9]*)/g)) if (names.has(m[1])) used.add(m[1]);
  }
  for (const file of filesUnder(PANE_SOURCES, /\.tsx?$/).filter((f) => !/\.test\.tsx?$/.test(f))) {
    for (const m of fs.readFileSync(file, "utf8").matchAll(/\btheme\.([A-Za-z][A-Za-z0-9]*)/g)) if (names.has(m[1])) used.add(m[1]);
  }
  return [...used].sort();
}

module.exports = { keptTokens, pickTokens, usedTokens, LIST };

/** A production build into a temporary folder (webpack in a child process), for the scan. */
function buildForScan() {
  const { spawnSync } = require("child_process");
  const os = require("os");
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "kp12328-tokens-"));
  const cli = path.join(__dirname, "..", "node_modules", "webpack-cli", "bin", "cli.js");
  const args = [cli, "--mode", "production", "--output-path", out, "--env", "baseUrl=https://kp12328.ci.internal/addin/"];
  const run = spawnSync(process.execPath, args, { cwd: path.join(__dirname, ".."), stdio: "inherit" });
  if (run.status !== 0) process.exit(run.status ?? 1);
  return out;
}

if (require.main === module) {
  const dist = process.argv[2] ?? buildForScan();
  const used = usedTokens(dist);
  fs.writeFileSync(LIST, JSON.stringify(used, null, 2) + "\n");
  console.log(`build/theme-tokens.json: ${used.length} of ${Object.keys(webLightTheme).length} tokens`);
}
