// The intranet build (`--env officeJs=local`): office.js from the @microsoft/office-js package, served
// from the add-in's own server, so the add-in loads where Microsoft's CDN cannot be reached. Its pages
// and its manifest name no host but the base URL's: every script, style sheet and icon is a relative
// path or under the base URL. (Microsoft supports office.js only from its CDN: docs/deployment.md.)

import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT, TEST_BASE_URL } from "./support/production-build";

const deployment = require("../build/deployment") as { manifestUrls(xml: string): string[] };

function buildIntranet(outDir: string): Promise<void> {
  const cli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  const args = [cli, "--mode", "production", "--output-path", outDir, "--env", `baseUrl=${TEST_BASE_URL}`, "--env", "officeJs=local"];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let log = "";
    child.stdout.on("data", (d) => (log += d));
    child.stderr.on("data", (d) => (log += d));
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`webpack exited with ${code}:\n${log.slice(-3000)}`))));
  });
}

/** Every address a page loads or links: src, href, and url(…) in its attributes. */
function pageAddresses(html: string): string[] {
  return [...html.matchAll(/\b(?:src|href)\s*=\s*["']?([^"'\s>]+)/g)].map((m) => m[1]);
}

describe("the intranet build", () => {
  let dist = "";
  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), "kp12328-intranet-"));
    await buildIntranet(dist);
  }, 900_000);
  afterAll(() => dist && fs.rmSync(dist, { recursive: true, force: true }));

  it("loads office.js from its own server, from Microsoft's package", () => {
    const page = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
    expect(pageAddresses(page)).toContain("office-js/office.js");
    const shipped = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist", "office.js");
    expect(fs.readFileSync(path.join(dist, "office-js", "office.js"))).toEqual(fs.readFileSync(shipped));
  });

  it("names no host outside its base URL in its pages and manifest", () => {
    for (const file of ["taskpane.html", "support.html"]) {
      const addresses = pageAddresses(fs.readFileSync(path.join(dist, file), "utf8"));
      const outside = addresses.filter((a) => /^[a-z][a-z0-9+.-]*:|^\/\//i.test(a) && !a.startsWith(TEST_BASE_URL) && !a.startsWith("#"));
      expect({ file, outside }).toEqual({ file, outside: [] });
    }
    const manifest = fs.readFileSync(path.join(dist, "manifest.prod.xml"), "utf8");
    const urls = deployment.manifestUrls(manifest);
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter((u) => !u.startsWith(TEST_BASE_URL))).toEqual([]);
  });

  it("is opt-in: the default build still loads office.js from Microsoft's CDN", () => {
    const template = fs.readFileSync(path.join(ROOT, "src", "taskpane", "taskpane.html"), "utf8");
    expect(template).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  });
});
