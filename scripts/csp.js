// The task pane's Content-Security-Policy, shared by webpack (written into taskpane.html as a <meta>) and
// the tests. Defence in depth: the sidebar builds DOM from text only, and this makes any slip inert.
//
// What the page needs, and nothing more:
//  - script-src: our own bundles and Office.js from Microsoft's CDN (office.js loads its host scripts from
//    the same host; ajax.aspnetcdn.com serves MicrosoftAjax.js, which some hosts still request). No
//    'unsafe-inline' and no 'unsafe-eval' for scripts: the pages have no inline script (zod's eval probe
//    is switched off in src/taskpane/zodConfig.ts).
//  - style-src 'unsafe-inline': the page's own <style> block, and Office.js on the web applies inline
//    styles (OfficeDev/office-js#1687). Styles cannot run code.
//  - connect-src https: team libraries live at any https address (libraryFetch.ts refuses everything
//    else); plain http only to the developer's own machine, in development builds (buildMode.ts).
//    (An IPv6 literal such as [::1] cannot be written in a CSP source, so development uses localhost.)
//  - font-src: Fabric's web fonts from Office's CDN (assets/fabric.min.css names that host).
//  - no plugins, no <base> elsewhere, no form submission (the URL form is handled in script).
// frame-ancestors cannot be set from a <meta>; Office frames the page, so it is left to the host.
const OFFICE_CDN = "https://appsforoffice.microsoft.com";
const ASP_NET_CDN = "https://ajax.aspnetcdn.com";
// office-ui-fabric-core's stylesheet loads the Segoe UI and Selawik web fonts from Office's font CDN.
const OFFICE_FONTS_CDN = "https://res-1.cdn.office.net";

/** @param {{ development: boolean }} options */
function contentSecurityPolicy({ development }) {
  const connect = ["'self'", "https:"];
  if (development) connect.push("http://localhost:*", "http://127.0.0.1:*");
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_CDN} ${ASP_NET_CDN}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `font-src 'self' data: ${OFFICE_FONTS_CDN}`,
    `connect-src ${connect.join(" ")}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

module.exports = { contentSecurityPolicy, OFFICE_CDN };
