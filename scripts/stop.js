// `npm stop`: undo what `npm start` did on this platform.
const path = require("path");
const { spawnSync } = require("child_process");
const devServer = require("./dev-server-state");

const ROOT = path.resolve(__dirname, "..");

if (process.platform === "win32" || process.platform === "darwin") {
  const result = spawnSync("npx", ["office-addin-debugging", "stop", "manifest.xml"], {
    stdio: "inherit",
    shell: true,
  });
  process.exit(result.status ?? 1);
}

const earlier = devServer.inspect(ROOT);
if (earlier.status === "none") {
  console.log("Nothing to stop: no dev server started by `npm start` is recorded.");
  process.exit(0);
}
if (earlier.status === "stale") {
  // Never signal a recorded pid that is gone or now belongs to another program.
  console.log(`The recorded dev server was not running (${earlier.reason}); removed its record.`);
  devServer.forget(ROOT);
  process.exit(0);
}
try {
  // The server was started detached in its own process group, so this stops webpack and its children.
  process.kill(-earlier.pid, "SIGTERM");
  const where = earlier.state ? ` at ${earlier.state.url}` : "";
  console.log(`Stopped the dev server${where} (process group ${earlier.pid}).`);
} catch (error) {
  console.log(
    `The dev server (pid ${earlier.pid}) was not running: ${error.code ?? error.message}`
  );
}
devServer.forget(ROOT);
