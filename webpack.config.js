// Builds the add-in (Microsoft's Excel shared-runtime template shape): one page, taskpane.html,
// loads the custom functions and the task pane into the shared runtime; functions.json comes from
// the JSDoc of src/functions/functions.ts (then build/functions-metadata.js sets its top-level switches);
// manifest.xml is copied as dist/manifest.dev.xml (development: https://localhost:3000/) or as
// dist/manifest.prod.xml with its URLs pointed at the deployment (build/deployment.js):
//   KP12328_BASE_URL=https://<server>/<path>/ npm run build   or   npm run build -- --env baseUrl=https://<server>/<path>/
// A production build without a real HTTPS base URL stops with one line on stderr (docs/deployment.md).
// The intranet build (opt-in, for networks that cannot reach Microsoft's CDN): office.js and its host
// scripts from the @microsoft/office-js package, served from the add-in's own server (office-js/):
//   npm run build -- --env baseUrl=https://<server>/<path>/ --env officeJs=local
// Microsoft supports office.js only from its CDN; docs/deployment.md says so beside the switch.

const fs = require("fs");
const path = require("path");
const devCerts = require("office-addin-dev-certs");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { DEV_BASE_URL, DeploymentError, productionBaseUrl, productionManifest } = require("./build/deployment");
const { FinishFunctionsMetadataPlugin, METADATA_FILE } = require("./build/functions-metadata");
const { paneRules, stylePlugins } = require("./build/webpack-parts");

async function getHttpsOptions() {
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

/** Where the add-in's pages load office.js from: Microsoft's CDN, or (intranet build) office-js/ beside them. */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL = "office-js/office.js";

/** The task pane page, with office.js from the add-in's own server when `local`. */
function taskpaneTemplate(local) {
  const page = fs.readFileSync(path.join(__dirname, "src", "taskpane", "taskpane.html"), "utf8");
  if (!page.includes(OFFICE_JS_CDN)) throw new Error(`src/taskpane/taskpane.html no longer loads ${OFFICE_JS_CDN}`);
  return local ? page.split(OFFICE_JS_CDN).join(OFFICE_JS_LOCAL) : page;
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const localOfficeJs = env.officeJs === "local";
  const buildType = dev ? "dev" : "prod";
  let baseUrl = DEV_BASE_URL;
  if (!dev) {
    try {
      baseUrl = productionBaseUrl(env, process.env);
    } catch (error) {
      if (!(error instanceof DeploymentError)) throw error;
      console.error(error.message);
      process.exit(1);
    }
  }
  const config = {
    // Source maps in separate files only: no eval, so the pages need no 'unsafe-eval' (CSP).
    devtool: "source-map",
    entry: {
      // The functions bundle stands alone (it is also the manifest's Functions.Script.Url); the task
      // pane depends on it so the engine they share is loaded once in the shared runtime.
      functions: "./src/functions/functions.ts",
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: "functions" },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      devtoolModuleFilenameTemplate: "webpack:///[resource-path]?[loaders]",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
    },
    module: {
      rules: [
        {
          // custom-functions-metadata-plugin appends `CustomFunctions.associate(…)` calls to this file's
          // source; the runtime global has no type declarations here, so this one file is transpiled
          // only (tsc and jest type-check it as written).
          test: /[\\/]src[\\/]functions[\\/]functions\.ts$/,
          use: {
            loader: "ts-loader",
            options: { instance: "functions", transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: true } },
          },
        },
        ...paneRules({ dev, exclude: [/[\\/]src[\\/]functions[\\/]functions\.ts$/] }),
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: METADATA_FILE,
        input: "./src/functions/functions.ts",
      }),
      new FinishFunctionsMetadataPlugin(),
      // The pane's styles as one style sheet taskpane.html links (production), so the page needs no CSS compiler at run time.
      ...stylePlugins({ dev }),
      // Shared runtime: the task pane page hosts both bundles; there is no separate functions.html.
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        ...(localOfficeJs ? { templateContent: taskpaneTemplate(true) } : { template: "./src/taskpane/taskpane.html" }),
        chunks: ["functions", "taskpane"],
        scriptLoading: "defer",
        inject: "head",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext][query]" },
          { from: "src/taskpane/support.html", to: "support.html" },
          // office.js, its host-specific scripts and locale files, as Microsoft's package ships them.
          ...(localOfficeJs
            ? [
                {
                  from: path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist"),
                  to: "office-js",
                  info: { minimized: true },
                },
              ]
            : []),
          {
            from: "manifest*.xml",
            to: "[name]." + buildType + "[ext]",
            transform: (content) => (dev ? content : productionManifest(content.toString(), baseUrl)),
          },
        ],
      }),
    ],
    performance: {
      // The pane loads taskpane.js + functions.js (React, Fluent UI, the engine); budget in bytes before gzip.
      hints: dev ? false : "warning",
      maxEntrypointSize: 1200000,
      maxAssetSize: 1200000,
    },
    devServer: {
      static: { directory: path.join(__dirname, "dist"), publicPath: "/" },
      headers: {
        "Access-Control-Allow-Origin": "*",
      },
      server: {
        type: "https",
        options: env.WEBPACK_BUILD || options.https !== undefined ? options.https : await getHttpsOptions(),
      },
      port: process.env.npm_package_config_dev_server_port || 3000,
    },
  };

  return config;
};
