// What `npm run build` writes for a real office (webpack runs here, so this is a heavy test): it refuses a
// placeholder, local or plain-http address with one line on stderr and writes nothing; for a real address,
// dist/manifest.prod.xml is the production manifest of manifest.xml (build/deployment.js), every URL on it
// names a file of the build, functions.json is the JSDoc's metadata with the switches set, and the themes carry
// exactly the tokens the build names (build/theme-tokens.js).

import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { ROOT, TEST_BASE_URL, sharedProductionBuild } from "./support/production-build";

const deployment = require("../build/deployment") as {
  isPlaceholderHost(hostname: string): boolean;
  manifestUrls(xml: string): string[];
  productionManifest(xml: string, baseUrl: string): string;
};
const { manifestUrls } = deployment;
const themeTokens = require("../build/theme-tokens") as { usedTokens(dist: string): string[]; keptTokens(): string[] };
const { finishFunctionsMetadata } = require("../build/functions-metadata") as { finishFunctionsMetadata(json: string): string };

const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

describe("npm run build without a real address", () => {
  const cli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  const build = (args: string[], env: Record<string, string> = {}) => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "kp12328-refused-"));
    const environment = { ...process.env, ...env };
    delete environment.KP12328_BASE_URL;
    Object.assign(environment, env);
    const run = spawnSync(process.execPath, [cli, "--mode", "production", "--output-path", path.join(out, "dist"), ...args], {
      cwd: ROOT,
      env: environment,
      encoding: "utf8",
      timeout: 120_000,
    });
    const wrote = fs.existsSync(path.join(out, "dist"));
    fs.rmSync(out, { recursive: true, force: true });
    return { status: run.status, stderr: run.stderr.trim(), stdout: run.stdout.trim(), wrote };
  };

  it.each([
    ["no address at all", [], {}, /needs the HTTPS address/],
    ["the old placeholder", ["--env", "baseUrl=https://addin.example.com/kp12328/"], {}, /placeholder or local address/],
    ["localhost from the environment", [], { KP12328_BASE_URL: "https://localhost:3000/" }, /placeholder or local address/],
    ["plain http", [], { KP12328_BASE_URL: "http://oa.hnjt.gov.cn/kp/" }, /must use https/],
  ])(
    "stops with exit status 1 and one line for %s, and writes nothing",
    (_what, args, env, message) => {
      const r = build(args as string[], env as Record<string, string>);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.split("\n")).toHaveLength(1);
      expect(r.stdout).toBe("");
      expect(r.wrote).toBe(false);
    },
    120_000,
  );
});

describe("dist/ of a production build for a test address", () => {
  let dist: string;
  let prod: string;

  beforeAll(async () => {
    dist = await sharedProductionBuild();
    prod = fs.readFileSync(path.join(dist, "manifest.prod.xml"), "utf8");
  }, 900_000);

  it("has manifest.prod.xml, the production manifest of manifest.xml, and no development manifest", () => {
    expect(prod).toBe(deployment.productionManifest(MANIFEST, TEST_BASE_URL));
    expect(fs.existsSync(path.join(dist, "manifest.dev.xml"))).toBe(false);
  });

  it("names no localhost or placeholder URL: every URL is https on the test address", () => {
    const urls = manifestUrls(prod);
    expect(urls.length).toBeGreaterThanOrEqual(14);
    for (const u of urls) {
      expect(u.startsWith(TEST_BASE_URL)).toBe(true);
      expect(deployment.isPlaceholderHost(new URL(u).hostname)).toBe(false);
    }
    expect(prod).not.toMatch(/localhost|127\.0\.0\.1|example\.com/);
  });

  it("names only files that exist in dist/", () => {
    const files = [...new Set(manifestUrls(prod).map((u) => new URL(u).pathname.slice(new URL(TEST_BASE_URL).pathname.length)))];
    expect(files.sort()).toEqual([
      "assets/button-16.png",
      "assets/button-32.png",
      "assets/button-80.png",
      "assets/icon-16.png",
      "assets/icon-32.png",
      "assets/icon-64.png",
      "assets/icon-80.png",
      "functions.js",
      "functions.json",
      "support.html",
      "taskpane.html",
    ]);
    for (const f of files) expect(fs.statSync(path.join(dist, f)).size).toBeGreaterThan(0);
  });

  it("loads the functions' script into the task pane page, the one page of the shared runtime", () => {
    const page = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
    const scripts = [...page.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual(expect.arrayContaining(["functions.js", "taskpane.js"]));
    expect(scripts.indexOf("functions.js")).toBeLessThan(scripts.indexOf("taskpane.js"));
  });

  it("has functions.json, exactly the JSDoc's metadata with the switches set", async () => {
    const generated = await generateCustomFunctionsMetadata(path.join(ROOT, "src", "functions", "functions.ts"), false);
    expect(generated.errors).toEqual([]);
    const built = fs.readFileSync(path.join(dist, "functions.json"), "utf8");
    expect(JSON.parse(built)).toEqual(JSON.parse(finishFunctionsMetadata(generated.metadataJson)));
  }, 60_000);

  it("gives every theme token its scripts and styles name a value, and carries no token they leave unnamed", () => {
    // A token missing from the themes' literals would leave its CSS variable unset (a colour or a space gone).
    const used = themeTokens.usedTokens(dist);
    const kept = themeTokens.keptTokens();
    const hint = "build/theme-tokens.json is out of date: npm run build:theme-tokens";
    expect({ missing: used.filter((t) => !kept.includes(t)), hint }).toEqual({ missing: [], hint });
    expect({ unused: kept.filter((t) => !used.includes(t)), hint }).toEqual({ unused: [], hint });
    expect(used.length).toBeGreaterThan(100);
  });
});
