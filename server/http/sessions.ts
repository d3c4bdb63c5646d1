import { matchMaker } from "@colyseus/core";
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import { ROLE_POLICIES } from "../../shared/cohort/types.js";
import { cohortExports } from "../cohort/exports.js";
import { ensureCohortHosted } from "../cohort/hosting.js";
import { hashToken, newJoinCode, newTrainerKey, parseJoinCode, sameHash } from "../rooms/seat-tokens.js";
import type { ServerServices } from "../services.js";
import type { CohortRecord } from "../storage/cohort-store.js";
import { samePasscode } from "./api.js";
import { sendError, sendRateLimited } from "./errors.js";

const CreateBody = z.object({
  title: z.string().trim().min(1).max(80),
  scenarioIds: z.array(z.string().min(1).max(64)).min(1).max(8),
  policy: z.enum(ROLE_POLICIES),
  minutes: z.number().int().min(10).max(8 * 60).optional(),
  passcode: z.string().max(200).optional(),
});

/**
 * Cohorts over HTTP (docs/cohorts.md): create a session, its join screen,
 * its exports and its erasure. Everything live happens in the cohort room.
 */
export function sessionRoutes(s: ServerServices): Router {
  const router = Router();

  router.post("/api/sessions", async (req, res) => {
    const limit = s.limits.take("create", req.ip);
    if (!limit.ok) return sendRateLimited(res, limit.retryAfterSeconds);
    const body = CreateBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, "bad-request", `Send { title, scenarioIds, policy: ${ROLE_POLICIES.join(" | ")} } (and minutes, passcode when needed).`);
    const passcode = s.config.trainerPasscode;
    if (passcode !== undefined && !body.data.passcode) return sendError(res, 403, "passcode-required", "This server asks for the trainer passcode to start a session.");
    if (passcode !== undefined && !samePasscode(body.data.passcode ?? "", passcode)) return sendError(res, 403, "wrong-passcode", "That passcode is not right. Ask the person who runs this server.");
    const unknown = body.data.scenarioIds.find((id) => !s.scenarios.has(id));
    if (unknown) return sendError(res, 404, "not-found", `Unknown scenario "${unknown}". Pick from the list.`);
    const trainerKey = newTrainerKey();
    const code = newJoinCode();
    await s.store.cohorts.create({
      id: code, title: body.data.title, policy: body.data.policy, scenarioIds: [...new Set(body.data.scenarioIds)],
      options: body.data.minutes ? { minutes: body.data.minutes } : {}, status: "setup", trainerKeyHash: hashToken(trainerKey), createdAt: Date.now(),
    });
    await matchMaker.createRoom("cohort", { cohort: code });
    s.log.info("cohort created", { cohort: code, scenarios: body.data.scenarioIds, policy: body.data.policy });
    res.status(201).json({ code, trainerKey });
  });

  router.get("/api/sessions/:code", async (req, res) => {
    const limit = s.limits.take("lookup", req.ip);
    if (!limit.ok) return sendRateLimited(res, limit.retryAfterSeconds);
    const code = parseJoinCode(req.params.code);
    const cohort = code ? await s.store.cohorts.get(code) : null;
    if (!code || !cohort) return sendError(res, 404, "not-found", "No session has that code. Check the code with your trainer.");
    await ensureCohortHosted(s.store, code, s.log);
    res.json({
      code, title: cohort.title, status: cohort.status, policy: cohort.policy,
      scenarios: cohort.scenarioIds.flatMap((id) => {
        const sc = s.scenarios.get(id);
        return sc ? [{ id: sc.id, title: sc.title, kind: sc.kind }] : [];
      }),
    });
  });

  const trainerOnly = async (req: Request, res: Response): Promise<CohortRecord | null> => {
    const limit = s.limits.take("lookup", req.ip);
    if (!limit.ok) return (sendRateLimited(res, limit.retryAfterSeconds), null);
    const key = (req.header("authorization") ?? "").replace(/^Bearer\s+/i, "");
    const code = parseJoinCode(req.params.code);
    const cohort = code ? await s.store.cohorts.get(code) : null;
    if (!cohort || !key || !sameHash(cohort.trainerKeyHash, hashToken(key))) {
      s.log.warn("cohort request refused", { path: req.path, ip: req.ip });
      return (sendError(res, 403, "not-your-session", "Only the session's trainer link opens this."), null);
    }
    return cohort;
  };

  router.get("/api/sessions/:code/:file", async (req, res) => {
    const file = req.params.file;
    if (file !== "export.csv" && file !== "export.json" && file !== "xapi.json") return sendError(res, 404, "not-found", "No such export: export.csv, export.json or xapi.json.");
    const cohort = await trainerOnly(req, res);
    if (!cohort) return;
    const exports = await cohortExports(s, cohort, `${req.protocol}://${req.get("host") ?? "localhost"}`);
    if (file === "export.csv") {
      res.setHeader("content-disposition", `attachment; filename="session-${cohort.id}.csv"`);
      return void res.type("text/csv").send(exports.csv());
    }
    res.setHeader("content-disposition", `attachment; filename="session-${cohort.id}-${file}"`);
    res.json(file === "export.json" ? exports.json() : exports.xapi());
  });

  router.delete("/api/sessions/:code", async (req, res) => {
    const cohort = await trainerOnly(req, res);
    if (!cohort) return;
    for (const room of await matchMaker.query({ roomId: cohort.id })) await matchMaker.remoteRoomCall(room.roomId, "disconnect").catch(() => undefined);
    for (const id of await s.store.cohorts.negotiationIds(cohort.id)) {
      for (const room of await matchMaker.query({ roomId: id })) await matchMaker.remoteRoomCall(room.roomId, "disconnect").catch(() => undefined);
    }
    await s.store.cohorts.erase(cohort.id);
    s.log.info("cohort erased", { cohort: cohort.id });
    res.status(204).end();
  });

  return router;
}
