// `npm start`: on Windows and macOS, Microsoft's flow (dev certs, dev server, sideload into Excel desktop).
// Elsewhere (Linux, CI) Excel cannot be sideloaded, so build, serve and point the user at the workbench,
// the real add-in running beside a spreadsheet grid.
const fs = require("fs");
const path = require("path");
const http = require("http");
const https = require("https");
const { spawn, spawnSync } = require("child_process");
const devServer = require("./dev-server-state");

const ROOT = path.resolve(__dirname, "..");
const { logFile: LOG_FILE } = devServer.files(ROOT);
const HOST = "localhost";
const PORT = Number(process.env.PORT || process.env.npm_package_config_dev_server_port || 3000);
const PAGE = fs.existsSync(path.join(ROOT, "src", "dev", "workbench"))
  ? "workbench.html"
  : "taskpane.html";

if (process.platform === "win32" || process.platform === "darwin") {
  const result = spawnSync("npx", ["office-addin-debugging", "start", "manifest.xml"], {
    stdio: "inherit",
    shell: true,
  });
  process.exit(result.status ?? 1);
}

async function devCertificates() {
  // Generating certificates needs no sudo; only trusting the CA system-wide does, and browsers on Linux
  // keep their own trust store anyway, so we serve https with an untrusted CA and say how to trust it.
  try {
    const defaults = require("office-addin-dev-certs/lib/defaults");
    const { generateCertificates } = require("office-addin-dev-certs/lib/generate");
    if (
      !fs.existsSync(defaults.localhostCertificatePath) ||
      !fs.existsSync(defaults.localhostKeyPath)
    ) {
      await generateCertificates();
    }
    return defaults.certificateDirectory;
  } catch (error) {
    return { reason: error.message.split("\n")[0] };
  }
}

function probe(url) {
  const client = url.startsWith("https") ? https : http;
  return new Promise((resolve) => {
    const request = client.get(url, { rejectUnauthorized: false, timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on("error", () => resolve(false));
    request.on("timeout", () => {
      request.destroy();
      resolve(false);
    });
  });
}

async function main() {
  const earlier = devServer.inspect(ROOT);
  if (earlier.status === "running") {
    const answering = earlier.state ? await probe(earlier.state.url) : false;
    console.log(devServer.describeRunning(ROOT, earlier, answering));
    return;
  }
  if (earlier.status === "stale") {
    devServer.forget(ROOT);
    console.log(`Removed the record of an earlier dev server: ${earlier.reason}.`);
  }
  // Checked before building, so a taken port is reported at once, not as a server that never comes up.
  const portProblem = await devServer.portProblem(PORT);
  if (portProblem) {
    console.error(devServer.describePortProblem(PORT, portProblem));
    process.exitCode = 1;
    return;
  }
  const certs =
    process.env.CAPPLAN_HTTP === "1" ? { reason: "CAPPLAN_HTTP=1" } : await devCertificates();
  const env = { ...process.env, PORT: String(PORT) };
  let scheme = "https";
  if (typeof certs === "string") {
    env.CAPPLAN_CERT_DIR = certs;
  } else {
    env.CAPPLAN_HTTP = "1";
    scheme = "http";
  }
  const log = fs.openSync(LOG_FILE, "w");
  const server = spawn(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "serve", "--mode", "development"],
    {
      cwd: ROOT,
      env,
      detached: true,
      stdio: ["ignore", log, log],
    }
  );
  const { url } = devServer.record(ROOT, {
    pid: server.pid,
    scheme,
    host: HOST,
    port: PORT,
    page: PAGE,
  });
  server.unref();

  process.stdout.write(
    `Building and serving on port ${PORT} (log: ${path.relative(ROOT, LOG_FILE)})`
  );
  const deadline = Date.now() + 180000;
  while (Date.now() < deadline) {
    if (await probe(url)) break;
    if (server.exitCode !== null) break;
    process.stdout.write(".");
    await new Promise((r) => setTimeout(r, 1000));
  }
  process.stdout.write("\n");
  if (!(await probe(url))) {
    console.error(`The dev server did not come up; see ${LOG_FILE}:`);
    console.error(fs.readFileSync(LOG_FILE, "utf8").split("\n").slice(-30).join("\n"));
    // A server that exited leaves nothing to stop; one still alive stays recorded for `npm stop`.
    if (server.exitCode !== null) devServer.forget(ROOT);
    process.exitCode = 1;
    return;
  }
  console.log(`Capacity Planner is running: ${url}`);
  if (scheme === "https") {
    console.log(
      `https uses the Office dev certificates in ${certs}; to trust them, import ca.crt into your browser (or accept the warning).`
    );
  } else {
    console.log(
      `Serving plain http on localhost because dev certificates could not be made (${certs.reason}).`
    );
  }
  console.log("Excel desktop cannot be sideloaded on this platform; `npm stop` stops the server.");
  if (process.env.DISPLAY && !process.env.CI) {
    spawn("xdg-open", [url], { detached: true, stdio: "ignore" })
      .on("error", () => {})
      .unref();
  }
}

main();
