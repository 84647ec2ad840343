#!/usr/bin/env node
// kp12328: runs the bundle that `npm ci` builds (npm run build:cli) while it is newer than every
// source file, and the TypeScript sources through tsx otherwise, so an edited source is never
// run stale and `npx kp12328 …` works right after `npm ci` either way.
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const bundle = path.join(root, "dist-cli", "main.js");

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (/\.tsx?$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  try {
    return fs.statSync(bundle).mtimeMs >= newestSource(path.join(root, "src"));
  } catch {
    return false;
  }
}

let main;
if (bundleIsFresh()) {
  main = require(bundle).main;
} else {
  require("tsx/cjs");
  main = require("../src/cli/main.ts").main;
}
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
