/* eslint-disable no-undef */
// The workbench (src/dev/workbench: dev tooling for machines without Excel) as a second webpack compilation
// next to the add-in's, emitting into the same dist/: workbench.html + workbench.js (grid, HyperFormula),
// workbench-office.js (the Office shim) and workbench-taskpane.html, which is the add-in's taskpane.html
// template with the shim in place of office.js and THE SAME functions.js and taskpane.js the add-in
// compilation emits, and workbench-functions.html (shim + functions.js only: the task pane closed).
// Nothing here reaches the add-in's bundles.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DIST = path.resolve(__dirname, "dist");

/** The add-in compilation's HtmlWebpackPlugin that writes taskpane.html (its template and parameters). */
function taskpanePlugin(addinConfig) {
  const plugin = (addinConfig.plugins || []).find(
    (p) => p instanceof HtmlWebpackPlugin && p.userOptions && p.userOptions.filename === "taskpane.html"
  );
  if (!plugin) throw new Error("webpack.workbench.js: the add-in config has no taskpane.html plugin");
  return plugin.userOptions;
}

/**
 * Appends <script> tags for bundles of the add-in compilation to one page, where HtmlWebpackPlugin
 * would inject its own chunks: the page then loads the very files the add-in ships, in the same order.
 */
class SiblingBundlesPlugin {
  constructor(page, files, { inject, defer }) {
    this.page = page;
    this.files = files;
    this.inject = inject;
    this.attributes = { type: "text/javascript", ...(defer ? { defer: true } : {}) };
  }

  apply(compiler) {
    compiler.hooks.compilation.tap("SiblingBundlesPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap("SiblingBundlesPlugin", (data) => {
        if (data.outputName !== this.page) return data;
        const tags = this.files.map((src) =>
          HtmlWebpackPlugin.createHtmlTagObject("script", { ...this.attributes, src })
        );
        if (this.inject === "head") data.headTags.push(...tags);
        else data.bodyTags.push(...tags);
        return data;
      });
    });
  }
}

module.exports = (env, options, addinConfig) => {
  const dev = options.mode === "development";
  const names = [].concat(options.configName || []);
  const onlyThis = names.length > 0 && !names.includes(addinConfig.name);
  const pane = taskpanePlugin(addinConfig);
  const bundleName = addinConfig.output.filename || "[name].js";
  const paneBundles = (pane.chunks || []).map((chunk) => bundleName.replace("[name]", chunk));
  return {
    name: "workbench",
    // After the add-in compilation: its output.clean must not sweep away what this one emits.
    // (`webpack --config-name workbench` builds this one alone, over an existing dist/.)
    dependencies: onlyThis ? [] : [addinConfig.name],
    devtool: dev ? "source-map" : false,
    entry: {
      workbench: "./src/dev/workbench/workbench.ts",
      "workbench-office": "./src/dev/workbench/officeShim.ts",
    },
    output: {
      path: DIST,
      filename: "[name].js",
      chunkFilename: "workbench-[name].js",
      // workbench-office.js shares the pane's window with taskpane.js: a chunk-loading global of its own, or
      // the two runtimes would take each other's chunks (the dev hook in officeShim.ts loads the template code).
      uniqueName: "capplan_workbench",
      clean: false,
    },
    resolve: {
      extensions: [".ts", ".js"],
      // HyperFormula's prebuilt browser bundle: no re-bundling of its ES sources (and chevrotain) on
      // every build. Its exports are the package's, so the typings still apply.
      alias: {
        hyperformula$: path.resolve(__dirname, "node_modules/hyperformula/dist/hyperformula.full.min.js"),
      },
    },
    module: {
      // Already minified UMD bundles (exceljs resolves to its "browser" build): nothing to parse.
      noParse: [/hyperformula\.full\.min\.js$/, /exceljs[\\/]dist[\\/]exceljs\.min\.js$/],
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { configFile: path.resolve(__dirname, "src/dev/workbench/tsconfig.json") },
          },
        },
        // The in-memory host is imported through its index only (eslint.config.mjs); its modules only
        // declare, so webpack may drop the ones a bundle does not use (workbench.js needs the address
        // and store helpers, not the object model that workbench-office.js carries).
        { test: /src[\\/]dev[\\/]excel-host[\\/].*\.ts$/, sideEffects: false },
      ],
    },
    // Dev tooling: the big libraries come minified already; our own code stays readable and the
    // build stays fast on small CI machines.
    optimization: { minimize: false },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "workbench.html",
        template: "./src/dev/workbench/workbench.html",
        chunks: ["workbench"],
        inject: "body",
      }),
      new HtmlWebpackPlugin({
        ...pane,
        filename: "workbench-taskpane.html",
        templateParameters: { ...(pane.templateParameters || {}), officeJs: "workbench-office.js" },
        chunks: [],
      }),
      new SiblingBundlesPlugin("workbench-taskpane.html", paneBundles, {
        inject: pane.inject === "head" ? "head" : "body",
        defer: pane.scriptLoading === "defer",
      }),
      // workbench.html?pane=closed: the shared runtime as Excel starts it with the workbook while the task
      // pane stays closed: the Office shim and the add-in's functions.js, but no taskpane.js.
      new HtmlWebpackPlugin({
        filename: "workbench-functions.html",
        templateContent:
          '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
          "<title>Capacity Planner runtime (task pane closed)</title>" +
          '<script src="workbench-office.js"></script></head><body></body></html>',
        chunks: [],
        inject: "body",
      }),
      new SiblingBundlesPlugin(
        "workbench-functions.html",
        paneBundles.filter((file) => file === bundleName.replace("[name]", "functions")),
        { inject: "body", defer: false }
      ),
    ],
  };
};
