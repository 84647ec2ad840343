// Bundles the benchmarks (bench/index.ts → dist-bench/index.js) with esbuild, as `npm run bench` runs them:
// one scope, as the command-line tool ships (see bench/index.ts).
//
// The pane's on-demand parts (src/taskpane/host/on-demand.ts) are dynamic import()s for webpack's chunks.
// In one Node bundle esbuild turns every module such an import reaches into a lazily initialised one,
// and a module then reached through a re-exporting index (src/workbook/index.ts) may be called before
// it is initialised. Nothing is loaded on demand in Node, so here those imports become static ones.

const esbuild = require("esbuild");
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");

/** `import(/* … *\/ "x")` → a namespace imported statically, resolved at once. */
function staticImports(source) {
  const names = [];
  const body = source.replace(/import\(\s*(?:\/\*[^*]*\*\/\s*)?("[^"]+")\s*\)/g, (_, spec) => {
    const name = `__static${names.length}`;
    names.push(`import * as ${name} from ${spec};`);
    return `Promise.resolve(${name})`;
  });
  return `${names.join("\n")}\n${body}`;
}

const onDemandStatic = {
  name: "on-demand-static",
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]taskpane[\\/]host[\\/]on-demand\.ts$/ }, (args) => ({
      contents: staticImports(fs.readFileSync(args.path, "utf8")),
      loader: "ts",
    }));
  },
};

esbuild
  .build({
    entryPoints: [path.join(ROOT, "bench", "index.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    packages: "external",
    outfile: path.join(ROOT, "dist-bench", "index.js"),
    logLevel: "warning",
    plugins: [onDemandStatic],
  })
  .catch(() => process.exit(1));
