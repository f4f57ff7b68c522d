// Dev tooling for `npm start` / `npm stop` on Linux (never shipped): where the dev server started by
// `npm start` is recorded, and what to tell the user about one left by an earlier run. The pid file stays
// for the process group `npm stop` signals; the state file beside it records where the server listens, so a
// second `npm start` can say where the first one is instead of only "already running".
const fs = require("fs");
const net = require("net");
const path = require("path");

const PID_NAME = ".capplan-dev-server.pid";
const STATE_NAME = ".capplan-dev-server.json";
const LOG_NAME = ".capplan-dev-server.log";

function files(root) {
  return {
    pidFile: path.join(root, PID_NAME),
    stateFile: path.join(root, STATE_NAME),
    logFile: path.join(root, LOG_NAME),
  };
}

/** Records a server just started: its process group and the URL it serves. */
function record(root, { pid, scheme, host, port, page }) {
  const { pidFile, stateFile } = files(root);
  const state = {
    pid,
    url: `${scheme}://${host}:${port}/${page}`,
    scheme,
    host,
    port,
    startedAt: new Date().toISOString(),
  };
  fs.writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`);
  fs.writeFileSync(pidFile, String(pid));
  return state;
}

function forget(root) {
  const { pidFile, stateFile } = files(root);
  fs.rmSync(pidFile, { force: true });
  fs.rmSync(stateFile, { force: true });
}

const systemProcesses = {
  isAlive(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      // EPERM: it exists but belongs to another user; still alive.
      return error.code === "EPERM";
    }
  },
  /** The process's command line, or null where it cannot be read (no /proc): then liveness must do. */
  commandLine(pid) {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
    } catch {
      return null;
    }
  },
};

function readState(stateFile, pid) {
  try {
    const state = JSON.parse(fs.readFileSync(stateFile, "utf8"));
    return state && state.pid === pid && typeof state.url === "string" ? state : null;
  } catch {
    return null;
  }
}

/**
 * What an earlier `npm start` left: { status: "none" }, { status: "running", pid, state } (state null when
 * only an older pid file exists), or { status: "stale", pid, reason } for a record whose server is gone.
 * Reads only; the caller decides to forget a stale record.
 */
function inspect(root, processes = systemProcesses) {
  const { pidFile, stateFile } = files(root);
  if (!fs.existsSync(pidFile)) {
    return fs.existsSync(stateFile)
      ? { status: "stale", pid: null, reason: `${STATE_NAME} has no ${PID_NAME} beside it` }
      : { status: "none" };
  }
  const text = fs.readFileSync(pidFile, "utf8").trim();
  const pid = Number(text);
  if (!Number.isInteger(pid) || pid <= 0) {
    return { status: "stale", pid: null, reason: `${PID_NAME} holds "${text}", not a process id` };
  }
  if (!processes.isAlive(pid)) {
    return { status: "stale", pid, reason: `process ${pid} is no longer running` };
  }
  // A pid is reused after its process exits (e.g. after a reboot): only a webpack process is our server.
  const commandLine = processes.commandLine(pid);
  if (commandLine !== null && !/webpack/.test(commandLine)) {
    return {
      status: "stale",
      pid,
      reason: `process ${pid} is now another program (${commandLine.slice(0, 80)})`,
    };
  }
  return { status: "running", pid, state: readState(stateFile, pid) };
}

/** The message for a server still running from an earlier run: where it is, and how to stop it. */
function describeRunning(root, running, answering) {
  const { logFile } = files(root);
  const log = path.relative(root, logFile);
  const stop = "Stop it with `npm stop` (then `npm start` starts a fresh one).";
  if (!running.state) {
    return [
      `A dev server from an earlier \`npm start\` is already running (pid ${running.pid}), but where it listens was`,
      `not recorded (an older \`npm start\` started it; by default it is on port 3000). ${stop}`,
    ].join("\n");
  }
  const { url, port, startedAt } = running.state;
  return [
    `A dev server from an earlier \`npm start\` is already running: ${url}`,
    `  port ${port}, pid ${running.pid}, started ${startedAt}, log ${log}` +
      (answering
        ? ""
        : `\n  It does not answer at that URL yet (still building, or stuck): see ${log}.`),
    stop,
  ].join("\n");
}

/** null when `port` can be listened on (as webpack-dev-server will, on every interface), else the error code. */
function portProblem(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", (error) => resolve(error.code || String(error)));
    server.listen(port, () => server.close(() => resolve(null)));
  });
}

function describePortProblem(port, code) {
  if (code === "EADDRINUSE") {
    return [
      `Port ${port} is already in use by another program: not a dev server recorded by \`npm start\` in this`,
      "checkout (it may be one started from another checkout, or by hand). Stop that program, or choose another",
      `port: PORT=${port + 1} npm start`,
    ].join("\n");
  }
  return `Cannot listen on port ${port} (${code}); choose another port: PORT=${port < 1024 ? 3000 : port + 1} npm start`;
}

module.exports = {
  PID_NAME,
  STATE_NAME,
  LOG_NAME,
  files,
  record,
  forget,
  inspect,
  describeRunning,
  portProblem,
  describePortProblem,
  systemProcesses,
};
