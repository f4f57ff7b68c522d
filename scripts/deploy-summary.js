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

/** The path of a URL ("/capplan/"), "/" when it has none or cannot be parsed. */
function pathOf(url) {
  try {
    return new URL(url).pathname;
  } catch {
    return "/";
  }
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
  const prefix = pathOf(base);
  if (prefix !== "/" && !base.includes("localhost")) {
    // dist/_headers and dist/staticwebapp.config.json match /functions.json: right only when dist/ is the
    // site root. Below a path no rule matches, and Excel on the web then never registers the functions.
    lines.push(
      `  WARNING: the add-in is below the path ${prefix}, but dist/_headers and dist/staticwebapp.config.json`,
      "    match paths at the site root (/functions.json): on Netlify, Cloudflare Pages or Azure Static Web Apps",
      "    Excel on the web would get no CORS and the CAPPLAN functions would not register. Either:",
      "    - serve dist/ as the root of its own site (ADDIN_PUBLIC_URL without a path), or",
      "    - use deploy/nginx.conf (inside the location of that path) or the host's own header settings, or",
      `    - put _headers / staticwebapp.config.json at the site root with every rule prefixed by ${prefix.replace(/\/$/, "")}`,
      `      (e.g. ${prefix}functions.json, ${prefix}functions.js, ${prefix}assets/*).`
    );
  }
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
