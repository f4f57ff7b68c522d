/* eslint-disable no-undef */
// Build for the shared runtime: one page (taskpane.html) hosts the task pane and the custom functions
// (the ribbon button only shows the pane, so there is no separate commands bundle); functions.js is also a self-contained bundle that registers every CAPPLAN function.
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { rewriteManifestUrls, deployTarget, DEV_URL } = require("./scripts/manifest-url");
const { contentSecurityPolicy } = require("./scripts/csp");

// package.json "sideEffects" lists the only modules whose import does something by itself (the entry points,
// zodConfig.ts and startup.ts, CSS, the dev tools): every other module may be dropped when none of its exports
// is used. Without it, a barrel such as src/model/finance/index.ts kept the whole route engine in taskpane.js
// (which needs only a few finance helpers) once the lazily loaded template chunk used the engine too.
// A new module that must run when imported for its effect alone belongs in that list.
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

function deployUrl() {
  return deployTarget(process.env).url;
}

async function devServerTransport() {
  if (process.env.CAPPLAN_HTTP === "1") return "http";
  const fs = require("fs");
  if (process.env.CAPPLAN_CERT_DIR) {
    // Linux: scripts/start.js made the certificates but could not trust the CA (that needs sudo).
    const read = (name) => fs.readFileSync(path.join(process.env.CAPPLAN_CERT_DIR, name));
    return {
      type: "https",
      options: { ca: read("ca.crt"), cert: read("localhost.crt"), key: read("localhost.key") },
    };
  }
  const devCerts = require("office-addin-dev-certs");
  const options = await devCerts.getHttpsServerOptions();
  return { type: "https", options: { ca: options.ca, key: options.key, cert: options.cert } };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const config = {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/taskpane.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Chunks loaded on first use (template.<hash>.js) carry their content hash: a pane opened before a
      // redeploy asks for its own chunk (a clear CodeLoadFailed if the host dropped it), never a newer one
      // whose module ids do not match its taskpane.js.
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: "tsconfig.build.json" } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        templateParameters: {
          officeJs: dev ? "office/office.js" : OFFICE_JS_CDN,
          contentSecurityPolicy: contentSecurityPolicy({ development: dev }),
        },
        inject: "body",
        scriptLoading: "blocking",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          {
            from: "node_modules/office-ui-fabric-core/dist/css/fabric.min.css",
            to: "assets/fabric.min.css",
          },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return dev ? content : rewriteManifestUrls(content.toString(), deployUrl());
            },
          },
          // Static hosts read their header rules (CORS and caching for Excel on the web) from the root of
          // what is deployed, i.e. dist/; the nginx snippet stays in deploy/ (it is server configuration).
          // No extension: without toType, copy-webpack-plugin would take "_headers" for a folder.
          { from: "deploy/_headers", to: "_headers", toType: "file" },
          { from: "deploy/staticwebapp.config.json", to: "staticwebapp.config.json" },
          // A local office.js serves offline development only; production pages load Microsoft's CDN copy.
          ...(dev
            ? [{ from: "node_modules/@microsoft/office-js/dist/office.js", to: "office/office.js" }]
            : []),
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: env.WEBPACK_SERVE ? await devServerTransport() : "http",
      port: Number(process.env.PORT || process.env.npm_package_config_dev_server_port || 3000),
      hot: false,
      liveReload: false,
      client: false,
    },
  };
  return config;
};

// The workbench (src/dev/workbench, dev tooling: webpack.workbench.js) is a second compilation into the same
// dist/, run after this one; the add-in's configuration above is returned unchanged (only named, so the
// workbench can declare it runs after it).
const addinConfigFor = module.exports;
module.exports = async (env, options) => {
  const addin = await addinConfigFor(env, options);
  if (!require("fs").existsSync(path.join(__dirname, "src", "dev", "workbench"))) return addin;
  addin.name = addin.name || "addin";
  return [addin, require("./webpack.workbench.js")(env, options, addin)];
};

module.exports.DEV_URL = DEV_URL;
