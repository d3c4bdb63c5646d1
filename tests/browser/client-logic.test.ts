import { describe, expect, it, vi } from "vitest";
import { allowedMoves } from "../../client/src/lib/allowed-moves.js";
import { errorMessage } from "../../client/src/lib/api.js";
import { normaliseCode, parseTrainerInput, personalLink, routeFromPath, trainerLink } from "../../client/src/lib/codes.js";
import { describeEntry, type EntryContext } from "../../client/src/lib/describe-entry.js";
import { questionTopics, riskAnswers, unansweredRisks } from "../../client/src/lib/table-state.js";
import { toSnapshot, type RawState, type RawView } from "../../client/src/net/snapshot.js";
import type { LogEntry, LogEntryType } from "../../shared/negotiation/events.js";
import { publicScenario, privateBrief } from "../../shared/negotiation/visibility.js";
import { PROTOCOL_VERSION } from "../../shared/protocol.js";
import type { MoveType } from "../../shared/scenario/schema.js";
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

  it("offers the tender's buyer the disclosure form where the scenario lets procurement share facts in the RFQ", () => {
    const rfq = phase("rfq");
    const procurement: MoveType[] = ["phase.ready", "rfq.issue", "chat.send", "question.answer", "fact.disclose"];
    const shared = { ...rfq, moves: { ...rfq.moves, procurement } };
    expect(allowedMoves(shared, { side: "procurement", withdrawn: false }).has("fact.disclose")).toBe(true);
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

describe("structured moves: what a question is about, how a risk is answered", () => {
  const strategic = loadScenario("strategic-3pl.yaml");
  const pub = publicScenario(strategic);
  const salesBrief = privateBrief(strategic, "sales");
  const e = (seq: number, by: string, type: LogEntryType, payload: Record<string, unknown>): LogEntry => ({ seq, at: seq, by, type, phase: "discovery", payload, audience: "all" });

  it("groups a question's topics: issues, the other side's objectives, risks, and the asker's own value levers", () => {
    const groups = questionTopics(pub, "sales", salesBrief?.valueLevers ?? []);
    expect(groups.map((g) => g.kind)).toEqual(["issue", "objective", "risk", "lever"]);
    const objectives = groups.find((g) => g.kind === "objective")?.options.map((o) => o.id) ?? [];
    expect(objectives).toContain("meet-cfo-target");
    expect(objectives).not.toContain("multi-year"); // the seller's own objectives are not a question for the buyer
    expect(groups.find((g) => g.kind === "issue")?.options).toContainEqual({ id: "lane-scope", label: pub.issues.find((i) => i.id === "lane-scope")?.name });
    // A seat whose brief lists no levers gets no lever group.
    expect(questionTopics(pub, "procurement", []).map((g) => g.kind)).toEqual(["issue", "objective", "risk"]);
  });

  it("lists the risks the other side raised until this seat answers them", () => {
    const log = [
      e(1, "procurement", "risk.raise", { risk: "transition-failure", note: "2022 again?" }),
      e(2, "sales", "risk.raise", { risk: "hidden-charges", note: "our own worry" }),
      e(3, "procurement", "risk.raise", { risk: "single-provider", note: "one basket" }),
      e(4, "sales", "risk.address", { risk: "single-provider", note: "outbound only" }),
    ];
    expect(unansweredRisks(log, "sales").map((r) => [r.risk, r.seq])).toEqual([["transition-failure", 1]]);
    expect(unansweredRisks(log, "procurement").map((r) => r.risk)).toEqual(["hidden-charges"]);
    // A raise after the answer opens it again.
    expect(unansweredRisks([...log, e(5, "procurement", "risk.raise", { risk: "single-provider", note: "still" })], "sales").map((r) => r.risk)).toEqual(["transition-failure", "single-provider"]);
  });

  it("offers each mitigation and each mitigating term option as an answer to a risk", () => {
    const withMitigations = { ...pub, risks: pub.risks.map((r) => (r.id === "transition-failure" ? { ...r, mitigations: [{ id: "phased-go-live", text: "Phased go-live, one region at a time" }] } : r)) };
    const answers = riskAnswers(withMitigations, "transition-failure");
    const service = pub.issues.find((i) => i.id === "service-level")!;
    const label = (id: string) => service.options.find((o) => o.id === id)!.label;
    // the scenario's own mitigating term for a failed cut-over is the phased go-live option of the service level
    const terms = pub.risks.find((r) => r.id === "transition-failure")!.mitigatedBy.flatMap((t) => t.options);
    expect(terms).toEqual(["phased-97-5"]);
    expect(answers.map((a) => a.label)).toEqual(["Phased go-live, one region at a time", ...terms.map((id) => `${service.name}: ${label(id)}`)]);
    expect(answers.map((a) => a.fields)).toEqual([{ mitigation: "phased-go-live" }, ...terms.map((option) => ({ term: { issue: "service-level", option } }))]);
    expect(riskAnswers(pub, "no-such-risk")).toEqual([]);
  });

  it("describes a question's topic, quotes the question an answer refers to, and names a risk answer by its labels", () => {
    const withMitigations = { ...pub, risks: pub.risks.map((r) => (r.id === "transition-failure" ? { ...r, mitigations: [{ id: "phased-go-live", text: "Phased go-live, one region at a time" }] } : r)) };
    const log = [
      e(1, "procurement", "question.ask", { text: "Which lanes would you consolidate first?", to: ["sales"], about: { kind: "issue", id: "lane-scope" } }),
      e(2, "sales", "question.answer", { question: 1, text: "The Midlands outbound lanes." }),
      e(3, "sales", "risk.address", { risk: "transition-failure", note: "We go live region by region.", mitigation: "phased-go-live" }),
      e(4, "sales", "risk.address", { risk: "transition-failure", note: "Service penalties.", term: { issue: "service-level", option: "otif-98-5" } }),
      e(5, "sales", "risk.address", { risk: "transition-failure", note: "Trust us." }),
      e(6, "sales", "offer.propose", { to: "procurement", package: { "lane-scope": "domestic" } }),
      e(7, "procurement", "offer.reject", { offer: 6, reason: "Too narrow" }),
    ];
    const ctx: EntryContext = { scenario: withMitigations, seatName: (s) => (s === "sales" ? "Sam" : "Pat"), viewerSeat: "procurement", log };
    const title = (i: number) => describeEntry(log[i]!, ctx).title;
    const lane = pub.issues.find((i) => i.id === "lane-scope")!;
    expect(title(0)).toBe(`You asked Sam about ${lane.name}`);
    expect(title(1)).toBe(`Sam answered your question about ${lane.name}: “Which lanes would you consolidate first?”`);
    expect(title(2)).toBe("Sam answered the risk “A failed cut-over, again” with: Phased go-live, one region at a time");
    expect(title(3)).toMatch(/^Sam answered the risk “A failed cut-over, again” with: Service level/);
    expect(title(4)).toBe("Sam addressed the risk “A failed cut-over, again” (a note, no term or mitigation)");
    expect(title(5)).toBe("Sam's first proposal to you");
    expect(title(6)).toBe("You rejected Sam's first proposal");
    expect(describeEntry(log[6]!, ctx).detail).toBe(`${lane.name}: ${lane.options.find((o) => o.id === "domestic")!.label} — Reason: Too narrow`);
    for (const i of [1, 5, 6]) expect(title(i)).not.toMatch(/#\d/); // no internal numbers where the entry referred to is known
  });
});
