import type { IncomingMessage, Server as HttpServer } from "node:http";
import { matchMaker, ServerError } from "@colyseus/core";
import type { Logger } from "../log.js";
import type { AddressLimits } from "./limits.js";

/** Colyseus matchmaking methods a client may call over HTTP: join a room by its code, reconnect to a held seat. */
const EXPOSED = ["joinById", "reconnect"];

/**
 * Closes Colyseus's generic matchmaking routes (create, join, joinOrCreate):
 * negotiations are created only through POST /api/negotiations, and joined
 * only by code. Joins are rate-limited per address.
 */
export function guardMatchmaking(limits: AddressLimits, log: Logger): void {
  // The matchmaker is one per process: a second server in the same process (tests) replaces the guard's limits.
  guard = { limits, log };
  if (original) return;
  const controller = matchMaker.controller;
  controller.exposedMethods = [...EXPOSED];
  const invoke = controller.invokeMethod.bind(controller);
  original = invoke;
  controller.invokeMethod = async (method, roomName, clientOptions, authOptions) => {
    if (!EXPOSED.includes(method)) {
      guard?.log.warn("matchmaking method refused", { method: method.slice(0, 32), ip: authOptions?.ip });
      throw new ServerError(403, "Negotiations are created from the home page and joined with their code.");
    }
    const verdict = guard ? guard.limits.take("join", authOptions?.ip) : { ok: true as const };
    if (!verdict.ok) throw new ServerError(429, `Too many join attempts from your network. Try again in ${verdict.retryAfterSeconds} s.`);
    return invoke(method, roomName, clientOptions, authOptions);
  };
}

let original: typeof matchMaker.controller.invokeMethod | undefined;
let guard: { limits: AddressLimits; log: Logger } | undefined;

/**
 * Colyseus takes a client's address from X-Real-IP / X-Forwarded-For, which
 * anyone can send. Unless the operator says a proxy sets them (TRUST_PROXY),
 * overwrite them with the socket's address so limits cannot be dodged.
 * Must be installed after `listen()`, in front of Colyseus's own listener.
 */
export function stampClientAddress(server: HttpServer, trustProxy: boolean): void {
  if (trustProxy) return;
  server.prependListener("request", (req: IncomingMessage) => {
    const address = req.socket.remoteAddress ?? "unknown";
    req.headers["x-real-ip"] = address;
    delete req.headers["x-forwarded-for"];
    delete req.headers["x-client-ip"];
  });
}
