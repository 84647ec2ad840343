// Lint rules (`npm run lint`): typescript-eslint's recommended set, React hooks, merged imports,
// Prettier for layout, and the import boundaries that keep the layers apart:
//   engine ← workbook ← adapters ← apps (cli, taskpane, functions); test support only under test/.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Imports a pure layer must not make: hosts, the DOM, Node, and the layers above it. */
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

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "dist-cli/", "dist-web/", "dist-bench/", "out/", "coverage/", "test-output/", ".scratch/"] },
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
    rules: {
      // Test support lives under test/, and product code never reaches for it.
      "no-restricted-imports": restrict(["**/test/**", "**/bench/**"], "Product code does not import tests or benchmarks."),
    },
  },
  {
    files: ["src/engine/**/*.ts"],
    ignores: ["src/engine/**/*.test.ts"],
    rules: {
      "no-restricted-imports": restrict(
        [
          ...HOST_MODULES,
          "**/workbook",
          "**/workbook/**",
          "**/adapters/**",
          "**/cli/**",
          "**/taskpane/**",
          "**/functions/**",
          "**/test/**",
        ],
        "The engine is pure: no host, DOM or Node import, and nothing from the layers above it.",
      ),
    },
  },
  {
    files: ["src/workbook/**/*.ts"],
    ignores: ["src/workbook/**/*.test.ts"],
    rules: {
      "no-restricted-imports": restrict(
        [...HOST_MODULES, "../engine/*", "**/adapters/**", "**/cli/**", "**/taskpane/**", "**/functions/**", "**/test/**"],
        "The workbook layer is pure and reaches the engine through its index (../engine) only.",
      ),
    },
  },
  {
    files: ["src/adapters/**/*.ts", "src/cli/**/*.ts", "src/taskpane/**/*.{ts,tsx}", "src/functions/**/*.ts"],
    ignores: ["src/**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-imports": restrict(
        ["**/engine/*", "**/workbook/*", "**/test/**", "**/bench/**"],
        "Outside their folders, the engine and the workbook layer are imported through their index only.",
      ),
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
