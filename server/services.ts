import type { Scenario } from "../shared/scenario/schema.js";
import type { ServerConfig } from "./config.js";
import type { AddressLimits } from "./http/limits.js";
import type { Logger } from "./log.js";
import type { NegotiationStore } from "./storage/store.js";

/**
 * What rooms need from their process: storage, the scenario catalogue,
 * configuration and the logger. Colyseus constructs rooms itself, and room
 * options may cross processes over Redis, so these are set once per process
 * instead of being passed through room options.
 */
export interface ServerServices {
  config: ServerConfig;
  store: NegotiationStore;
  scenarios: Map<string, Scenario>;
  log: Logger;
  version: string;
  /** Per-address limits on creating, looking up and joining; one table per process. */
  limits: AddressLimits;
}

let current: ServerServices | undefined;

export function setServices(services: ServerServices | undefined): void {
  current = services;
}

export function services(): ServerServices {
  if (!current) throw new Error("server services are not set: start the server with startServer()");
  return current;
}
