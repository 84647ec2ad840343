// manifest.xml checked offline: well-formed, the elements Office needs, every resid defined, URLs on
// the development server, icons present in assets/ at the sizes the manifest claims.

import { readFileSync, existsSync } from "fs";
import * as path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

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
    expect(byName.get("CustomFunctionsRuntime")).toBe("1.1");
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

  it("declares the custom functions with namespace KP on the shared page", () => {
    const ep = (host.AllFormFactors as Node).ExtensionPoint as Node;
    expect(ep["@xsi:type"]).toBe("CustomFunctions");
    const resid = (k: string) => ((ep[k] as Node).SourceLocation as Node)["@resid"] as string;
    expect(resid("Page")).toBe("Taskpane.Url");
    expect(definitions.get(resid("Script"))?.value).toBe(`${DEV}functions.js`);
    expect(definitions.get(resid("Metadata"))?.value).toBe(`${DEV}functions.json`);
    const ns = String((ep.Namespace as Node)["@resid"]);
    expect(definitions.get(ns)).toEqual({ kind: "short", value: "KP" });
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
