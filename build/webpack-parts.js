// The pieces every browser build of the pane shares (the add-in's webpack.config.js, the 网页版's
// webpack.web.config.js): TypeScript through ts-loader, Griffel's styles extracted at build time, Fluent's
// token reads and themes as literals, the style sheet as a file. Each build adds its own entries, pages
// and output.

const path = require("path");
const MiniCssExtractPlugin = require("mini-css-extract-plugin");
const { GriffelCSSExtractionPlugin } = require("@griffel/webpack-extraction-plugin");

/**
 * Griffel at build time: the pane's makeStyles calls (imported from @fluentui/react-components) become
 * precomputed class tables, so the runtime style compiler (stylis, rtl-css-js) is not shipped.
 */
const GRIFFEL_AOT = {
  loader: "@griffel/webpack-loader",
  options: { modules: [{ moduleSource: "@fluentui/react-components", importName: "makeStyles", resetImportName: "makeResetStyles" }] },
};

/**
 * The module rules for the pane's sources and Fluent UI. `exclude`: sources another rule compiles;
 * `target`: the ECMAScript version TypeScript writes (the add-in's tsconfig.json default, ES2020, unless given).
 */
function paneRules({ dev, exclude = [], target }) {
  return [
    {
      test: /\.tsx?$/,
      exclude: [/node_modules/, ...exclude],
      use: [
        // Loaders run last to first: TypeScript → Griffel's build-time styles → CSS extraction.
        ...(dev ? [] : [GriffelCSSExtractionPlugin.loader, GRIFFEL_AOT]),
        {
          loader: "ts-loader",
          options: {
            instance: target ? `app-${target}` : "app",
            onlyCompileBundledFiles: true,
            // ES modules for webpack, so that Fluent UI and the engine are tree-shaken.
            compilerOptions: { module: "es2020", sourceMap: true, ...(target ? { target } : {}) },
          },
        },
      ],
    },
    // Fluent UI's components ship their styles precompiled (__styles); production moves them into the CSS file too.
    // build/fluent-token-literals.js first: see there why.
    ...(dev
      ? []
      : [
          {
            test: /\.m?js$/,
            include: /[\\/]node_modules[\\/]@fluentui[\\/]/,
            use: [GriffelCSSExtractionPlugin.loader, path.resolve(__dirname, "fluent-token-literals.js")],
          },
        ]),
    // The themes as literals of the tokens the pane uses, instead of Fluent's palettes and the code deriving them (see there).
    {
      test: /[\\/]src[\\/]taskpane[\\/]theme-(light|dark)\.ts$/,
      enforce: "post",
      use: path.resolve(__dirname, "fluent-theme-literal.js"),
    },
    { test: /\.css$/, use: [MiniCssExtractPlugin.loader, "css-loader"] },
    {
      test: /\.(png|jpg|jpeg|gif|ico)$/,
      type: "asset/resource",
      generator: { filename: "assets/[name][ext][query]" },
    },
  ];
}

/** The style sheet as a file the page links (production: with Griffel's extracted rules), so no CSS compiler runs in the page. */
function stylePlugins({ dev }) {
  return [new MiniCssExtractPlugin({ ignoreOrder: true }), ...(dev ? [] : [new GriffelCSSExtractionPlugin()])];
}

module.exports = { GRIFFEL_AOT, paneRules, stylePlugins };
