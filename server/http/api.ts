import { createHash, timingSafeEqual } from "node:crypto";
import { matchMaker } from "@colyseus/core";
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import { Transcript } from "../../shared/negotiation/transcript.js";
import { archiveFor, joinInfo, publicScenario, seatViewer, TRAINER, type Stage } from "../../shared/negotiation/visibility.js";
import { PROTOCOL_VERSION } from "../../shared/protocol.js";
import type { NegotiationDebrief } from "../../shared/scoring/types.js";
import { TRAINER_KEY } from "../rooms/join.js";
import { ensureHosted } from "../rooms/resume.js";
import { hashToken, newTrainerKey, parseJoinCode, sameHash } from "../rooms/seat-tokens.js";
import type { CreateOptions } from "../rooms/NegotiationRoom.js";
import type { ServerServices } from "../services.js";
import { correlationId, sendError, sendRateLimited } from "./errors.js";
import type { LimitedAction } from "./limits.js";

const CreateBody = z.object({
  scenarioId: z.string().min(1).max(64),
  role: z.enum(["trainer", "player"]),
  timeScale: z.number().positive().max(10).optional(),
  passcode: z.string().max(200).optional(),
});

/**
 * HTTP routes: health for operators, the scenario list for the home screen,
 * creating a negotiation (the only way to create one), the join screen and
 * the debrief archive. What each answer may contain is decided in
 * shared/negotiation/visibility.ts.
 */
export function apiRoutes(s: ServerServices): Router {
  const router = Router();
  const limited = (action: LimitedAction, req: Request, res: Response): boolean => {
    const verdict = s.limits.take(action, req.ip);
    if (!verdict.ok) sendRateLimited(res, verdict.retryAfterSeconds);
    return !verdict.ok;
  };

  router.get("/healthz", async (_req, res) => {
    try {
      const counts = await s.store.counts();
      res.json({
        status: "ok", version: s.version, protocol: PROTOCOL_VERSION, storage: s.store.kind, scale: s.config.redisUrl ? "redis" : "single",
        rooms: matchMaker.stats.local.roomCount, clients: matchMaker.stats.local.ccu, negotiations: counts, scenarios: s.scenarios.size,
      });
    } catch (error) {
      const id = correlationId();
      s.log.error("health check failed", { correlationId: id, error: String(error) });
      sendError(res, 503, "unavailable", `Storage does not answer (ref ${id}).`, { correlationId: id });
    }
  });

  router.get("/api/server", (_req, res) => {
    res.json({ version: s.version, protocol: PROTOCOL_VERSION, trainerPasscodeRequired: s.config.trainerPasscode !== undefined });
  });

  router.get("/api/scenarios", (_req, res) => {
    res.json([...s.scenarios.values()].map((sc) => {
      const p = publicScenario(sc);
      return { id: p.id, version: p.version, title: p.title, kind: p.kind, summary: p.summary, durationMinutes: p.durationMinutes, seats: p.seats };
    }));
  });

  router.get("/api/scenarios/:id", (req, res) => {
    const sc = s.scenarios.get(req.params.id);
    if (!sc) return sendError(res, 404, "not-found", `No scenario "${req.params.id.slice(0, 64)}".`);
    res.json(publicScenario(sc));
  });

  // The product's only way to create a negotiation: Colyseus's own create/join routes are closed (server/app.ts).
  router.post("/api/negotiations", async (req, res) => {
    if (limited("create", req, res)) return;
    const body = CreateBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, "bad-request", "Send { scenarioId, role: \"trainer\" | \"player\" } (and timeScale, passcode when needed).");
    const passcode = s.config.trainerPasscode;
    if (passcode !== undefined) {
      if (!body.data.passcode) return sendError(res, 403, "passcode-required", "This server asks for the trainer passcode to start a negotiation.");
      if (!samePasscode(body.data.passcode, passcode)) return sendError(res, 403, "wrong-passcode", "That passcode is not right. Ask the person who runs this server.");
    }
    const scenario = s.scenarios.get(body.data.scenarioId);
    if (!scenario) return sendError(res, 404, "not-found", `Unknown scenario "${body.data.scenarioId}". Pick one from the list.`);
    const trainerKey = body.data.role === "trainer" ? newTrainerKey() : null;
    const options: CreateOptions = { scenarioId: scenario.id, timeScale: body.data.timeScale ?? s.config.timeScale, trainerKeyHash: trainerKey ? hashToken(trainerKey) : null };
    const room = await matchMaker.createRoom("negotiation", options);
    s.log.info("negotiation created", { negotiation: room.roomId, scenario: scenario.id, role: body.data.role });
    res.status(201).json({ code: room.roomId, trainerKey });
  });

  // The join screen: which negotiation a code names, and which seats are still free.
  router.get("/api/negotiations/:id", async (req, res) => {
    if (limited("lookup", req, res)) return;
    const id = parseJoinCode(req.params.id);
    const record = id ? await s.store.getNegotiation(id) : null;
    const scenario = record ? s.scenarios.get(record.scenarioId) : undefined;
    if (!id || !record || !scenario) return sendError(res, 404, "not-found", "No negotiation has that code. Check the code with your trainer.");
    // Looking a code up reopens its room if it was put away while idle, so the code never goes stale.
    await ensureHosted(s.store, id, s.log);
    const taken = (await s.store.listSeats(id)).map((x) => x.seatId).filter((x) => x !== TRAINER_KEY);
    res.json(joinInfo(scenario, id, record.status, taken));
  });

  // A seat (its token) or the trainer (its key) fetches the debrief again later: Authorization: Bearer <secret>.
  router.get("/api/negotiations/:id/debrief", async (req, res) => {
    if (limited("lookup", req, res)) return;
    const secret = (req.header("authorization") ?? "").replace(/^Bearer\s+/i, "");
    if (!secret) return sendError(res, 401, "no-token", "Send your seat token or trainer key as 'Authorization: Bearer <token>'.");
    const id = parseJoinCode(req.params.id);
    const seats = id ? await s.store.listSeats(id) : [];
    const hash = hashToken(secret);
    const held = seats.find((x) => sameHash(x.tokenHash, hash));
    if (!id || !held) return sendError(res, 403, "not-your-negotiation", "This link holds no seat in that negotiation.");
    const debrief = await s.store.getDebrief<NegotiationDebrief>(id);
    const record = await s.store.getNegotiation(id);
    const scenario = record ? s.scenarios.get(record.scenarioId) : undefined;
    if (!debrief || !scenario) return sendError(res, 404, "not-ready", "The debrief is written when the negotiation ends.");
    const stage: Stage = { scenario, revealed: true };
    const viewer = held.seatId === TRAINER_KEY ? TRAINER : seatViewer(held.seatId);
    const transcript = new Transcript(stage, viewer);
    transcript.add(await s.store.listEntries(id));
    const seatNames = Object.fromEntries(seats.filter((x) => x.seatId !== TRAINER_KEY).map((x) => {
      const title = scenario.seats.find((y) => y.id === x.seatId)?.title ?? x.seatId;
      return [x.seatId, `${x.displayName} (${title})`];
    }));
    res.json(archiveFor(stage, viewer, debrief, { entries: transcript.entries, relabel: transcript.relabel }, seatNames));
  });

  router.all("/api/{*any}", (_req, res) => sendError(res, 404, "not-found", "No such API route."));
  return router;
}

/** Compares a passcode in constant time (digests of equal length). */
export function samePasscode(given: string, expected: string): boolean {
  const digest = (x: string) => createHash("sha256").update(x).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
