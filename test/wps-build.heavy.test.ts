// `npm run build:wps` as IT receives it: the add-in folder, both deployment routes and the offline
// package. Every file a route, a page or the ribbon names is there; nothing is loaded from outside the
// package (the one address used is WPS's own local service on 127.0.0.1); every shipped script parses as
// Chromium 67 runs it (build/webpack.wps.js says why 67) and calls no library function after 67 that
// src/wps/compat.ts does not fill in.

import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as acorn from "acorn";
import { XMLParser } from "fast-xml-parser";

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "dist-wps");
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
const FOLDER = path.join(OUT, `kp12328_${version}`);
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" });

beforeAll(() => {
  // KP_WPS_BUILT=1: test the dist-wps/ just built by `npm run build:wps` (while working on this test).
  if (process.env.KP_WPS_BUILT === "1") return;
  const cli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  const run = spawnSync(process.execPath, [cli, "--config", "build/webpack.wps.js", "--mode", "production"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, KP_WPS_PACKAGE_BASE: "file:///C:/kp12328/" },
  });
  if (run.status !== 0) throw new Error(`build:wps failed:\n${run.stdout}\n${run.stderr}`);
}, 600_000);

const read = (file: string) => fs.readFileSync(file, "utf8");
const files = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));

/** The src and href of a page's elements: each must be a file beside it. */
function pageReferences(file: string): string[] {
  return [...read(file).matchAll(/\b(?:src|href)=("?)([^"\s>]+)\1/g)].map((m) => m[2]);
}

test("the add-in folder has WPS's entry page, main.js with the ribbon's callbacks, ribbon.xml, and the task pane", () => {
  for (const f of ["index.html", "main.js", "ribbon.xml", "taskpane.html", "taskpane.js"])
    expect(fs.existsSync(path.join(FOLDER, f))).toBe(true);
  const ribbon = xml.parse(read(path.join(FOLDER, "ribbon.xml"))).customUI;
  const tab = ribbon.ribbon.tabs.tab;
  expect(tab.label).toBe("12328 考评");
  expect(tab.group.button).toMatchObject({ id: "kp12328Rank", label: "考评排名", onAction: "OnAction", getImage: "GetImage" });
  const main = read(path.join(FOLDER, "main.js"));
  for (const callback of [ribbon.onLoad, tab.group.button.onAction, tab.group.button.getImage]) expect(main).toContain(callback);
  expect(fs.existsSync(path.join(FOLDER, "assets", "icon-32.png"))).toBe(true);
});

test("every file a page names is in the package, by a relative address", () => {
  for (const page of [path.join(FOLDER, "index.html"), path.join(FOLDER, "taskpane.html"), path.join(OUT, "publish.html")]) {
    const refs = pageReferences(page);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect({ page: path.basename(page), ref, relative: !/^[a-z]+:|^\/\//i.test(ref) }).toEqual({
        page: path.basename(page),
        ref,
        relative: true,
      });
      expect(fs.existsSync(path.join(path.dirname(page), ref))).toBe(true);
    }
  }
  // The chunks the task pane loads later are named in its scripts; each is there.
  const chunks = new Set(
    files(FOLDER)
      .filter((f) => f.endsWith(".js"))
      .flatMap((f) => [...read(f).matchAll(/"([\w-]+\.[0-9a-f]{8}\.(?:js|css))"/g)].map((m) => m[1])),
  );
  for (const chunk of chunks) expect(fs.existsSync(path.join(FOLDER, chunk))).toBe(true);
});

test("publish.xml names the add-in folder beside it; jsplugins.xml names the offline package under its file:/// folder", () => {
  const published = xml.parse(read(path.join(OUT, "publish.xml"))).jsplugins.jsplugin;
  expect(published).toMatchObject({ name: "kp12328", type: "et", version });
  expect(fs.existsSync(path.join(OUT, published.url, "ribbon.xml"))).toBe(true);
  const offline = xml.parse(read(path.join(OUT, "jsplugins.xml"))).jsplugins.jsplugin;
  expect(offline).toMatchObject({ name: "kp12328", type: "et", version, enable: "true", url: "file:///C:/kp12328/kp12328.7z" });
  expect(fs.existsSync(path.join(OUT, path.basename(offline.url)))).toBe(true);
});

