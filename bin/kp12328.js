#!/usr/bin/env node
// Runs the TypeScript sources directly (tsx), so `npx kp12328 …` works right after `npm ci`.
require("tsx/cjs");
const { main } = require("../src/cli/main.ts");
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
