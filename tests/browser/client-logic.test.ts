import { describe, expect, it, vi } from "vitest";
import { allowedMoves } from "../../client/src/lib/allowed-moves.js";
import { errorMessage } from "../../client/src/lib/api.js";
import { normaliseCode, parseTrainerInput, personalLink, routeFromPath, trainerLink } from "../../client/src/lib/codes.js";
import { toSnapshot, type RawState, type RawView } from "../../client/src/net/snapshot.js";
import type { LogEntryType } from "../../shared/negotiation/events.js";
import { publicScenario, privateBrief } from "../../shared/negotiation/visibility.js";
import { PROTOCOL_VERSION } from "../../shared/protocol.js";
import { loadScenario } from "../support/scenarios.js";

// The browser's pure parts, without a browser: what to offer, codes and links, refs, and the state adapter.

const tender = loadScenario("commodity-corrugated.yaml");
const tenderPublic = publicScenario(tender);
const phase = (id: string) => {
  const p = tenderPublic.phases.find((x) => x.id === id);
  if (!p) throw new Error(`no phase ${id}`);
  return p;
};

describe("the moves the browser offers", () => {
  it("offers a tender supplier the stakeholder contact in the RFQ phase, where the scenario overrides the defaults", () => {
    expect(allowedMoves(phase("rfq"), { side: "sales", withdrawn: false }).has("stakeholder.contact")).toBe(true);
    expect(allowedMoves(phase("rfq"), { side: "procurement", withdrawn: false }).has("stakeholder.contact")).toBe(false);
    expect(allowedMoves(phase("round-1"), { side: "sales", withdrawn: false }).has("stakeholder.contact")).toBe(false);
  });

  it("offers a withdrawn supplier nothing", () => {
    expect(allowedMoves(phase("rfq"), { side: "sales", withdrawn: true }).size).toBe(0);
  });
});

describe("codes and private links", () => {
  it("accepts a code typed with spaces, a dash or in lower case", () => {
    expect(normaliseCode(" k7m2-qx9p ")).toBe("K7M2QX9P");
    expect(normaliseCode("K7M2 QX9P")).toBe("K7M2QX9P");
  });

  it("reads a seat route and a trainer route from the path", () => {
    expect(routeFromPath("/n/k7m2qx9p")).toEqual({ kind: "negotiation", code: "K7M2QX9P" });
    expect(routeFromPath("/n/K7M2-QX9P/trainer")).toEqual({ kind: "trainer", code: "K7M2QX9P" });
    expect(routeFromPath("/")).toEqual({ kind: "home" });
    expect(routeFromPath("/n/K7M2QX9P/other")).toEqual({ kind: "home" });
  });

  it("takes the trainer link or a bare key in the Facilitate field", () => {
    const link = trainerLink("https://sim.example", "K7M2QX9P", "secret/key+1");
    expect(parseTrainerInput(`  ${link} `)).toEqual({ code: "K7M2QX9P", key: "secret/key+1" });
    expect(parseTrainerInput("abc123")).toEqual({ code: null, key: "abc123" });
    expect(parseTrainerInput("https://sim.example/n/K7M2QX9P")).toBeNull(); // an invitation, not a trainer link
    expect(parseTrainerInput("   ")).toBeNull();
  });

  it("puts the seat token in the fragment, which browsers never send to the server", () => {
    const url = new URL(personalLink("https://sim.example", "K7M2QX9P", "t0k=n"));
    expect(url.pathname).toBe("/n/K7M2QX9P");
    expect(new URLSearchParams(url.hash.slice(1)).get("token")).toBe("t0k=n");
  });
});

describe("request refs", () => {
  it("never repeat, not even after a reload restarts the counter", async () => {
    const first = await import("../../client/src/net/refs.js");
    const a = [first.nextRef(), first.nextRef()];
    vi.resetModules(); // a fresh module instance, as after a page load
    const second = await import("../../client/src/net/refs.js");
    const b = [second.nextRef(), second.nextRef()];
    expect(new Set([...a, ...b]).size).toBe(4);
    expect(a[0]?.endsWith("-1")).toBe(true);
    expect(b[0]?.endsWith("-1")).toBe(true);
    for (const ref of [...a, ...b]) expect(ref.length).toBeLessThanOrEqual(64);
  });
});

