/**
 * The layers stay apart because tools refuse a wrong import, not because everybody remembers:
 * eslint's import boundaries (eslint.config.mjs: every import resolved to its file, import() included) and the pure layers' tsconfig (tsconfig.pure.json,
 * no DOM, Node or Office types). Each check is shown failing on a deliberately wrong file.
 */
import { spawnSync } from "child_process";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "..");
const LINT_TEXT = path.join(ROOT, "test", "support", "lint-text.mjs");

interface LintMessage {
  readonly ruleId: string | null;
  readonly message: string;
}

/** eslint's verdict on each `code` as if it were the file at `file` (nothing is written). */
function lint(cases: readonly { file: string; code: string }[]): LintMessage[][] {
  const run = spawnSync(process.execPath, [LINT_TEXT], { cwd: ROOT, input: JSON.stringify(cases), encoding: "utf8" });
  if (!run.stdout) throw new Error(`eslint gave no output: ${run.stderr}`);
  return JSON.parse(run.stdout) as LintMessage[][];
}

const wrong = (module: string, name = "x") => `import { ${name} } from "${module}";\nexport const y = ${name};\n`;
/** An import() the bundler splits off: what eslint's no-restricted-imports never saw. */
const later = (module: string) => `export const load = () => import("${module}");\n`;

/** The rules that hold the boundaries: packages (no-restricted-imports) and folders (no-restricted-paths, by resolved file). */
const BOUNDARY_RULES = new Set(["no-restricted-imports", "import-x/no-restricted-paths"]);

/** Each case: a file, its code, and whether the boundaries must refuse it. */
const CASES = [
  { what: "a Node module in the engine", file: "src/engine/probe.ts", code: wrong("fs", "readFileSync"), refused: true },
  { what: "React in the engine", file: "src/engine/probe.ts", code: wrong("react", "useState"), refused: true },
  { what: "ExcelJS in the engine", file: "src/engine/probe.ts", code: wrong("exceljs", "Workbook"), refused: true },
  { what: "the workbook layer in the engine", file: "src/engine/probe.ts", code: wrong("../workbook", "SHEETS"), refused: true },
  { what: "an app in the engine", file: "src/engine/probe.ts", code: wrong("../taskpane/App", "App"), refused: true },
  { what: "the engine's index in the workbook layer", file: "src/workbook/probe.ts", code: wrong("../engine", "FIELDS"), refused: false },
  {
    what: "an engine module in the workbook layer",
    file: "src/workbook/probe.ts",
    code: wrong("../engine/catalogue", "FIELDS"),
    refused: true,
  },
  { what: "Node in the workbook layer", file: "src/workbook/probe.ts", code: wrong("path", "join"), refused: true },
  {
    what: "the layers' indexes in an app",
    file: "src/cli/probe.ts",
    code: wrong("../engine", "FIELDS") + wrong("../workbook", "SHEETS"),
    refused: false,
  },
  { what: "an engine module in an app", file: "src/cli/probe.ts", code: wrong("../engine/records", "readRecords"), refused: true },
  {
    what: "test support in the pane",
    file: "src/taskpane/probe.ts",
    code: wrong("../../test/support/memory-excel", "MemoryExcel"),
    refused: true,
  },
  { what: "an engine module re-exported by an app", file: "src/cli/probe.ts", code: `export * from "../engine/records";\n`, refused: true },
  {
    what: "a workbook internal loaded on demand by the pane",
    file: "src/taskpane/host/probe.ts",
    code: later("../../workbook/plan"),
    refused: true,
  },
  {
    what: "a workbook step loaded on demand by the pane",
    file: "src/taskpane/host/probe.ts",
    code: later("../../workbook/pipeline"),
    refused: false,
  },
  { what: "the workbook layer loaded on demand by the engine", file: "src/engine/probe.ts", code: later("../workbook"), refused: true },
  {
    what: "an engine module loaded on demand by a function",
    file: "src/functions/probe.ts",
    code: later("../engine/rules"),
    refused: true,
  },
  { what: "the pane in the custom functions", file: "src/functions/probe.ts", code: wrong("../taskpane/i18n", "zh"), refused: true },
  { what: "the pane in the command-line tool", file: "src/cli/probe.ts", code: wrong("../taskpane/model", "x"), refused: true },
  { what: "the command-line tool in an adapter", file: "src/adapters/xlsx/probe.ts", code: wrong("../../cli/json", "x"), refused: true },
  { what: "an adapter in the pane", file: "src/taskpane/probe.ts", code: wrong("../adapters/xlsx/cells", "toCellValue"), refused: false },
];

