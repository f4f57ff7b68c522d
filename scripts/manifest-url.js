// Shared by webpack and the tests: the production manifest must not keep a single localhost URL
// (Microsoft's template replaced only what its pattern caught), so replace every occurrence literally.
const DEV_URL = "https://localhost:3000/";
const DEV_ORIGIN = "https://localhost:3000";

function rewriteManifestUrls(xml, deployUrl) {
  if (!/^https:\/\//.test(deployUrl)) {
    throw new Error(`The deploy URL must be https:// (got "${deployUrl}")`);
  }
  const base = deployUrl.endsWith("/") ? deployUrl : `${deployUrl}/`;
  // AppDomain entries are bare origins, so they get the deploy origin rather than the full base URL.
  return xml.split(DEV_URL).join(base).split(DEV_ORIGIN).join(new URL(base).origin);
}

module.exports = { DEV_URL, rewriteManifestUrls };
