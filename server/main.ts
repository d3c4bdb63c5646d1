import { startServer } from "./app.js";
import { ConfigError, readConfig } from "./config.js";
import { createLogger } from "./log.js";

/** `npm start`: one process serving the built client, the API and the game server. */
async function main() {
  let config;
  try {
    config = readConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  const running = await startServer(config, log);
  console.log(`Negotiation simulator ready on http://localhost:${running.port} (storage: ${running.services.store.kind})`);
  const stop = async (signal: string) => {
    log.info("shutting down", { signal });
    await running.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(`The server could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