describe("server errors in words", () => {
  it("says how long to wait when rate-limited, and shows the server's message otherwise", () => {
    expect(errorMessage(429, { error: "rate-limited", message: "slow down", retryAfterSeconds: 12.2 })).toBe("Too many attempts — try again in 13 seconds.");
    expect(errorMessage(403, { error: "wrong-passcode", message: "That passcode is not right." })).toBe("That passcode is not right.");
    expect(errorMessage(429, { message: "Too many join attempts from your network. Try again in 8 s." })).toMatch(/Try again in 8 s/);
    expect(errorMessage(500, null)).toMatch(/500/);
  });
});

describe("the state adapter", () => {
  const entry = (seq: number, by: string, type: LogEntryType, payload: object) => ({ seq, at: 1_000 + seq, by, type, phase: "rfq", payload: JSON.stringify(payload), audience: JSON.stringify("all") });
  const seat = (id: string, side: "procurement" | "sales") => ({ id, side, title: id, organisation: "Org", optional: false, displayName: id.toUpperCase(), occupant: "human", connection: "connected" as const, ready: false, objectivesSet: true, reflected: false });
  const raw = (viewKey: string, view: RawView): RawState => ({
    protocol: PROTOCOL_VERSION, negotiationId: "K7M2QX9P", scenario: JSON.stringify(tenderPublic), status: "running", phase: "rfq", phaseStartedAt: 1, phaseEndsAt: 2, paused: false, ending: "",
    seats: { buyer: seat("buyer", "procurement"), "supplier-a": seat("supplier-a", "sales"), "supplier-b": seat("supplier-b", "sales") },
    views: { [viewKey]: view },
  });

  it("builds a seat's private view and the withdrawn flags from its one view", () => {
    const snapshot = toSnapshot(raw("supplier-a", {
      viewer: "supplier-a", revealed: false,
      log: [entry(2, "supplier-a", "chat.send", { text: "b" }), entry(1, "buyer", "rfq.issue", {})],
      briefs: { "supplier-a": JSON.stringify(privateBrief(tender, "supplier-a")) },
      objectives: JSON.stringify({ "supplier-a": ["win-majority"] }), guesses: JSON.stringify({}), plans: JSON.stringify({ "supplier-a": "go" }),
      withdrawn: ["supplier-b"], debrief: "",
    }), "supplier-a");
    expect(snapshot?.log.map((e) => e.seq)).toEqual([1, 2]);
    expect(Object.keys(snapshot?.views ?? {})).toEqual(["supplier-a"]);
    expect(snapshot?.views["supplier-a"]).toMatchObject({ objectives: ["win-majority"], guesses: [], plan: "go", debrief: null });
    expect(snapshot?.views["supplier-a"]?.brief?.seat).toBe("supplier-a");
    expect(snapshot?.seats.find((s) => s.id === "supplier-b")?.withdrawn).toBe(true);
    expect(snapshot?.seats.find((s) => s.id === "supplier-a")?.withdrawn).toBe(false);
  });

  it("gives the trainer every seat's brief and debrief", () => {
    const briefs = Object.fromEntries(tender.seats.map((s) => [s.id, JSON.stringify(privateBrief(tender, s.id))]));
    const debrief = Object.fromEntries(tender.seats.map((s) => [s.id, { scenarioId: tender.id, own: null, counterparts: [], pairs: [], keyMoments: [] }]));
    const snapshot = toSnapshot(raw("#trainer", {
      viewer: "#trainer", revealed: true, log: [], briefs, objectives: "", guesses: "", plans: "", withdrawn: [], debrief: JSON.stringify(debrief),
    }), "#trainer");
    expect(Object.keys(snapshot?.views ?? {}).sort()).toEqual(tender.seats.map((s) => s.id).sort());
    for (const s of tender.seats) expect(snapshot?.views[s.id]?.debrief).toMatchObject({ scenarioId: tender.id });
    expect(snapshot?.revealed).toBe(true);
  });
});
