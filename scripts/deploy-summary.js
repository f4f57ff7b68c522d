// Runs after `webpack --mode production` (npm run build): prints the URLs the built manifest sends
// Excel to, read back from dist/manifest.xml itself, so a team never uploads dist/ to one host and
// distributes a manifest that points at another.
const fs = require("fs");
const path = require("path");
const { deployTarget } = require("./manifest-url");

/** The bt:Url resources and AppDomains of a manifest (the only places it names its host). */
function manifestTargets(xml) {
  const url = (id) => {
    const match = new RegExp(
      `<bt:Url id="${id.replace(/\./g, "\\.")}" DefaultValue="([^"]+)"`
    ).exec(xml);
    return match ? match[1] : null;
  };
  const version = /<Version>([^<]+)<\/Version>/.exec(xml);
  return {
    version: version ? version[1] : null,
    taskpane: url("Taskpane.Url"),
    functionsJs: url("Functions.Script.Url"),
    functionsJson: url("Functions.Metadata.Url"),
    appDomains: Array.from(xml.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g), (m) => m[1]),
  };
}

function summary(xml, env) {
  const target = deployTarget(env);
  const t = manifestTargets(xml);
  const base = t.taskpane ? t.taskpane.replace(/taskpane\.html$/, "") : "(no Taskpane.Url)";
  const lines = [
    `Capacity Planner: dist/manifest.xml (Version ${t.version}) points Excel at ${base}`,
    `  (from ${target.source})`,
    `  task pane      ${t.taskpane}`,
    `  functions.js   ${t.functionsJs}`,
    `  functions.json ${t.functionsJson}`,
    `  Upload dist/ to ${base} with the CORS and cache headers of deploy/ (README: Sideload into Excel > Deploy).`,
  ];
  if (base.includes("localhost")) {
    lines.push("  This is a development manifest: run `npm run build` for production.");
  } else if (target.placeholder) {
    lines.push(
      "  WARNING: that is the placeholder host; build with ADDIN_PUBLIC_URL=https://your.host/path/ npm run build"
    );
  }
  return lines.join("\n");
}

if (require.main === module) {
  const file = path.resolve(__dirname, "..", "dist", "manifest.xml");
  if (!fs.existsSync(file)) {
    console.error(`${file} is missing: the build did not produce a manifest`);
    process.exit(1);
  }
  console.log(summary(fs.readFileSync(file, "utf8"), process.env));
}

module.exports = { manifestTargets, summary };
