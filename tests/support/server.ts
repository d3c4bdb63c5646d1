import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ColyseusTestServer } from "@colyseus/testing";
import { startServer, type RunningServer } from "../../server/app.js";
import { readConfig, type ServerConfig } from "../../server/config.js";
import { createLogger } from "../../server/log.js";

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface TestServer {
  running: RunningServer;
  colyseus: ColyseusTestServer;
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

/** The real server on a free port and a fresh data directory (PGlite unless overridden), logging only warnings. */
export async function startTestServer(overrides: Partial<ServerConfig> = {}): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), "negotiation-test-"));
  const port = await freePort();
  // Every test shares one address: the per-address limits are raised unless a test sets them.
  const config: ServerConfig = { ...readConfig({}), port, host: "127.0.0.1", dataDir, logLevel: "warn", rateLimitScale: 100, ...overrides };
  const running = await startServer(config, createLogger(config.logLevel));
  const colyseus = new ColyseusTestServer(running.colyseus);
  return {
    running,
    colyseus,
    url: `http://127.0.0.1:${port}`,
    dataDir,
    async close() {
      await running.close();
      if (!overrides.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// Creating over HTTP lives apart so benches can use it without loading @colyseus/testing (which loads .env files and prints).
export { createNegotiation, type Created } from "./http.js";
