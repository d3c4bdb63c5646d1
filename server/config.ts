/**
 * Everything the server reads from its environment, in one place, with the
 * embedded defaults that let `npm start` run with nothing else installed.
 * docs/operations.md lists the same variables for operators.
 */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databaseSchema: string | undefined;
  redisUrl: string | undefined;
  publicAddress: string | undefined;
  scenariosDir: string;
  clientDir: string;
  reconnectSeconds: number;
  /** Minutes a room with nobody connected stays in memory; its negotiation stays stored and reopens on demand. */
  idleMinutes: number;
  /** Minutes a room nobody has joined yet stays in memory (its code reopens it from storage). */
  unjoinedMinutes: number;
  /** Multiplies every phase's minutes; < 1 speeds sessions up for demos and tests. */
  timeScale: number;
  /** Messages a client may send per second before it is told to slow down. */
  messagesPerSecond: number;
  /** When set, creating a negotiation asks for this passcode (a shared server open to strangers). */
  trainerPasscode: string | undefined;
  /** Multiplies the per-address limits on creating, looking up and joining (docs/security.md). */
  rateLimitScale: number;
  /** A reverse proxy in front sets X-Forwarded-For: believe it for client addresses (else the socket address counts). */
  trustProxy: boolean;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
}

export class ConfigError extends Error {}

const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const satisfies readonly ServerConfig["logLevel"][];

function number(env: NodeJS.ProcessEnv, name: string, fallback: number, check: (n: number) => boolean, hint: string): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || !check(value)) throw new ConfigError(`${name}="${raw}" is not valid: ${hint}`);
  return value;
}

/** Reads and checks the configuration; throws a ConfigError naming the bad variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const raw = env.LOG_LEVEL ?? "info";
  const level = LOG_LEVELS.find((l) => l === raw);
  if (!level) throw new ConfigError(`LOG_LEVEL="${raw}" must be one of ${LOG_LEVELS.join(", ")}`);
  return {
    port: number(env, "PORT", 2567, (n) => Number.isInteger(n) && n >= 0 && n < 65536, "a TCP port number (0 picks a free one)"),
    host: env.HOST || "0.0.0.0",
    dataDir: env.DATA_DIR || "./data",
    databaseUrl: env.DATABASE_URL || undefined,
    databaseSchema: env.DATABASE_SCHEMA || undefined,
    redisUrl: env.REDIS_URL || undefined,
    publicAddress: env.PUBLIC_ADDRESS || undefined,
    scenariosDir: env.SCENARIOS_DIR || "./scenarios",
    clientDir: env.CLIENT_DIR || "./dist/client",
    reconnectSeconds: number(env, "RECONNECT_SECONDS", 120, (n) => n >= 0 && n <= 3600, "seconds between 0 and 3600"),
    idleMinutes: number(env, "IDLE_MINUTES", 30, (n) => n > 0 && n <= 24 * 60, "minutes between 0 and 1440"),
    unjoinedMinutes: number(env, "UNJOINED_MINUTES", 2, (n) => n > 0 && n <= 24 * 60, "minutes between 0 and 1440"),
    timeScale: number(env, "TIME_SCALE", 1, (n) => n > 0 && n <= 10, "a factor between 0 and 10 (e.g. 0.1 for a ten-times faster demo)"),
    messagesPerSecond: number(env, "MESSAGES_PER_SECOND", 10, (n) => n >= 1 && n <= 1000, "between 1 and 1000"),
    trainerPasscode: env.TRAINER_PASSCODE || undefined,
    trustProxy: env.TRUST_PROXY === "1" || env.TRUST_PROXY === "true",
    rateLimitScale: number(env, "RATE_LIMIT_SCALE", 1, (n) => n > 0 && n <= 1000, "a factor between 0 and 1000 (e.g. 10 for a classroom behind one address)"),
    logLevel: level,
  };
}