test("the offline package is a 7z archive holding the whole add-in folder", async () => {
  const archive = fs.readFileSync(path.join(OUT, "kp12328.7z"));
  // 7z's signature, which WPS checks before it unpacks (wpsjs's publish page tests for "7z").
  expect([...archive.subarray(0, 6)]).toEqual([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]);
  const SevenZip = (await import("7z-wasm")).default;
  const lines: string[] = [];
  const zip = await SevenZip({ print: (l: string) => lines.push(l), printErr: () => {} });
  const stream = zip.FS.open("/p.7z", "w+");
  zip.FS.write(stream, archive, 0, archive.length);
  zip.FS.close(stream);
  zip.callMain(["l", "-slt", "/p.7z"]);
  const listed = lines.filter((l) => l.startsWith("Path = ") && !l.endsWith(".7z")).map((l) => l.slice(7).replace(/\\/g, "/"));
  const expected = files(FOLDER).map((f) => path.relative(OUT, f).split(path.sep).join("/"));
  expect(listed.filter((p) => expected.includes(p)).sort()).toEqual(expected.sort());
});

test("nothing is loaded from outside the package: the only address a route uses is WPS's local service", () => {
  const publish = read(path.join(OUT, "publish.js"));
  expect([...publish.matchAll(/https?:\/\/[^"'\s]+/g)].map((m) => m[0])).toEqual(["http://127.0.0.1:58890/deployaddons/runParams"]);
  // Scripts name addresses as data (XML namespaces, help links in error texts); none is fetched: webpack's
  // chunks load by relative paths, and no script sets an absolute public path, imports scripts or opens a socket.
  for (const file of files(FOLDER).filter((f) => f.endsWith(".js"))) {
    const code = read(file);
    expect({ file, fetchesAbsolute: /(?:fetch|importScripts|WebSocket|EventSource)\(\s*["'`](?:https?|wss?):/.test(code) }).toEqual({
      file,
      fetchesAbsolute: false,
    });
    expect(code).not.toMatch(/\.p\s*=\s*["'](?:https?:)?\/\//);
  }
  for (const file of files(FOLDER).filter((f) => f.endsWith(".css"))) expect(read(file)).not.toMatch(/url\(\s*["']?(?:https?:)?\/\//);
});

/** Syntax after Chromium 67, by acorn's node: optional chaining and ?? (80), which ES2020 parsing admits. */
function laterSyntax(node: unknown, found: string[] = []): string[] {
  if (!node || typeof node !== "object") return found;
  const n = node as { type?: string; operator?: string };
  if (n.type === "ChainExpression") found.push("?.");
  if (n.type === "LogicalExpression" && n.operator === "??") found.push("??");
  for (const value of Object.values(node)) if (value && typeof value === "object") laterSyntax(value, found);
  return found;
}

test("every shipped script parses as Chromium 67 runs it: ES2020 without ?. and ??, none of ES2021's", () => {
  const scripts = files(FOLDER).filter((f) => f.endsWith(".js"));
  expect(scripts.length).toBeGreaterThan(5);
  for (const file of scripts) {
    const ast = acorn.parse(read(file), { ecmaVersion: 2020, sourceType: "script" });
    expect({ file: path.basename(file), later: [...new Set(laterSyntax(ast))] }).toEqual({ file: path.basename(file), later: [] });
  }
});

test("no library function after Chromium 67 is called that compat.ts does not fill in", () => {
  // Chromium 69–98 additions a bundle might call: each absent, or guarded (a library's feature test).
  const later: Record<string, RegExp> = {
    "crypto.randomUUID": /crypto\.randomUUID\(/,
    structuredClone: /(?<![\w.$])structuredClone\(/,
    "Object.hasOwn": /Object\.hasOwn\(/,
    "String.replaceAll": /\.replaceAll\(/,
    "Promise.allSettled": /Promise\.allSettled\(/,
    "Promise.any": /Promise\.any\(/,
  };
  const code = files(FOLDER)
    .filter((f) => f.endsWith(".js"))
    .map(read)
    .join("\n");
  const called = Object.entries(later)
    .filter(([, pattern]) => pattern.test(code))
    .map(([name]) => name);
  expect(called).toEqual([]);
  // What compat.ts fills in is in the task pane's bundle.
  expect(read(path.join(FOLDER, "taskpane.js"))).toMatch(/fromEntries/);
});
