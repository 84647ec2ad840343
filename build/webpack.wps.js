// `npm run build:wps`: the WPS 表格 add-in (WPS 加载项) in dist-wps/ — the add-in folder kp12328_<version>/
// (index.html → main.js with the ribbon's callbacks and the KAOPING functions, ribbon.xml, the task pane),
// and beside it both deployment routes (build/wps-package.js): publish.html / publish.xml and jsplugins.xml
// with the offline package kp12328.7z. The pane's sources go through the same rules as the Excel add-in's
// (build/webpack-parts.js).
//
// The browser target: WPS's embedded Chromium is older than Excel's WebView2 and differs by build and
// platform (Kingsoft documents no version; one build lacks crypto.randomUUID, Chromium 92). The floor is
// set by the engine, not by taste: its exact arithmetic uses BigInt, which came with Chromium 67 (2018,
// before any WPS 2019 build), and nothing can stand in for BigInt. So every emitted script, dependencies
// included, is lowered by esbuild to Chromium 67 (optional chaining, ??, class fields, logical assignment
// become older code), and src/wps/compat.ts fills in the library functions after 67 that the pane calls
// (Object.fromEntries, Array.prototype.flat/flatMap, globalThis). test/wps-build.heavy.test.ts parses every
// shipped script, refuses syntax after Chromium 67 and calls of functions after it that compat.ts lacks.

const path = require("path");
const webpack = require("webpack");
const esbuild = require("esbuild");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
const { paneRules, stylePlugins } = require("./webpack-parts");
const { ADDIN_NAME, WpsPackagePlugin, addinFolderName } = require("./wps-package");

/** The Chromium the shipped scripts run on, for esbuild and for the test that parses them (ES2020 less ?. and ??). */
const WPS_TARGET = { esbuild: "chrome67", chromium: 67 };

/** Lowers every emitted script to WPS_TARGET (webpack's own code and the dependencies' are not TypeScript's to lower). */
class LowerToTargetPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LowerToTargetPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "LowerToTargetPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_COMPATIBILITY },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (!name.endsWith(".js")) continue;
            const { code } = esbuild.transformSync(assets[name].source().toString(), {
              target: WPS_TARGET.esbuild,
              loader: "js",
              legalComments: "none",
            });
            compilation.updateAsset(name, new webpack.sources.RawSource(code));
          }
        },
      );
    });
  }
}

module.exports = async (_env, options) => {
  const dev = options.mode === "development";
  const version = require("../package.json").version;
  const generated = await generateCustomFunctionsMetadata(path.resolve(__dirname, "../src/functions/functions.ts"));
  if (generated.errors.length) throw new Error(generated.errors.join("\n"));
  const metadata = JSON.parse(generated.metadataJson).functions;
  // KP_WPS_OUT: another folder (the browser test builds its own, beside the build test's).
  const out = path.resolve(__dirname, "..", process.env.KP_WPS_OUT || "dist-wps");
  return {
    devtool: dev ? "source-map" : false,
    target: ["web", "es2017"],
    entry: {
      main: "./src/wps/ribbon.ts",
      taskpane: "./src/wps/taskpane.tsx",
    },
    output: {
      path: path.join(out, addinFolderName(version)),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".mjs", ".json"] },
    // TypeScript writes ES2020 (BigInt literals need it); LowerToTargetPlugin takes it down to Chromium 67.
    module: { rules: paneRules({ dev }) },
    plugins: [
      new webpack.DefinePlugin({ KAOPING_METADATA: JSON.stringify(metadata) }),
      ...stylePlugins({ dev }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/wps/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
        inject: "head",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/wps/ribbon.xml", to: "ribbon.xml" },
          { from: "src/wps/index.html", to: "index.html" },
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
        ],
      }),
      new LowerToTargetPlugin(),
      new WpsPackagePlugin({ out, name: ADDIN_NAME, version }),
    ],
    performance: { hints: false },
  };
};

module.exports.WPS_TARGET = WPS_TARGET;
