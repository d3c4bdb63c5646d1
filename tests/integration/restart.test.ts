import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@colyseus/sdk";
import { afterAll, describe, expect, it } from "vitest";
import { PACKAGE_3PL, REFLECTION, allReady } from "../support/plays.js";
import { SeatClient } from "../support/seat-client.js";
import { createNegotiation, freePort } from "../support/server.js";
import { killHard, startServerProcess } from "../support/process.js";

const dataDir = mkdtempSync(join(tmpdir(), "negotiation-restart-"));
let child: ChildProcess | undefined;
afterAll(async () => {
  await killHard(child);
  rmSync(dataDir, { recursive: true, force: true });
});

const startProcess = (port: number) => startServerProcess(port, { DATA_DIR: dataDir, CLIENT_DIR: join(dataDir, "no-client") });

describe("restart", () => {
  it("resumes a negotiation killed mid-way: same seats, phase, remaining time, and every acknowledged move", async () => {
    const port = await freePort();
    child = await startProcess(port);
    const sdk = new Client(`http://127.0.0.1:${port}`);
    const p = new SeatClient(await sdk.joinById((await createNegotiation(`http://127.0.0.1:${port}`, { scenarioId: "strategic-3pl" })).code, { seat: "procurement", name: "Pat" }), "procurement");
    const s = new SeatClient(await sdk.joinById(p.room.roomId, { seat: "sales", name: "Sam" }), "sales");
    const code = p.room.roomId;
    await p.control({ type: "session.start" });
    await allReady(p, s);
    await p.must({ type: "objectives.set", objectives: ["meet-cfo-target", "lift-service", "protect-data"] });
    await s.must({ type: "objectives.set", objectives: ["multi-year", "grow-account", "land-reference"] });
    await allReady(p, s);
    const acknowledged = [
      ...(await p.must({ type: "question.ask", text: "Which lanes would you consolidate first?" })),
      ...(await s.must({ type: "fact.disclose", fact: "spare-capacity" })),
    ].map((e) => e.seq);
    await expect.poll(() => p.state().phase).toBe("discovery");
    const endsAt = p.state().phaseEndsAt as number;
    const remainingBefore = endsAt - Date.now();
    const tokens = { procurement: p.hello!.token!, sales: s.hello!.token! };

    await killHard(child);
    const downFor = 1_500;
    await new Promise((r) => setTimeout(r, downFor));
    child = await startProcess(port);

    const sdk2 = new Client(`http://127.0.0.1:${port}`);
    const p2 = new SeatClient(await sdk2.joinById(code, { token: tokens.procurement }), "procurement-2");
    const s2 = new SeatClient(await sdk2.joinById(code, { token: tokens.sales }), "sales-2");
    await expect.poll(() => p2.hello?.seat).toBe("procurement");
    await expect.poll(() => s2.hello?.seat).toBe("sales");
    expect(p2.state().phase).toBe("discovery");
    const remainingAfter = (p2.state().phaseEndsAt as number) - Date.now();
    // The outage was booked as a pause: the time left is what it was (give or take the restart itself).
    expect(Math.abs(remainingAfter - remainingBefore)).toBeLessThan(8_000);
    expect(remainingAfter).toBeGreaterThan(remainingBefore - downFor);
    const seqs = new Set(p2.log().map((e) => e.seq));
    for (const seq of acknowledged) expect(seqs.has(seq)).toBe(true);
    expect(s2.log().find((e) => e.type === "fact.disclose")?.payload.fact).toBe("spare-capacity");

    // ...and the negotiation carries on to its end.
    await allReady(p2, s2);
    const [offer] = await s2.must({ type: "offer.propose", to: "procurement", package: PACKAGE_3PL });
    await p2.must({ type: "offer.accept", offer: offer!.seq });
    await p2.must({ type: "reflection.submit", answers: REFLECTION });
    await s2.must({ type: "reflection.submit", answers: REFLECTION });
    await expect.poll(() => p2.state().status).toBe("finished");
    void p2.room.leave();
    void s2.room.leave();
  }, 90_000);
});
