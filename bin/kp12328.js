#!/usr/bin/env node
// kp12328: runs the command-line tool as it ships — the bundle `npm ci` builds (npm run build:cli, the
// package's prepare script). Nothing else: no source scan, no TypeScript at run time. After editing the
// sources, `npm run build:cli` builds it again.
const fs = require("fs");
const path = require("path");

const bundle = path.join(__dirname, "..", "dist-cli", "main.js");

if (!fs.existsSync(bundle)) {
  process.stderr.write(
    `kp12328：找不到 ${path.relative(process.cwd(), bundle) || bundle}。请先运行 npm ci 或 npm run build:cli 构建命令行工具。\n`,
  );
  process.exitCode = 1;
} else {
  require(bundle)
    .main(process.argv.slice(2))
    .then((code) => {
      process.exitCode = code;
    });
}
