// Builds the 网页版 (dist-web/): the pane as a standalone page, opened from a folder (file://) or an
// intranet server. No Office.js, no custom functions, nothing fetched from outside: every script, style
// sheet and image is a file beside index.html, loaded by a relative path.
//   npm run build:web
// The oldest browser it targets: Chromium 84 / Edge 84 (ES2020 syntax; WeakRef, which Fluent UI's focus
// tracking uses, is 84's), checked against each build in test/e2e/web.e2e.heavy.test.ts.

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { paneRules, stylePlugins } = require("./build/webpack-parts");

module.exports = (env, options) => {
  const dev = options.mode === "development";
  return {
    // Source maps in separate files only: no eval (the page's CSP has no 'unsafe-eval').
    devtool: "source-map",
    entry: { web: "./src/web/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist-web"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      // Chunks are found beside the page's own script, whether from file:// or a server.
      publicPath: "auto",
      devtoolModuleFilenameTemplate: "webpack:///[resource-path]?[loaders]",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".mjs", ".json"] },
    module: { rules: paneRules({ dev, target: "es2020" }) },
    plugins: [
      ...stylePlugins({ dev }),
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/web/index.html",
        chunks: ["web"],
        scriptLoading: "defer",
        inject: "head",
      }),
      new CopyWebpackPlugin({ patterns: [{ from: "assets/icon-*.png", to: "assets/[name][ext]" }] }),
    ],
    performance: { hints: dev ? false : "warning", maxEntrypointSize: 1200000, maxAssetSize: 1200000 },
  };
};
