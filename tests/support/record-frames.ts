/**
 * Records every raw WebSocket frame the Colyseus SDK receives, grouped by the
 * session id in the socket URL (stable across reconnections). Import this
 * module before @colyseus/sdk: the SDK picks its WebSocket class on import.
 */
const NativeWebSocket = globalThis.WebSocket;
if (!NativeWebSocket) throw new Error("record-frames needs a global WebSocket (Node 22 or later)");

export const framesBySession = new Map<string, Uint8Array[]>();

class RecordingWebSocket extends NativeWebSocket {
  constructor(url: string | URL, protocols?: string | string[] | { protocols?: string | string[] }) {
    const list = protocols && typeof protocols === "object" && !Array.isArray(protocols) ? protocols.protocols : protocols;
    super(url, list);
    const session = new URL(String(url)).searchParams.get("sessionId") ?? "unknown";
    const frames = framesBySession.get(session) ?? [];
    framesBySession.set(session, frames);
    this.addEventListener("message", (event) => {
      const data = event.data;
      frames.push(typeof data === "string" ? new TextEncoder().encode(data) : new Uint8Array(data as ArrayBuffer));
    });
  }
}

globalThis.WebSocket = RecordingWebSocket as typeof WebSocket;

/** Every frame one session received, decoded leniently as UTF-8 text for searching. */
export function receivedText(sessionId: string): string {
  const decoder = new TextDecoder("utf-8", { fatal: false });
  return (framesBySession.get(sessionId) ?? []).map((f) => decoder.decode(f)).join("\n");
}
