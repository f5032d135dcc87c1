import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import path from "node:path";
import { createInterface } from "node:readline";
import { AccountStore, roleSchema, usernameSchema } from "./access/accounts.js";
import { ADMIN_TOKEN_FILE } from "./access/tokens.js";
import { configFromEnv, type ServiceConfig } from "./config.js";
import { consoleLogger, type Logger } from "./log.js";
import { RedisLink } from "./shared/redis-link.js";
import { SharedAccounts } from "./shared/shared-accounts.js";

/**
 * `npm run users -- add <name> --role operator` (password asked twice), `delete <name>`, `list`:
 * accounts for integrators on the controller. The running service is the one writer, so the
 * command goes through its API with the admin token; when no service answers, it writes the
 * state folder itself, and the service reads it on its next start.
 */
const USAGE = "usage: npm run users -- add <name> --role viewer|operator|admin · delete <name> · list";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** Lines from the terminal (echo off, for passwords) or, piped, from stdin. */
async function ask(prompts: string[]): Promise<string[]> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const answers: string[] = [];
  if (process.stdin.isTTY) {
    const muted = rl as unknown as { _writeToOutput?: (s: string) => void };
    for (const prompt of prompts) {
      process.stdout.write(prompt);
      muted._writeToOutput = () => undefined;
      answers.push(await new Promise<string>((resolve) => rl.question("", resolve)));
      process.stdout.write("\n");
    }
  } else {
    for await (const line of rl) {
      answers.push(line);
      if (answers.length === prompts.length) break;
    }
  }
  rl.close();
  return answers;
}

function adminToken(config: ServiceConfig): string | undefined {
  if (config.adminToken) return config.adminToken;
  try {
    return fs.readFileSync(path.join(config.stateDir, ADMIN_TOKEN_FILE), "utf8").trim();
  } catch {
    return undefined;
  }
}

/** The running service's answer, or undefined when nothing listens (or no admin token is at hand). */
async function viaService(config: ServiceConfig, method: string, pathname: string, body?: unknown): Promise<{ status: number; body: unknown } | undefined> {
  const token = adminToken(config);
  if (!token) return undefined;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host;
  const options: https.RequestOptions = {
    host,
    port: config.port,
    path: pathname,
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    // The service's own certificate, whoever signed it.
    ...(config.tls ? { ca: fs.readFileSync(config.tls.certFile), servername: "localhost" } : {}),
  };
  return new Promise((resolve, reject) => {
    const req = (config.tls ? https : http).request(options, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : {} }));
    });
    req.on("error", (e: NodeJS.ErrnoException) => (e.code === "ECONNREFUSED" ? resolve(undefined) : reject(e)));
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/**
 * The accounts as the wall keeps them when no service answers: with WALL_REDIS_URL, in Redis, which
 * every instance shares (the state folder keeps a copy); else the state folder.
 */
async function openAccounts(config: ServiceConfig): Promise<{ store: AccountStore; close: () => Promise<void> }> {
  const store = await AccountStore.open(config.stateDir, consoleLogger);
  if (!config.redisUrl) return { store, close: () => store.flushed() };
  // Its warnings only: a command's output is its answer.
  const quiet: Logger = (level, message, fields) => {
    if (level !== "info") consoleLogger(level, message, fields);
  };
  const link = new RedisLink(config.redisUrl, quiet);
  try {
    await link.connect();
  } catch (e) {
    await link.close();
    throw new Error(`WALL_REDIS_URL: the shared store does not answer (${(e as Error).message})`);
  }
  const shared = new SharedAccounts(link, store, `users-cli-${process.pid}`, quiet);
  await shared.start();
  return {
    store,
    close: async () => {
      await shared.close();
      await store.flushed();
      await link.close();
    },
  };
}

async function main(): Promise<void> {
  const [command, name, ...rest] = process.argv.slice(2);
  const config = configFromEnv();
  if (command === "list") {
    const remote = await viaService(config, "GET", "/api/users");
    const users = remote ? (remote.body as { users: unknown[] }).users : await offline(config, (store) => Promise.resolve(store.listUsers()));
    process.stdout.write(JSON.stringify(users, null, 2) + "\n");
    return;
  }
  const username = usernameSchema.safeParse(name);
  if (!username.success) fail(`${USAGE}\n${username.error.issues[0]?.message ?? ""}`);
  if (command === "add") {
    const roleAt = rest.indexOf("--role");
    const role = roleSchema.safeParse(roleAt >= 0 ? rest[roleAt + 1] : undefined);
    if (!role.success) fail(USAGE);
    const [password, again] = await ask([`password for ${username.data}: `, "again: "]);
    if (!password || password.length < 8) fail("password: at least 8 characters");
    if (password !== again) fail("the two passwords differ");
    const remote = await viaService(config, "POST", "/api/users", { username: username.data, password, role: role.data });
    if (remote) {
      if (remote.status !== 201) fail(`the service refused: ${remote.status} ${(remote.body as { error?: string }).error ?? ""}`);
    } else {
      if ((await offline(config, (store) => store.createUser(username.data, password, role.data))) === "taken") fail(`the username "${username.data}" is taken`);
      // The store logs a failed write and goes on (a service must); here the file is read back.
      const written = await AccountStore.open(config.stateDir, consoleLogger);
      if (!written.listUsers().some((u) => u.username === username.data)) fail(`could not write the accounts file in ${config.stateDir}`);
    }
    process.stdout.write(`account ${username.data} (${role.data}) created\n`);
  } else if (command === "delete") {
    const remote = await viaService(config, "DELETE", `/api/users/${username.data}`);
    const gone = remote ? remote.status === 204 : await offline(config, (store) => store.deleteUser(username.data));
    if (!gone) fail(`no account "${username.data}"`);
    process.stdout.write(`account ${username.data} deleted\n`);
  } else fail(USAGE);
}

/** One change or reading of the accounts without a running service. */
async function offline<T>(config: ServiceConfig, work: (store: AccountStore) => Promise<T>): Promise<T> {
  const { store, close } = await openAccounts(config);
  try {
    return await work(store);
  } finally {
    await close();
  }
}

main().catch((e: Error) => fail(e.message));
