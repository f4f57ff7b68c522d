// `npm stop`: undo what `npm start` did on this platform.
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const PID_FILE = path.resolve(__dirname, "..", ".capplan-dev-server.pid");

if (process.platform === "win32" || process.platform === "darwin") {
  const result = spawnSync("npx", ["office-addin-debugging", "stop", "manifest.xml"], {
    stdio: "inherit",
    shell: true,
  });
  process.exit(result.status ?? 1);
}

if (!fs.existsSync(PID_FILE)) {
  console.log("Nothing to stop: no dev server started by `npm start` is recorded.");
  process.exit(0);
}
const pid = Number(fs.readFileSync(PID_FILE, "utf8").trim());
try {
  // The server was started detached in its own process group, so this stops webpack and its children.
  process.kill(-pid, "SIGTERM");
  console.log(`Stopped the dev server (process group ${pid}).`);
} catch (error) {
  console.log(`The dev server (pid ${pid}) was not running: ${error.code ?? error.message}`);
}
fs.rmSync(PID_FILE, { force: true });
