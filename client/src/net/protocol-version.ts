/**
 * PROTOCOL_VERSION lives in shared/protocol.ts next to the zod schemas of
 * every message; a static import would put zod (~29 KB gzip) into the first
 * screen's download. It is loaded once, before the first join or server check.
 */
let version: Promise<number> | null = null;

export function protocolVersion(): Promise<number> {
  version ??= import("../../../shared/protocol.js").then((m) => m.PROTOCOL_VERSION);
  return version;
}