describe("import boundaries (eslint)", () => {
  let verdicts: LintMessage[][];
  beforeAll(() => {
    verdicts = lint(CASES);
  });

  it.each(CASES.map((c, i) => [c.refused ? "refuse" : "allow", c.what, i] as const))("%s %s", (_, __, i) => {
    const boundaryErrors = verdicts[i].filter((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId));
    expect(boundaryErrors.length > 0).toBe(CASES[i].refused);
    // A probe that is allowed is otherwise clean too: the boundary rule is what decides.
    if (!CASES[i].refused) expect(verdicts[i]).toEqual([]);
  });
});

describe("sizes a reader can hold (eslint)", () => {
  const body = (lines: number) => Array.from({ length: lines }, (_, i) => `  total += ${i};`).join("\n");
  const fn = (lines: number) => `export function f(): number {\n  let total = 0;\n${body(lines)}\n  return total;\n}\n`;
  const cases = [
    { file: "src/workbook/probe.ts", code: fn(76) }, // 80 lines with its signature, declaration, return and brace
    { file: "src/workbook/probe.ts", code: fn(77) },
    { file: "src/engine/probe.ts", code: `export const s = "${"长".repeat(120)}";\n` },
    { file: "src/engine/probe.ts", code: `export const s = "${"长".repeat(130)}";\n` },
    { file: "src/engine/probe.test.ts", code: fn(120) },
  ];
  let verdicts: LintMessage[][];
  beforeAll(() => {
    verdicts = lint(cases);
  });
  const rules = (i: number) => verdicts[i].map((m) => m.ruleId);

  it("refuses a product function over 80 lines and accepts one of 80", () => {
    expect(rules(0)).toEqual([]);
    expect(rules(1)).toEqual(["max-lines-per-function"]);
  });

  it("refuses a product line over 140 characters and accepts one of 138", () => {
    expect(rules(2)).toEqual([]);
    expect(rules(3)).toEqual(["max-len"]);
  });

  it("leaves tests free to be long (a table of cases is easier read whole)", () => {
    expect(rules(4)).toEqual([]);
  });
});

/** Type errors of `code` compiled as `file` with the options of tsconfig.pure.json. */
function pureDiagnostics(file: string, code: string): string[] {
  const configPath = path.join(ROOT, "tsconfig.pure.json");
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const target = path.join(ROOT, file);
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => (path.resolve(name) === target ? code : readFile(name));
  host.fileExists = (name) => path.resolve(name) === target || ts.sys.fileExists(name);
  host.getSourceFile = (name, languageVersion, onError, shouldCreate) =>
    path.resolve(name) === target
      ? ts.createSourceFile(name, code, languageVersion)
      : getSourceFile(name, languageVersion, onError, shouldCreate);
  const program = ts.createProgram([target], config.options, host);
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(target)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("the pure layers' tsconfig", () => {
  it("compiles engine code that uses only the language", () => {
    expect(pureDiagnostics("src/engine/wrong.ts", `export const twice = (n: number): number => n * 2;\n`)).toEqual([]);
  });

  it.each([
    ["the DOM", "document.title"],
    ["Node", "Buffer.from('x')"],
    ["Office.js", "Excel.run"],
  ])("rejects a global of %s in the engine", (_, expression) => {
    const messages = pureDiagnostics("src/engine/wrong.ts", `export const x = ${expression};\n`);
    expect(messages.some((m) => /Cannot find name/.test(m))).toBe(true);
  });
});
