import { existsSync } from "node:fs";
import type { Server as HttpServer } from "node:http";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { defineRoom, defineServer, matchMaker, type Server } from "@colyseus/core";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { Encoder } from "@colyseus/schema";
import express from "express";
import { z } from "zod";
import { addExtension } from "msgpackr";
import { MAX_MESSAGE_BYTES } from "../shared/protocol.js";
import { loadCatalog } from "./scenarios/catalog.js";
import { readConfig, type ServerConfig } from "./config.js";
import { createLogger, type Logger } from "./log.js";
import { NegotiationRoom } from "./rooms/NegotiationRoom.js";
import { CohortRoom } from "./cohort/CohortRoom.js";
import { sessionRoutes } from "./http/sessions.js";
import { refuseRiskyMsgpackExtensions } from "./rooms/message-bounds.js";
import { resumeUnfinished } from "./rooms/resume.js";
import { setServices, type ServerServices } from "./services.js";
import { NegotiationStore } from "./storage/store.js";
import { apiRoutes } from "./http/api.js";
import { errorHandler } from "./http/errors.js";
import { AddressLimits, scaledLimits } from "./http/limits.js";
import { guardMatchmaking, stampClientAddress } from "./http/matchmaking.js";

// A full state carries the public scenario and, after the reveal, every brief: well over the 8 KB default.
Encoder.BUFFER_SIZE = 512 * 1024;
// Colyseus decodes every client frame with msgpackr's shared unpacker: its shared-reference, Error and RegExp
// extensions let a few hundred bytes expand exponentially inside the decoder, before any room code runs.
refuseRiskyMsgpackExtensions(addExtension);

export interface RunningServer {
  port: number;
  services: ServerServices;
  colyseus: Server;
  close(): Promise<void>;
}

async function packageVersion(): Promise<string> {
  const pkg: unknown = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"));
  return z.object({ version: z.string() }).parse(pkg).version;
}

/**
 * Starts one server process: storage (PGlite, or PostgreSQL by URL), the
 * scenario catalogue, Colyseus (with Redis presence and driver by URL), the
 * HTTP API and the built client; then resumes negotiations a crash left open.
 */
export async function startServer(config: ServerConfig = readConfig(), log: Logger = createLogger(config.logLevel)): Promise<RunningServer> {
  if (config.redisUrl && !config.databaseUrl) {
    log.warn("REDIS_URL without DATABASE_URL: each process keeps its own embedded store, so a negotiation is only stored by the process hosting it; set DATABASE_URL for a shared store");
  }
  const store = await NegotiationStore.open({ databaseUrl: config.databaseUrl, databaseSchema: config.databaseSchema, dataDir: config.dataDir });
  const catalog = await loadCatalog(config.scenariosDir);
  for (const p of catalog.problems) log.warn("scenario left out", { file: p.source, path: p.path, problem: p.message });
  const limits = new AddressLimits(scaledLimits(config.rateLimitScale));
  const services: ServerServices = { config, store, scenarios: catalog.scenarios, log, version: await packageVersion(), limits };
  setServices(services);
  guardMatchmaking(limits, log);

  const clientDir = resolve(config.clientDir);
  const colyseus = defineServer({
    // ws closes a socket whose frame exceeds maxPayload. Twice MAX_MESSAGE_BYTES: a move a little too large
    // gets a "too-large" reply; a frame far larger can only be hostile, and is refused before msgpackr decodes it
    // (a 240 KB object of 25,000 fields cost 40 ms to decode, stalling every room of the process).
    transport: new WebSocketTransport({ maxPayload: 2 * MAX_MESSAGE_BYTES }),
    greet: false,
    gracefullyShutdown: false,
    ...(config.publicAddress ? { publicAddress: config.publicAddress } : {}),
    ...(config.redisUrl ? { presence: new RedisPresence(config.redisUrl), driver: new RedisDriver(config.redisUrl) } : {}),
    rooms: { negotiation: defineRoom(NegotiationRoom), cohort: defineRoom(CohortRoom) },
    express: (app) => {
      app.disable("x-powered-by");
      app.set("trust proxy", config.trustProxy);
      app.use(express.json({ limit: "64kb" }));
      app.use("/", sessionRoutes(services));
      app.use("/", apiRoutes(services));
      if (existsSync(clientDir)) {
        app.use(express.static(clientDir, { index: false, maxAge: "1h" }));
        app.get("/{*any}", (_req, res) => res.sendFile(resolve(clientDir, "index.html")));
      } else {
        log.warn("client not built: only the API is served", { clientDir, hint: "npm run build" });
      }
      app.use(errorHandler(log));
    },
  });
  await colyseus.listen(config.port, config.host);
  const http = httpServer(colyseus);
  if (http) stampClientAddress(http, config.trustProxy);
  const port = listeningPort(http, config.port);
  log.info("server listening", { port, storage: store.kind, scale: config.redisUrl ? "redis" : "single", scenarios: [...catalog.scenarios.keys()] });
  const resumed = await resumeUnfinished(store, log);
  if (resumed.length) log.info("negotiations resumed after restart", { ids: resumed });

  return {
    port,
    services,
    colyseus,
    async close() {
      await colyseus.gracefullyShutdown(false);
      await store.close();
      setServices(undefined);
    },
  };
}

function httpServer(colyseus: Server): HttpServer | undefined {
  return colyseus.transport.server;
}

function listeningPort(http: HttpServer | undefined, fallback: number): number {
  const address = http?.address();
  return address && typeof address === "object" ? address.port : fallback;
}

export { matchMaker };
