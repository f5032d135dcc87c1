import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import type { Logger } from "../service/log.js";
import { keepRunningOnErrors, type ErrorSource } from "./error-policy.js";

describe("the main process's error policy", () => {
  it("logs an uncaught error or rejection, counted, and lets the controller go on", () => {
    const lines: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [];
    const log: Logger = (level, message, fields) => void lines.push({ level, message, ...(fields ? { fields } : {}) });
    const proc = new EventEmitter();
    keepRunningOnErrors(proc as unknown as ErrorSource, log);
    proc.emit("uncaughtException", new Error("socket hang up"));
    proc.emit("unhandledRejection", "timeout");
    expect(lines.map((l) => [l.level, l.message, l.fields?.error, l.fields?.count])).toEqual([
      ["error", "main process: uncaught exception; the wall keeps running", "socket hang up", 1],
      ["error", "main process: unhandled rejection; the wall keeps running", "timeout", 2],
    ]);
  });
});
