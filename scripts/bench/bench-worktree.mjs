// What a before/after benchmark starts or creates — child processes, temporary folders, a git worktree
// of the baseline — kept track of, so that an error, Ctrl-C or a crash leaves nothing behind.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, rmSync, unlinkSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const children = new Set();
export const tempDirs = new Set();
let worktree; // { root, dir } while the baseline checkout exists

/** A child started in its own process group (a build: npx → tsc) goes with its group. */
export function kill(child, signal) {
  try {
    if (child.group) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    // already gone
  }
}

export function cleanupSync() {
  for (const child of children) kill(child, "SIGKILL");
  children.clear();
  if (worktree) removeWorktreeSync();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

function removeWorktreeSync() {
  const { root, dir } = worktree;
  worktree = undefined;
  // The symlink goes first: nothing may ever walk into the repository's node_modules.
  try {
    unlinkSync(path.join(dir, "node_modules"));
  } catch {
    // not created yet
  }
  try {
    execFileSync("git", ["-C", REPO, "worktree", "remove", "--force", dir], { stdio: "ignore" });
  } catch {
    // not added yet, or already gone; prune forgets a half-made one
    try {
      execFileSync("git", ["-C", REPO, "worktree", "prune"], { stdio: "ignore" });
    } catch {
      // nothing to prune
    }
  }
  rmSync(root, { recursive: true, force: true });
}

/** Cleans up on Ctrl-C, SIGTERM and exit while `body` runs, and after it. */
export async function guarded(name, body) {
  const onSignal = (signal) => {
    console.error(`\n${name}: ${signal}, stopping what it started and removing the baseline worktree`);
    cleanupSync();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  process.on("exit", cleanupSync);
  try {
    return await body();
  } finally {
    cleanupSync();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    process.off("exit", cleanupSync);
  }
}

export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    // `what` may be a function: a message with the logs as they are when time runs out
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s ${typeof what === "function" ? what() : what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const tail = (text, n = 2000) => (text.length > n ? `…${text.slice(-n)}` : text);

/** Runs a command to completion; its output appears only if it fails. */
export async function run(cmd, args, { cwd, timeoutMs, what }) {
  const child = spawn(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.group = true;
  children.add(child);
  let out = "";
  child.stdout.on("data", (c) => (out = tail(out + c, 20_000)));
  child.stderr.on("data", (c) => (out = tail(out + c, 20_000)));
  const done = new Promise((resolve, reject) => {
    child.once("error", (e) => reject(new Error(`${what}: ${e.message}`)));
    child.once("exit", (code, signal) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${what} failed (${signal ?? `exit ${code}`}):\n${tail(out)}`));
    });
  });
  try {
    return await withTimeout(done, timeoutMs, what);
  } finally {
    if (child.exitCode === null && child.signalCode === null) kill(child, "SIGKILL");
    children.delete(child);
  }
}

export const git = (...args) => execFileSync("git", ["-C", REPO, ...args], { encoding: "utf8" }).trim();

/**
 * The baseline: `ref` checked out in a temporary worktree with the repository's node_modules, built
 * by `build` ([command, ...args], run there). Removed by cleanupSync (and so by `guarded`).
 */
export async function buildBaseline(ref, build, timeoutMs = 300_000) {
  let commit;
  try {
    commit = git("rev-parse", "--verify", "--quiet", `${ref}^{commit}`);
  } catch {
    throw new Error(`baseline "${ref}" is not a commit of ${REPO}`);
  }
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "ioc-wall-baseline-"));
  const dir = path.join(root, "repo");
  worktree = { root, dir };
  await run("git", ["-C", REPO, "worktree", "add", "--detach", dir, commit], { timeoutMs: 60_000, what: `adding a worktree of ${commit.slice(0, 7)} in ${dir}` });
  await fs.symlink(path.join(REPO, "node_modules"), path.join(dir, "node_modules"), "dir");
  const started = Date.now();
  await run(build[0], build.slice(1), { cwd: dir, timeoutMs, what: `building ${commit.slice(0, 7)} (${build.join(" ")})` });
  const cli = path.join(dir, "dist/electron/service/cli.js");
  if (!existsSync(cli)) throw new Error(`the baseline build made no ${cli}`);
  return {
    label: "before",
    describe: ((d) => (d.length > 90 ? `${d.slice(0, 89)}…` : d))(git("log", "-1", "--format=%h (%cs) %s", commit)),
    commit,
    cli,
    cwd: dir,
    buildSeconds: (Date.now() - started) / 1000,
  };
}
