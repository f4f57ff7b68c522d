// Shared by webpack, scripts/deploy-summary.js and the tests: the production manifest must not keep a
// single localhost URL (Microsoft's template replaced only what its pattern caught), so replace every
// occurrence literally.
const DEV_URL = "https://localhost:3000/";
const DEV_ORIGIN = "https://localhost:3000";
/** package.json's config.prod_url when npm did not pass it (webpack run directly). */
const FALLBACK_URL = "https://capplan.example.com/";

function rewriteManifestUrls(xml, deployUrl) {
  if (!/^https:\/\//.test(deployUrl)) {
    throw new Error(`The deploy URL must be https:// (got "${deployUrl}")`);
  }
  const base = deployUrl.endsWith("/") ? deployUrl : `${deployUrl}/`;
  // AppDomain entries are bare origins, so they get the deploy origin rather than the full base URL.
  return xml.split(DEV_URL).join(base).split(DEV_ORIGIN).join(new URL(base).origin);
}

/**
 * Where a production build points the manifest, and which setting said so: ADDIN_PUBLIC_URL wins,
 * then package.json's config.prod_url (npm passes it as npm_package_config_prod_url).
 */
function deployTarget(env) {
  const pick = env.ADDIN_PUBLIC_URL
    ? { url: env.ADDIN_PUBLIC_URL, source: "ADDIN_PUBLIC_URL" }
    : env.npm_package_config_prod_url
      ? { url: env.npm_package_config_prod_url, source: "package.json config.prod_url" }
      : { url: FALLBACK_URL, source: "the built-in default (package.json config.prod_url)" };
  const url = pick.url.endsWith("/") ? pick.url : `${pick.url}/`;
  return { url, source: pick.source, placeholder: new URL(url).hostname.endsWith("example.com") };
}

module.exports = { DEV_URL, FALLBACK_URL, rewriteManifestUrls, deployTarget };
