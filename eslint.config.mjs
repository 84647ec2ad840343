// Lint rules (`npm run lint`): typescript-eslint's recommended set, React hooks, merged imports,
// Prettier for layout, and the import boundaries that keep the layers apart:
//   engine ← workbook ← adapters ← apps (cli, taskpane, functions; the web and WPS entries); test support only under test/.
// The boundaries between folders are import-x's no-restricted-paths zones (LAYER_ZONES): they resolve every
// import to its file — static, re-export and dynamic import() alike — so no spelling of a path gets past them.
// no-restricted-imports keeps packages (hosts, the DOM, Node) out of the pure layers.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import importX, { createNodeResolver } from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Packages a pure layer must not import: hosts, the DOM, Node. */
const HOST_MODULES = [
  "react",
  "react-dom",
  "react-dom/*",
  "@fluentui/*",
  "exceljs",
  "playwright-core",
  "fs",
  "fs/*",
  "path",
  "os",
  "child_process",
  "util",
  "node:*",
];

function restrict(patterns, message) {
  return ["error", { patterns: [{ group: patterns, message }] }];
}

/** The apps, each a folder of src/: they share the layers below and never import one another. */
const APPS = ["cli", "taskpane", "functions"];
/** Host entry points that put apps together for one host: the web page and WPS mount the pane and register the functions. */
const HOSTS = ["web", "wps"];
const src = (folder) => `./src/${folder}`;
const apps = (...names) => names.map(src);
/**
 * The workbook layer's parts the task pane loads on demand (taskpane/host/on-demand.ts), each its own chunk: through the
 * index they would all be one. Entry points, not internals: each is a whole step (generate, set up, import).
 */
const ON_DEMAND = ["./pipeline.ts", "./set-up.ts", "./import-plan.ts"];

/** Which folder may import which: import-x/no-restricted-paths zones (target may not import from). */
const LAYER_ZONES = [
  {
    target: src("engine"),
    from: [src("workbook"), src("adapters"), ...apps(...APPS, ...HOSTS)],
    message: "The engine is pure: nothing from the layers above it.",
  },
  { target: src("workbook"), from: [src("adapters"), ...apps(...APPS, ...HOSTS)], message: "The workbook layer imports only the engine." },
  { target: src("adapters"), from: apps(...APPS, ...HOSTS), message: "An adapter serves the apps and never imports one." },
  ...[src("workbook"), src("adapters"), ...apps(...APPS, ...HOSTS)].map((target) => ({
    target,
    from: src("engine"),
    except: ["./index.ts"],
    message: "Outside its folder the engine is imported through its index (../engine) only.",
  })),
  ...[src("adapters"), ...apps("cli", "functions", ...HOSTS)].map((target) => ({
    target,
    from: src("workbook"),
    except: ["./index.ts"],
    message: "Outside its folder the workbook layer is imported through its index (../workbook) only.",
  })),
  {
    target: src("taskpane"),
    from: src("workbook"),
    except: ["./index.ts", ...ON_DEMAND],
    message: "The task pane imports the workbook layer through its index, or loads one of its steps on demand (ON_DEMAND).",
  },
  { target: src("cli"), from: apps("taskpane", "functions", ...HOSTS), message: "The command-line tool imports no other app." },
  { target: src("functions"), from: apps("cli", "taskpane", ...HOSTS), message: "The custom functions import no other app." },
  { target: src("taskpane"), from: apps("cli", "functions", ...HOSTS), message: "The task pane imports no other app." },
  ...HOSTS.map((host) => ({ target: src(host), from: src("cli"), message: "A host entry point does not import the command-line tool." })),
  { target: "./src", from: ["./test", "./bench"], message: "Product code does not import tests or benchmarks." },
];

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      "dist-cli/",
      "dist-bench/",
      "dist-wps/",
      "dist-web/",
      "out/",
      "coverage/",
      "test-output/",
      ".scratch/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "import-x": importX },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "import-x/no-duplicates": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "no-restricted-syntax": ["error", { selector: "CallExpression[callee.name='eval']", message: "No eval." }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/**/*.test.{ts,tsx}"],
    settings: { "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".mjs", ".json"] })] },
    rules: { "import-x/no-restricted-paths": ["error", { zones: LAYER_ZONES }] },
  },
  {
    files: ["src/engine/**/*.ts", "src/workbook/**/*.ts"],
    ignores: ["src/**/*.test.ts"],
    rules: {
      "no-restricted-imports": restrict(HOST_MODULES, "The engine and the workbook layer are pure: no host, DOM or Node import."),
    },
  },
  {
    // The adapters the task pane loads in the browser: no Node module, and ExcelJS only as a type (the
    // caller hands in its workbook; the pane loads ExcelJS on demand). Node's file handling is xlsx/file.ts.
    files: ["src/adapters/xlsx/cells.ts", "src/adapters/xlsx/writer.ts", "src/adapters/office/**/*.ts"],
    ignores: ["src/**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["fs", "fs/*", "path", "os", "child_process", "util", "node:*"],
              message: "Node-free: the task pane runs this module.",
            },
            { group: ["exceljs"], allowTypeImports: true, message: "ExcelJS only as a type here: the caller loads it." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}", "src/web/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ["test/**/*.{ts,tsx}", "src/**/*.test.{ts,tsx}", "bench/**/*.ts"],
    languageOptions: { globals: { ...globals.jest, ...globals.browser } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // custom-functions-metadata-plugin reads the parameter types: `any` is how a function takes any cell.
    files: ["src/functions/functions.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // The in-memory Excel host mirrors Office.js's loosely typed corners and Excel's control characters.
    files: ["test/support/memory-excel/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "no-control-regex": "off" },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  prettier,
  {
    // Sizes a reader can hold: long lines and long functions were where rules hid twice. After prettier's
    // config, which turns max-len off (prettier wraps code at 140; what it cannot wrap, strings and comments, counts).
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/**/*.test.{ts,tsx}"],
    rules: {
      "max-len": ["error", { code: 140, ignoreUrls: true }],
      "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Excel shows a custom function's JSDoc description as its help text, one paragraph each.
    files: ["src/functions/functions.ts"],
    rules: { "max-len": ["error", { code: 140, ignoreUrls: true, ignoreComments: true }] },
  },
);
