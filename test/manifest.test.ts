// manifest.xml checked offline: well-formed, the elements Office needs, every resid defined, URLs on
// the development server, icons present in assets/ at the sizes the manifest claims, the shared-runtime
// wiring, and the custom functions' namespace. (Microsoft's XSDs: test/manifest-schema.test.ts.)

import { readFileSync, existsSync } from "fs";
import * as path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { FUNCTION_NAMESPACE } from "../src/workbook";

const ROOT = path.resolve(__dirname, "..");
const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const DEV = "https://localhost:3000/";

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: false,
  isArray: () => false,
  parseTagValue: false,
});
const doc = parser.parse(xml) as Node;
const app = doc.OfficeApp as Node;

/** Depth-first walk over every element: [tag, element]. */
function* walk(node: unknown, tag = ""): Generator<[string, Node]> {
  if (Array.isArray(node)) {
    for (const n of node) yield* walk(n, tag);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  yield [tag, node as Node];
  for (const [k, v] of Object.entries(node)) if (!k.startsWith("@") && k !== "#text") yield* walk(v, k);
}

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const text = (v: unknown): string => (typeof v === "object" && v !== null ? String((v as Node)["#text"] ?? "") : String(v ?? ""));

function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  expect(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(buf.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function assetOf(url: string): string {
  expect(url.startsWith(DEV)).toBe(true);
  return path.join(ROOT, url.slice(DEV.length));
}

const versionOverrides = app.VersionOverrides as Node;
const host = (versionOverrides.Hosts as Node).Host as Node;
const resources = versionOverrides.Resources as Node;

const definitions = new Map<string, { kind: string; value: string }>();
for (const [group, kind] of [
  ["bt:Images", "image"],
  ["bt:Urls", "url"],
  ["bt:ShortStrings", "short"],
  ["bt:LongStrings", "long"],
] as const) {
  const container = resources[group] as Node;
  const key = kind === "image" ? "bt:Image" : kind === "url" ? "bt:Url" : "bt:String";
  for (const entry of list(container[key] as Node | Node[])) {
    const id = String(entry["@id"]);
    expect(definitions.has(id)).toBe(false);
    definitions.set(id, { kind, value: String(entry["@DefaultValue"]) });
  }
}

describe("manifest.xml", () => {
  it("is well-formed XML of a task-pane add-in", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(app["@xsi:type"]).toBe("TaskPaneApp");
    expect(app["@xmlns"]).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
  });

  it("has the basic settings", () => {
    expect(text(app.Id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(text(app.Version)).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(text(app.ProviderName).trim()).not.toBe("");
    expect(text(app.DefaultLocale)).toBe("zh-CN");
    const name = app.DisplayName as Node;
    expect(name["@DefaultValue"]).toBe("12328 考评");
    expect((name.Override as Node)["@Locale"]).toMatch(/^en-us$/i);
    expect((name.Override as Node)["@Value"]).toBe("12328 Evaluation");
    expect(((app.Description as Node).Override as Node)["@Locale"]).toMatch(/^en-us$/i);
    expect((app.SupportUrl as Node)["@DefaultValue"]).toMatch(/^https:\/\//);
    expect(app.AppDomains).toBeUndefined();
  });

  it("targets Excel with the shared runtime, ExcelApi 1.7 and custom functions", () => {
    expect(((app.Hosts as Node).Host as Node)["@Name"]).toBe("Workbook");
    const sets = list(((app.Requirements as Node).Sets as Node).Set as Node | Node[]);
    const byName = new Map(sets.map((s) => [String(s["@Name"]), String(s["@MinVersion"])]));
    expect(byName.get("SharedRuntime")).toBe("1.1");
    expect(byName.get("ExcelApi")).toBe("1.7");
    // CustomFunctions.Error is CustomFunctionsRuntime 1.2 and its ErrorCode 1.3, used without a check
    // (test/requirement-sets.test.ts reads that from the code).
    expect(byName.get("CustomFunctionsRuntime")).toBe("1.3");
    expect([...byName.keys()].sort()).toEqual(["CustomFunctionsRuntime", "ExcelApi", "SharedRuntime"]);
  });

  it("asks for ReadWriteDocument and nothing broader", () => {
    expect(text(app.Permissions).trim()).toBe("ReadWriteDocument");
  });

  it("has VersionOverrides with one long-lived shared runtime on the task pane page", () => {
    expect(versionOverrides["@xsi:type"]).toBe("VersionOverridesV1_0");
    expect(host["@xsi:type"]).toBe("Workbook");
    const runtimes = list((host.Runtimes as Node).Runtime as Node | Node[]);
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0]["@resid"]).toBe("Taskpane.Url");
    expect(runtimes[0]["@lifetime"]).toBe("long");
    // The shared runtime only loads when every part uses the same resid (Microsoft's instructions).
    const desktop = host.DesktopFormFactor as Node;
    expect((desktop.FunctionFile as Node)["@resid"]).toBe("Taskpane.Url");
    expect(Object.keys(host).filter((k) => !k.startsWith("@"))).toEqual(["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
  });

  it("declares the custom functions with namespace KAOPING, the formulas' namespace, on the shared page", () => {
    const ep = (host.AllFormFactors as Node).ExtensionPoint as Node;
    expect(ep["@xsi:type"]).toBe("CustomFunctions");
    const resid = (k: string) => ((ep[k] as Node).SourceLocation as Node)["@resid"] as string;
    expect(resid("Page")).toBe("Taskpane.Url");
    expect(definitions.get(resid("Script"))?.value).toBe(`${DEV}functions.js`);
    expect(definitions.get(resid("Metadata"))?.value).toBe(`${DEV}functions.json`);
    const ns = String((ep.Namespace as Node)["@resid"]);
    expect(definitions.get(ns)).toEqual({ kind: "short", value: "KAOPING" });
    expect(definitions.get(ns)?.value).toBe(FUNCTION_NAMESPACE);
  });

  it("names the namespace as Microsoft's naming guidelines ask: a letter first, three or more of A–Z 0–9 _ ., not a cell reference", () => {
    const ns = FUNCTION_NAMESPACE;
    expect(ns).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
    // A1 references run to XFD1048576, R1C1 ones to R1048576C16384.
    const a1 = /^([A-Z]{1,3})([0-9]+)$/.exec(ns);
    const column = a1 ? [...a1[1]].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) : 0;
    expect(a1 !== null && column <= 16384 && Number(a1[2]) >= 1 && Number(a1[2]) <= 1048576).toBe(false);
    expect(/^R[0-9]*C[0-9]*$/.test(ns)).toBe(false);
  });

  it("writes the functions with the namespace wherever a clerk reads their names", () => {
    const mentions = (t: string) => [...t.matchAll(/\b([A-Z][A-Z0-9_]*)\.(RATE|SCORE|TOTAL|RANK|PUBLICITYEND)\b/g)].map((m) => m[1]);
    const support = readFileSync(path.join(ROOT, "src", "taskpane", "support.html"), "utf8");
    for (const t of [definitions.get("GetStarted.Description")!.value, xml, support]) {
      expect(mentions(t).length).toBeGreaterThan(0);
      expect(new Set(mentions(t))).toEqual(new Set([FUNCTION_NAMESPACE]));
    }
  });

  it("wires one long-lived runtime: the functions' page, the function file and the one task pane are the runtime's page", () => {
    // Microsoft, "Configure your Office Add-in to use a shared runtime": the shared runtime won't load if the
    // resid differs anywhere; a shared runtime supports one task pane, and a pane without a TaskpaneId counts
    // as a different pane.
    const runtime = String(list((host.Runtimes as Node).Runtime as Node | Node[])[0]["@resid"]);
    const ep = (host.AllFormFactors as Node).ExtensionPoint as Node;
    expect(((ep.Page as Node).SourceLocation as Node)["@resid"]).toBe(runtime);
    expect(((host.DesktopFormFactor as Node).FunctionFile as Node)["@resid"]).toBe(runtime);
    const actions = [...walk(versionOverrides.Hosts, "Hosts")].filter(
      ([tag, el]) => tag === "Action" && el["@xsi:type"] === "ShowTaskpane",
    );
    expect(actions.length).toBeGreaterThan(0);
    for (const [, action] of actions) expect((action.SourceLocation as Node)["@resid"]).toBe(runtime);
    const paneIds = new Set(actions.map(([, action]) => text(action.TaskpaneId).trim()));
    expect(paneIds.size).toBe(1);
    expect([...paneIds][0]).not.toBe("");
    // The page the runtime loads is the one the add-in opens without commands too.
    expect(((app.DefaultSettings as Node).SourceLocation as Node)["@DefaultValue"]).toBe(definitions.get(runtime)!.value);
  });

  it("puts a button on the Home tab that shows the task pane, with GetStarted", () => {
    const desktop = host.DesktopFormFactor as Node;
    const getStarted = desktop.GetStarted as Node;
    for (const k of ["Title", "Description", "LearnMoreUrl"]) expect((getStarted[k] as Node)["@resid"]).toBeTruthy();
    const surface = desktop.ExtensionPoint as Node;
    expect(surface["@xsi:type"]).toBe("PrimaryCommandSurface");
    const tab = surface.OfficeTab as Node;
    expect(tab["@id"]).toBe("TabHome");
    const control = (tab.Group as Node).Control as Node;
    expect(control["@xsi:type"]).toBe("Button");
    const action = control.Action as Node;
    expect(action["@xsi:type"]).toBe("ShowTaskpane");
    expect((action.SourceLocation as Node)["@resid"]).toBe("Taskpane.Url");
    expect(text(action.TaskpaneId).trim()).not.toBe("");
    expect(definitions.get("Taskpane.Url")?.value).toBe(`${DEV}taskpane.html`);
    expect(((app.DefaultSettings as Node).SourceLocation as Node)["@DefaultValue"]).toBe(`${DEV}taskpane.html`);
  });

  it("resolves every resid to a resource of the right kind", () => {
    const expectedKind: Record<string, string[]> = {
      "bt:Image": ["image"],
      SourceLocation: ["url"],
      LearnMoreUrl: ["url"],
      FunctionFile: ["url"],
      Runtime: ["url"],
      Label: ["short"],
      Title: ["short"],
      Namespace: ["short"],
      Description: ["long"],
    };
    const used: string[] = [];
    for (const [tag, el] of walk(versionOverrides.Hosts, "Hosts")) {
      if (el["@resid"] === undefined) continue;
      const id = String(el["@resid"]);
      used.push(id);
      expect(id.length).toBeLessThanOrEqual(32);
      const def = definitions.get(id);
      if (!def) throw new Error(`resid ${id} (on <${tag}>) is not defined in Resources`);
      expect(expectedKind[tag] ?? []).toContain(def.kind);
    }
    expect(used.length).toBeGreaterThan(10);
    // And nothing is defined that nobody uses.
    for (const id of definitions.keys()) expect(used).toContain(id);
  });

  it("keeps strings within Office's limits and localises them", () => {
    for (const [, def] of definitions) {
      if (def.kind === "short") expect(def.value.length).toBeLessThanOrEqual(125);
      if (def.kind === "long") expect(def.value.length).toBeLessThanOrEqual(250);
    }
    const strings = [
      ...list((resources["bt:ShortStrings"] as Node)["bt:String"] as Node[]),
      ...list((resources["bt:LongStrings"] as Node)["bt:String"] as Node[]),
    ];
    for (const s of strings) {
      if (s["@id"] === "Functions.Namespace") continue;
      expect((s["bt:Override"] as Node | undefined)?.["@Locale"]).toMatch(/^en-us$/i);
    }
  });

  it("points every URL at https://localhost:3000/ in development", () => {
    const urls: string[] = [];
    for (const [, el] of walk(app)) {
      for (const [k, v] of Object.entries(el))
        if (k.startsWith("@") && typeof v === "string" && /^https?:\/\//.test(v) && !k.startsWith("@xmlns")) urls.push(v);
    }
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u.startsWith(DEV)).toBe(true);
  });

  it("references icons that exist in assets/ with the sizes claimed", () => {
    expect(pngSize(assetOf(String((app.IconUrl as Node)["@DefaultValue"])))).toEqual({ width: 32, height: 32 });
    expect(pngSize(assetOf(String((app.HighResolutionIconUrl as Node)["@DefaultValue"])))).toEqual({ width: 64, height: 64 });
    let checked = 0;
    for (const [tag, el] of walk(versionOverrides.Hosts, "Hosts")) {
      if (tag !== "bt:Image") continue;
      const size = Number(el["@size"]);
      const file = assetOf(definitions.get(String(el["@resid"]))!.value);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
      checked++;
    }
    expect(checked).toBe(6);
    for (const s of [16, 32, 64, 80]) expect(pngSize(path.join(ROOT, "assets", `icon-${s}.png`))).toEqual({ width: s, height: s });
  });
});
