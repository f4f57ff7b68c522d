/**
 * `npm start` / `npm stop` on Linux against what an earlier run left: scripts/start.js and scripts/stop.js are
 * copied into a scratch checkout and run there, beside a recorded pid file and state file and stand-in
 * processes, so no real dev server is built and this checkout's own record is never touched.
 */
import { spawn, spawnSync, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT } from "../../support/dist";

const PID_FILE = ".capplan-dev-server.pid";
const STATE_FILE = ".capplan-dev-server.json";

let root: string;
const children: ChildProcess[] = [];
const listeners: net.Server[] = [];

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "capplan-start-"));
  fs.mkdirSync(path.join(root, "scripts"));
  for (const name of fs.readdirSync(path.join(REPO_ROOT, "scripts"))) {
    if (name.endsWith(".js")) {
      fs.copyFileSync(path.join(REPO_ROOT, "scripts", name), path.join(root, "scripts", name));
    }
  }
});

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  await Promise.all(listeners.splice(0).map((s) => new Promise((r) => s.close(r))));
  fs.rmSync(root, { recursive: true, force: true });
});

function run(script: "start" | "stop", port: number) {
  const result = spawnSync(process.execPath, [path.join(root, "scripts", `${script}.js`)], {
    cwd: root,
    encoding: "utf8",
    timeout: 20000,
    // Plain http and no browser to open: nothing here may reach beyond the checks under test.
    env: { ...process.env, PORT: String(port), CAPPLAN_HTTP: "1", CI: "1", DISPLAY: "" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A long-running process leading its own process group, as the dev server `npm start` spawns does (so a
 * group signal from `npm stop` would reach it); `webpack` in its arguments makes it look like that server.
 */
async function standIn(looksLikeWebpack: boolean): Promise<{ pid: number; port: number }> {
  const code =
    "const s = require('http').createServer((q, r) => r.end('ok'));" +
    "s.listen(0, () => console.log(s.address().port));";
  const args = ["-e", code, ...(looksLikeWebpack ? ["webpack-cli/bin/cli.js", "serve"] : [])];
  const child = spawn(process.execPath, args, {
    stdio: ["ignore", "pipe", "ignore"],
    detached: true,
  });
  children.push(child);
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.once("data", (data: Buffer) => resolve(Number(String(data).trim())));
    child.once("exit", () => reject(new Error("the stand-in exited")));
  });
  return { pid: child.pid ?? 0, port };
}

/** A port held by some other program. */
async function takenPort(): Promise<number> {
  const server = net.createServer();
  listeners.push(server);
  await new Promise<void>((resolve) => server.listen(0, resolve));
  return (server.address() as net.AddressInfo).port;
}

function deadPid(): number {
  return spawnSync(process.execPath, ["-e", "0"]).pid ?? 0;
}

function recordServer(pid: number, port: number, withState = true): string {
  const url = `http://localhost:${port}/workbench.html`;
  fs.writeFileSync(path.join(root, PID_FILE), String(pid));
  if (withState) {
    const state = {
      pid,
      url,
      scheme: "http",
      host: "localhost",
      port,
      startedAt: "2026-12-02T14:00:00.000Z",
    };
    fs.writeFileSync(path.join(root, STATE_FILE), JSON.stringify(state));
  }
  return url;
}

const recorded = () =>
  fs.existsSync(path.join(root, PID_FILE)) || fs.existsSync(path.join(root, STATE_FILE));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

// The Linux path of the scripts (elsewhere `npm start` sideloads into Excel desktop; /proc tells pids apart).
const onLinux = process.platform === "linux" ? describe : describe.skip;

onLinux("npm start with a dev server from an earlier run", () => {
  it("prints the URL of a running server", async () => {
    // Given the earlier server is alive
    const server = await standIn(true);
    const url = recordServer(server.pid, server.port);
    // When npm start runs again
    const { status, stdout } = run("start", 3999);
    // Then it prints its URL and port and says npm stop stops it
    expect(stdout).toContain(`already running: ${url}`);
    expect(stdout).toContain(
      `port ${server.port}, pid ${server.pid}, started 2026-12-02T14:00:00.000Z`
    );
    expect(stdout).toContain("Stop it with `npm stop`");
    expect(stdout).not.toContain("does not answer");
    expect(status).toBe(0);
    expect(fs.readFileSync(path.join(root, PID_FILE), "utf8")).toBe(String(server.pid));
  });

  it("explains an old pid file without a URL", async () => {
    // Given only the pid file of an older npm start
    const server = await standIn(true);
    recordServer(server.pid, server.port, false);
    // When npm start runs again
    const { status, stdout } = run("start", 3999);
    // Then it says the URL was not recorded and how to stop it
    expect(stdout).toContain(`already running (pid ${server.pid}), but where it listens was`);
    expect(stdout).toContain("Stop it with `npm stop`");
    expect(status).toBe(0);
  });

  it("drops a stale record when the port is taken", async () => {
    // Given a stale pid file and the port taken by another program
    const port = await takenPort();
    const pid = deadPid();
    recordServer(pid, port);
    // When npm start runs
    const { status, stdout, stderr } = run("start", port);
    // Then it drops the record and says the port is taken, exit 1
    expect(stdout).toContain(
      `Removed the record of an earlier dev server: process ${pid} is no longer running.`
    );
    expect(stderr).toContain(`Port ${port} is already in use by another program`);
    expect(stderr).toContain(`PORT=${port + 1} npm start`);
    expect(status).toBe(1);
    expect(recorded()).toBe(false);
  });

  it("does not take another program for the server on start", async () => {
    // Given the recorded pid now belongs to another program
    const other = await standIn(false);
    recordServer(other.pid, other.port);
    // When npm start runs
    const { status, stdout, stderr } = run("start", other.port);
    // Then that program is not taken for the server
    expect(stdout).toContain(`process ${other.pid} is now another program`);
    expect(stderr).toContain(`Port ${other.port} is already in use by another program`);
    expect(status).toBe(1);
    expect(alive(other.pid)).toBe(true);
  });
});

onLinux("npm stop", () => {
  it("signals nothing when the recorded pid is another program's", async () => {
    // Given the recorded pid now belongs to another program
    const other = await standIn(false);
    recordServer(other.pid, other.port);
    // When npm stop runs
    const { status, stdout } = run("stop", other.port);
    // Then it signals nothing and drops the record
    expect(stdout).toContain(
      `The recorded dev server was not running (process ${other.pid} is now another program`
    );
    expect(status).toBe(0);
    // Give a stray signal time to land before looking.
    await new Promise((r) => setTimeout(r, 200));
    expect(alive(other.pid)).toBe(true);
    expect(recorded()).toBe(false);
  });

  it("stops the server's process group", async () => {
    // Given the dev server is alive
    const server = await standIn(true);
    const url = recordServer(server.pid, server.port);
    const exited = new Promise((r) => children[children.length - 1].once("exit", r));
    // When npm stop runs
    const { status, stdout } = run("stop", server.port);
    // Then it stops its process group, says where it ran, and drops the record
    expect(stdout).toContain(`Stopped the dev server at ${url} (process group ${server.pid}).`);
    expect(status).toBe(0);
    await exited;
    expect(recorded()).toBe(false);
  });
});
