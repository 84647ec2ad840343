// The requirement sets manifest.xml declares are the ones the code needs: every Office.js and
// custom-functions runtime member that the product code (src/adapters/office, src/taskpane,
// src/functions) uses is within the declared sets or behind a HostFeatures check — found by the
// TypeScript compiler in the code, with each member's set read from Microsoft's `[Api set: …]` tags
// (test/support/requirement-sets.ts says exactly what counts as a use and as a guard).
//
// Microsoft: an add-in that declares sets in <Requirements> does not load where one is missing;
// newer APIs are for run-time checks with isSetSupported ("Excel JavaScript API requirement sets",
// learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets).

import * as fs from "fs";
import * as path from "path";
import {
  ApiUse,
  compareVersions,
  createProgram,
  declaredSets,
  featureFlags,
  findApiUses,
  hasTypes,
  isCovered,
  mirrorMemberSets,
  namespaceMemberSets,
  needFor,
  parseApiSet,
  productFiles,
} from "./support/requirement-sets";
import type * as ts from "typescript";

const ROOT = path.resolve(__dirname, "..");
/** Where HostFeatures and detectFeatures live: the adapter's read side, which excel-workbook.ts re-exports. */
const FEATURES = "src/adapters/office/excel-read.ts";
const FUNCTIONS = "src/functions/functions.ts";

/**
 * Booleans that stand for a HostFeatures flag, by file, with the reason. None now: the Office port
 * (excel-port.ts) names `features.validation` beside its `manual()` where it sets the calculation mode.
 */
const ALIASES = new Map<string, Map<string, string>>();

/** Code that exists only here, to show what the check accepts and refuses. */
const FIXTURE = path.join(ROOT, "test", "requirement-sets.fixture.ts");
const FIXTURE_TEXT = `
import { HostFeatures } from "../src/adapters/office/excel-workbook";
export function unguarded(context: Excel.RequestContext) { context.workbook.comments.add("A1", "x"); }
export function guardedByIf(context: Excel.RequestContext, features: HostFeatures) {
  if (features.comments) context.workbook.comments.add("A1", "x");
}
export function guardedByAnd(context: Excel.RequestContext, f: HostFeatures, ok: boolean) {
  return ok && f.comments && context.workbook.comments.add("A1", "x");
}
export function guardedByEarlyReturn(context: Excel.RequestContext, features: HostFeatures) {
  if (!features.comments) return;
  context.workbook.comments.add("A1", "x");
}
export function lowerFlag(context: Excel.RequestContext, features: HostFeatures) {
  if (features.validation) context.workbook.comments.add("A1", "x");
}
export function negated(context: Excel.RequestContext, features: HostFeatures) {
  if (!features.comments) context.workbook.comments.add("A1", "x");
}
export function either(context: Excel.RequestContext, features: HostFeatures, ok: boolean) {
  if (features.comments || ok) context.workbook.comments.add("A1", "x");
}
export function readMode(app: Excel.Application) { return app.calculationMode; }
export function writeMode(app: Excel.Application) { app.calculationMode = "Manual"; }
export function writeModeGuarded(app: Excel.Application, features: HostFeatures) {
  if (features.validation) app.calculationMode = "Manual";
}
export function elseBranch(app: Excel.Application, features: HostFeatures) {
  if (!features.screenUpdating) return 0;
  else app.suspendScreenUpdatingUntilNextSync();
}
export function destructured(context: Excel.RequestContext) { const { comments } = context.workbook; return comments; }
`;

