// The 网页版's production build for the browser tests and the benchmark: `npm run build:web`'s webpack
// run into a folder of its own, or an existing build (KP_WEB_DIST).

import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "../support/production-build";

export async function webBuild(outDir = path.join(ROOT, "test-output", "dist-web")): Promise<string> {
  if (process.env.KP_WEB_DIST) return path.resolve(process.env.KP_WEB_DIST);
  const cli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  const args = [cli, "--mode", "production", "--config", "webpack.web.config.js", "--output-path", outDir];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let log = "";
    child.stdout.on("data", (d) => (log += d));
    child.stderr.on("data", (d) => (log += d));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 && fs.existsSync(path.join(outDir, "index.html"))
        ? resolve()
        : reject(new Error(`webpack (web) exited with ${code}:\n${log.slice(-4000)}`)),
    );
  });
  return outDir;
}
