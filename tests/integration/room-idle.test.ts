import { describe, expect, it } from "vitest";
import { SeatClient } from "../support/seat-client.js";
import { createNegotiation, startTestServer } from "../support/server.js";

// Its own file: one server per process (Colyseus's matchmaker is a process-wide singleton).
describe("an idle room", () => {
  it("is put away when nobody is connected, and its code reopens it with every seat and the phase intact", async () => {
    const idle = await startTestServer({ idleMinutes: 0.01 }); // 0.6 s
    try {
      const sdk = idle.colyseus.sdk;
      const p = new SeatClient(await sdk.joinById((await createNegotiation(idle.url, { scenarioId: "strategic-3pl" })).code, { seat: "procurement", name: "Pat" }), "p");
      const s = new SeatClient(await sdk.joinById(p.room.roomId, { seat: "sales", name: "Sam" }), "s");
      await p.control({ type: "session.start" });
      await expect.poll(() => p.hello?.token).toBeTruthy();
      const code = p.room.roomId;
      const token = p.hello!.token!;
      await p.room.leave();
      await s.room.leave();
      const rooms = async () => ((await (await fetch(`${idle.url}/healthz`)).json()) as { rooms: number }).rooms;
      await expect.poll(rooms, { timeout: 5_000 }).toBe(0);

      const info = await fetch(`${idle.url}/api/negotiations/${code}`);
      expect(info.status).toBe(200);
      expect(await rooms()).toBe(1);
      const back = new SeatClient(await sdk.joinById(code, { token }), "p-back");
      await expect.poll(() => back.hello?.seat).toBe("procurement");
      expect(back.state().phase).toBe("briefing");
      expect((await back.move({ type: "phase.ready" })).ok).toBe(true);
      void back.room.leave();
    } finally {
      await idle.close();
    }
  });
});
