import type { MoveInput } from "../../shared/protocol.js";
import type { SeatClient } from "./seat-client.js";

/** Answers to the reflection survey, the same for every test player. */
export const REFLECTION = {
  "outcome-satisfied": 6, "outcome-fair": 5, "self-prepared": 6, "self-proud": 6,
  "process-listened": 5, "process-open": 6, "relationship-trust": 5, "relationship-again": 6, "one-word": "partner",
};

/** A tender buyer facing two suppliers rates each by name: supplier A 2 of 7, supplier B 6 of 7. */
export const TENDER_BUYER_REFLECTION = {
  "outcome-satisfied": 6, "outcome-fair": 5, "self-prepared": 6, "self-proud": 6, "rating-supplier-a": 2, "rating-supplier-b": 6, "one-word": "competitive",
};

/** Every listed seat declares itself ready, ending the phase. */
export async function allReady(...seats: SeatClient[]) {
  for (const s of seats) await s.must({ type: "phase.ready" });
}

/** A package above both BATNAs: 72 points for procurement (BATNA 3), 69 for sales (BATNA 64). */
export const PACKAGE_3PL = {
  "rate-level": "cut-4", "payment-terms": "net-45", "contract-length": "three-years-exit", "service-level": "phased-97-5",
  "lane-scope": "all-lanes", "gain-share": "split-50-50", governance: "joint-governance", "liability-cap": "cap-2m",
};

/**
 * The strategic partnership played to an agreement over real sockets, up to
 * (not including) the reflection. `midway` runs between discovery and the
 * proposals (e.g. a reconnect).
 */
/** The strategic partnership started and taken through briefing and preparation into discovery. */
export async function reachDiscovery(p: SeatClient, s: SeatClient) {
  await p.control({ type: "session.start" });
  await allReady(p, s); // briefing
  await p.must({ type: "objectives.set", objectives: ["meet-cfo-target", "lift-service", "protect-data"] });
  await s.must({ type: "objectives.set", objectives: ["multi-year", "grow-account", "land-reference"] });
  await allReady(p, s); // preparation
}

export async function play3pl(table: { procurement: SeatClient; sales: SeatClient }, midway: () => Promise<void> = async () => {}) {
  const p = table.procurement;
  let s = table.sales;
  await reachDiscovery(p, s);
  await p.must({ type: "question.ask", text: "Which of our lanes could you consolidate first?" });
  // Each seat numbers its own transcript: the answer names the question by the sales seat's number for it.
  const asked = await s.find((e) => e.type === "question.ask");
  await s.must({ type: "question.answer", question: asked.seq, text: "The Midlands outbound lanes, within a quarter." });
  await s.must({ type: "fact.disclose", fact: "spare-capacity" });
  await s.must({ type: "value.argue", lever: "lane-consolidation", claim: "Consolidating your lanes saves about 7 % of freight spend.", figure: 7 });
  await p.must({ type: "risk.raise", risk: "shipment-data", note: "Our CISO must review how you store shipment data." });
  await s.must({ type: "risk.address", risk: "shipment-data", note: "We accept your security audit and ISO 27001 terms." });
  await allReady(p, s); // discovery
  await midway();
  s = table.sales; // midway may have replaced a seat's connection
  await p.must({ type: "offer.propose", to: "sales", package: { ...PACKAGE_3PL, "contract-length": "two-years" } } as MoveInput);
  const offered = await s.find((e) => e.type === "offer.propose" && e.by === "procurement");
  await s.must({ type: "offer.propose", to: "procurement", package: PACKAGE_3PL } as MoveInput);
  const counter = await p.find((e) => e.type === "offer.propose" && e.by === "sales");
  // Numbers as the receiving seat sees them: the sales seat answers `firstOffer`, procurement answers `counter`.
  return { firstOffer: offered.seq, counter: counter.seq };
}