describe("requirement sets", () => {
  let program: ts.Program;
  let declared: Map<string, string>;
  let flags: ReturnType<typeof featureFlags>;
  let product: ApiUse[];
  let aliasesUsed: Set<string>;
  let fixture: ApiUse[];
  const files = productFiles(ROOT, ["src/adapters/office", "src/taskpane", "src/functions"]);

  beforeAll(() => {
    program = createProgram(ROOT, files, { [FIXTURE]: FIXTURE_TEXT });
    declared = declaredSets(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));
    flags = featureFlags(program, path.join(ROOT, FEATURES));
    ({ uses: product, aliasesUsed } = findApiUses(program, ROOT, files, { flags, aliases: ALIASES }));
    ({ uses: fixture } = findApiUses(program, ROOT, [FIXTURE], { flags, aliases: new Map() }));
  }, 180_000);

  const describeUse = (u: ApiUse) => `${u.file}:${u.line} ${u.member} (${u.access}) needs [${u.tag}]`;

  it("finds the Office.js and runtime members of all three parts of the product", () => {
    expect(product.length).toBeGreaterThan(100);
    for (const dir of ["src/adapters/office/", "src/taskpane/", "src/functions/"])
      expect(product.some((u) => u.file.startsWith(dir.replace(/\//g, path.sep)))).toBe(true);
    const members = new Set(product.map((u) => u.member));
    for (const m of [
      "Excel.run",
      "Excel.Worksheet.getRangeByIndexes",
      "CustomFunctions.Error",
      "CustomFunctions.ErrorCode",
      "Office.onReady",
    ])
      expect(members).toContain(m);
  });

  it("uses every member within manifest.xml's requirement sets, or behind a HostFeatures check", () => {
    const outside = product.filter((u) => !isCovered(u, declared, flags)).map(describeUse);
    expect(outside).toEqual([]);
  });

  it("declares no higher a set than the code needs without a check, so no Excel that could run it is shut out", () => {
    const highest = new Map<string, string>();
    for (const u of product) {
      if (isCovered(u, declared, flags) !== "declared" || u.need.length !== 1) continue;
      const { set, version } = u.need[0];
      if (!highest.has(set) || compareVersions(version, highest.get(set)!) > 0) highest.set(set, version);
    }
    expect(highest.get("ExcelApi")).toBe(declared.get("ExcelApi"));
    expect(highest.get("CustomFunctionsRuntime")).toBe(declared.get("CustomFunctionsRuntime"));
  });

  it("knows which set each HostFeatures flag detects, for every flag", () => {
    const checker = program.getTypeChecker();
    const adapter = program.getSourceFile(path.join(ROOT, FEATURES))!;
    const hostFeatures = adapter.statements.find((s) => (s as ts.InterfaceDeclaration).name?.text === "HostFeatures")!;
    const props = checker
      .getTypeAtLocation(hostFeatures)
      .getProperties()
      .map((p) => p.getName());
    expect([...flags.keys()].sort()).toEqual([...props].sort());
    for (const v of flags.values()) expect(v.set).toBe("ExcelApi");
  });

  it("relies on each named guard alias somewhere (none is stale)", () => {
    for (const [file, names] of ALIASES) for (const name of names.keys()) expect(aliasesUsed).toContain(`${file}:${name}`);
  });

  describe("on code written to test it", () => {
    /** How each use of `member` inside the fixture's function `fn` is covered. */
    const verdict = (fn: string, member: string) => {
      const lines = FIXTURE_TEXT.split("\n");
      const start = lines.findIndex((l) => l.includes(`function ${fn}(`)) + 1;
      const next = lines.findIndex((l, i) => i >= start && l.startsWith("export function"));
      const end = next < 0 ? lines.length : next;
      const uses = fixture.filter((u) => u.member === member && u.line >= start && u.line <= end);
      return uses.map((u) => isCovered(u, declared, flags));
    };

    it("refuses an ExcelApi 1.10 member used without a check, with a lower flag, under !flag or under flag || …", () => {
      for (const fn of ["unguarded", "lowerFlag", "negated", "either"]) expect(verdict(fn, "Excel.Workbook.comments")).toEqual([false]);
      expect(verdict("unguarded", "Excel.CommentCollection.add")).toEqual([false]);
      expect(verdict("destructured", "Excel.Workbook.comments")).toEqual([false]);
    });

    it("accepts it under if (flag), flag && …, and after if (!flag) return", () => {
      for (const fn of ["guardedByIf", "guardedByAnd", "guardedByEarlyReturn"])
        expect(verdict(fn, "Excel.CommentCollection.add")).toEqual(["guarded"]);
      expect(verdict("elseBranch", "Excel.Application.suspendScreenUpdatingUntilNextSync")).toEqual(["guarded"]);
    });

    it("reads 'ExcelApi 1.1 for get, 1.8 for set' per access", () => {
      expect(verdict("readMode", "Excel.Application.calculationMode")).toEqual(["declared"]);
      expect(verdict("writeMode", "Excel.Application.calculationMode")).toEqual([false]);
      expect(verdict("writeModeGuarded", "Excel.Application.calculationMode")).toEqual(["guarded"]);
    });
  });

  describe("Microsoft's tags", () => {
    it("are read with their per-use qualifiers", () => {
      const p = (t: string) => parseApiSet(t)!;
      expect(needFor(p("ExcelApi 1.1 for get, 1.8 for set"), "read")).toEqual([{ set: "ExcelApi", version: "1.1", kind: "read" }]);
      expect(needFor(p("ExcelApi 1.1 for get, 1.8 for set"), "write")).toEqual([{ set: "ExcelApi", version: "1.8", kind: "write" }]);
      expect(needFor(p("ExcelApi 1.1 for reading visibility; 1.2 for setting it."), "write")).toEqual([
        { set: "ExcelApi", version: "1.2", kind: "write" },
      ]);
      expect(needFor(p("ExcelApi 1.1 for String,Integer,Double,Boolean,Range,Error; 1.7 for Array"), "read")).toEqual([
        { set: "ExcelApi", version: "1.1", kind: "other" },
      ]);
      expect(needFor(p("SharedRuntime 1.1, Mailbox 1.10"), "read").map((a) => `${a.set} ${a.version}`)).toEqual([
        "SharedRuntime 1.1",
        "Mailbox 1.10",
      ]);
      expect(needFor(p("ExcelApi 1.9"), "write")).toEqual([{ set: "ExcelApi", version: "1.9", kind: "plain" }]);
      expect(parseApiSet("ExcelApi BETA (PREVIEW ONLY)")).toBeUndefined();
    });

    // The custom-functions runtime has no declarations here unless @types/custom-functions-runtime is
    // installed; functions.ts then mirrors the two members it uses, with their tags, and this holds
    // the mirror to Microsoft's declarations.
    (hasTypes(ROOT, "custom-functions-runtime") ? it : it.skip)("agree with the mirror of CustomFunctions in functions.ts", () => {
      const dts = path.join(ROOT, "node_modules", "@types", "custom-functions-runtime", "index.d.ts");
      const microsoft = namespaceMemberSets(dts, fs.readFileSync(dts, "utf8"), "CustomFunctions");
      const mirror = mirrorMemberSets(FUNCTIONS, fs.readFileSync(path.join(ROOT, FUNCTIONS), "utf8"));
      expect(mirror.size).toBe(2);
      for (const [member, set] of mirror) expect(microsoft.get(member.replace(/^CustomFunctions\./, ""))).toEqual(set);
    });
  });
});
