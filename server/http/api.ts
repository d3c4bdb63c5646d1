import { matchMaker } from "@colyseus/core";
import { Router } from "express";
import { privateBrief, publicScenario } from "../../shared/negotiation/visibility.js";
import { PROTOCOL_VERSION } from "../../shared/protocol.js";
import { debriefForSeat } from "../../shared/scoring/reveal.js";
import type { NegotiationDebrief } from "../../shared/scoring/types.js";
import { FACILITATOR_KEY } from "../rooms/join.js";
import { ensureHosted } from "../rooms/resume.js";
import { hashToken } from "../rooms/seat-tokens.js";
import type { ServerServices } from "../services.js";

/** HTTP routes: health for operators, the scenario list for the home screen, debriefs by seat token. */
export function apiRoutes(s: ServerServices): Router {
  const router = Router();

  router.get("/healthz", async (_req, res) => {
    try {
      const counts = await s.store.counts();
      res.json({
        status: "ok",
        version: s.version,
        protocol: PROTOCOL_VERSION,
        storage: s.store.kind,
        scale: s.config.redisUrl ? "redis" : "single",
        rooms: matchMaker.stats.local.roomCount,
        clients: matchMaker.stats.local.ccu,
        negotiations: counts,
        scenarios: s.scenarios.size,
      });
    } catch (error) {
      res.status(503).json({ status: "unavailable", error: (error as Error).message });
    }
  });

  router.get("/api/scenarios", (_req, res) => {
    res.json([...s.scenarios.values()].map((sc) => {
      const p = publicScenario(sc);
      return { id: p.id, version: p.version, title: p.title, kind: p.kind, summary: p.summary, durationMinutes: p.durationMinutes, seats: p.seats };
    }));
  });

  router.get("/api/scenarios/:id", (req, res) => {
    const sc = s.scenarios.get(req.params.id);
    if (!sc) return void res.status(404).json({ error: "not-found", message: `No scenario "${req.params.id}".` });
    res.json(publicScenario(sc));
  });

  // The join screen: which negotiation a code names, and which seats are still free.
  router.get("/api/negotiations/:id", async (req, res) => {
    const id = req.params.id.toUpperCase();
    const record = await s.store.getNegotiation(id);
    const scenario = record && s.scenarios.get(record.scenarioId);
    if (!record || !scenario) return void res.status(404).json({ error: "not-found", message: `No negotiation with code ${id}. Check the code with your trainer.` });
    // Looking a code up reopens its room if it was put away while idle, so the code never goes stale.
    await ensureHosted(s.store, id, s.log);
    const taken = new Set((await s.store.listSeats(id)).map((x) => x.seatId));
    res.json({
      id, status: record.status,
      scenario: { id: scenario.id, title: scenario.title, kind: scenario.kind, summary: scenario.summary },
      seats: publicScenario(scenario).seats.map((seat) => ({ ...seat, taken: taken.has(seat.id) })),
      facilitator: taken.has(FACILITATOR_KEY),
    });
  });

  // A seat fetches its debrief again later with its seat token (Authorization: Bearer <token>).
  router.get("/api/negotiations/:id/debrief", async (req, res) => {
    const token = (req.header("authorization") ?? "").replace(/^Bearer\s+/i, "");
    if (!token) return void res.status(401).json({ error: "no-token", message: "Send your seat token as 'Authorization: Bearer <token>'." });
    const seat = (await s.store.listSeats(req.params.id)).find((x) => x.tokenHash === hashToken(token));
    if (!seat) return void res.status(403).json({ error: "not-your-negotiation", message: "This token holds no seat in that negotiation." });
    const debrief = await s.store.getDebrief<NegotiationDebrief>(req.params.id);
    if (!debrief) return void res.status(404).json({ error: "not-ready", message: "The debrief is written when the negotiation ends." });
    const record = await s.store.getNegotiation(req.params.id);
    const scenario = record && s.scenarios.get(record.scenarioId);
    // After the end everything is revealed to the seats: the briefs, the whole log and who sat where.
    const seats = await s.store.listSeats(req.params.id);
    res.json({
      seat: seat.seatId,
      debrief: seat.seatId === FACILITATOR_KEY ? debrief : debriefForSeat(debrief, seat.seatId),
      scenario: scenario ? publicScenario(scenario) : null,
      briefs: scenario ? Object.fromEntries(scenario.seats.map((x) => [x.id, privateBrief(scenario, x.id)])) : {},
      log: await s.store.listEntries(req.params.id),
      seatNames: Object.fromEntries(seats.filter((x) => x.seatId !== FACILITATOR_KEY).map((x) => {
        const title = scenario?.seats.find((y) => y.id === x.seatId)?.title ?? x.seatId;
        return [x.seatId, `${x.displayName} (${title})`];
      })),
    });
  });

  return router;
}
