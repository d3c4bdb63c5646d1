import { describe, expect, it } from "vitest";
import type { NegotiationEvent } from "../../shared/negotiation/events.js";
import { durableSnapshot, restorableSnapshot } from "../../shared/negotiation/runner.js";
import { MINUTE, PACKAGES, partnership, tender } from "../fixtures/machine/scenarios.js";
import { openTable, seated, type Table } from "../fixtures/machine/table.js";
import { reflection } from "../fixtures/machine/reflection.js";

/** The context as data, without the per-event scratch fields a restore starts afresh (see restorableSnapshot). */
function lasting(table: Table): unknown {
  const { lastEvent: _event, lastRejection: _rejection, ...rest } = table.ctx();
  return JSON.parse(JSON.stringify(rest));
}

/** Same state value and same context, compared as data. */
function sameState(a: Table, b: Table): void {
  expect(b.snapshot().value).toEqual(a.snapshot().value);
  expect(lasting(b)).toEqual(lasting(a));
  expect(b.snapshot().status).toBe(a.snapshot().status);
}

/** What a restart does: the stored snapshot (state only) and the stored log, each through JSON. */
function restored(table: Table, scenario = partnership): Table {
  const stored = JSON.stringify(durableSnapshot(table.machine, table.snapshot()));
  const log = JSON.stringify(table.ctx().log);
  return openTable(scenario, { snapshot: restorableSnapshot(JSON.parse(stored), JSON.parse(log)) });
}

describe("persisted snapshots", () => {
  it("restore from JSON to the same state and behave identically afterwards", () => {
    const original = seated(partnership, ["buyer", "seller"]);
    for (let at = 1; original.state() !== "proposals"; at++) original.send({ type: "phase.advance", by: "facilitator", at });
    const opening = original.send({ type: "offer.propose", by: "buyer", to: "seller", package: PACKAGES.best, at: 100 }).entries[0]!.seq;
    original.send({ type: "session.pause", by: "facilitator", at: 200 });
    const copy = restored(original);
    sameState(original, copy);

    const later: NegotiationEvent[] = [
      { type: "chat.send", by: "seller", text: "Still there?", at: 300 },
      { type: "session.resume", by: "facilitator", at: 400 },
      { type: "offer.propose", by: "seller", to: "buyer", package: PACKAGES.poor, at: 500 },
      { type: "offer.accept", by: "seller", offer: opening, at: 600 },
      { type: "time.tick", by: "system", at: 600 + 3 * MINUTE },
      { type: "offer.accept", by: "buyer", offer: opening + 3, at: 700 + 3 * MINUTE },
      { type: "reflection.submit", by: "buyer", answers: reflection(3), at: 800 + 3 * MINUTE },
      { type: "reflection.submit", by: "seller", answers: reflection(4), at: 900 + 3 * MINUTE },
    ];
    for (const event of later) {
      const a = original.send(event);
      const b = copy.send(structuredClone(event));
      expect(b).toEqual(a);
      sameState(original, copy);
    }
    expect(copy.state()).toBe("debrief");
  });

  it("restore mid-tender with bids and a withdrawal, and close the round the same way", () => {
    const original = seated(tender, ["buyer", "alpha", "beta", "gamma"]);
    original.send({ type: "phase.advance", by: "facilitator", at: 10 });
    original.send({ type: "bid.submit", by: "alpha", package: PACKAGES.good, at: 20 });
    original.send({ type: "bid.submit", by: "beta", package: PACKAGES.best, at: 30 });
    original.send({ type: "walkaway", by: "gamma", reason: "Capacity", at: 40 });
    const copy = restored(original, tender);
    sameState(original, copy);
    const close: NegotiationEvent = { type: "phase.advance", by: "buyer", at: 50 };
    expect(copy.send({ ...close })).toEqual(original.send(close));
    sameState(original, copy);
  });
});

describe("the stored snapshot", () => {
  it("keeps the state but not the history, so it does not grow as the negotiation goes on", () => {
    const table = seated(partnership, ["buyer", "seller"]);
    for (let at = 1; table.state() !== "discovery"; at++) table.send({ type: "phase.advance", by: "facilitator", at });
    const size = () => JSON.stringify(durableSnapshot(table.machine, table.snapshot())).length;
    table.send({ type: "chat.send", by: "buyer", text: "Hello", at: 100 });
    const early = size();
    for (let at = 101; at < 400; at++) table.send({ type: "chat.send", by: at % 2 ? "buyer" : "seller", text: "Hello", at });
    const stored = durableSnapshot(table.machine, table.snapshot());
    expect(stored.logLength).toBe(table.ctx().log.length);
    expect(stored.machine).toMatchObject({ context: { log: [], lastEvent: null, lastRejection: null } });
    expect(size() - early).toBeLessThanOrEqual(4); // 300 moves later: only a counter gained a digit
  });

  it("will not restore with a log other than the one it was taken after", () => {
    const table = seated(partnership, ["buyer", "seller"]);
    const stored = JSON.parse(JSON.stringify(durableSnapshot(table.machine, table.snapshot())));
    const log = table.ctx().log;
    expect(() => restorableSnapshot(stored, log.slice(1))).toThrow(/disagree/);
    expect(() => restorableSnapshot(stored, log.map((e) => ({ ...e, seq: e.seq + 1 })))).toThrow(/seq/);
    expect(() => restorableSnapshot({ hello: "world" }, log)).toThrow(/not one this version can restore/);
  });

  it("restores a snapshot stored before the log was left out, taking the log given", () => {
    const original = seated(partnership, ["buyer", "seller"]);
    original.send({ type: "phase.advance", by: "facilitator", at: 5 });
    const legacy = JSON.parse(JSON.stringify(original.actor.getPersistedSnapshot()));
    const copy = openTable(partnership, { snapshot: restorableSnapshot(legacy, JSON.parse(JSON.stringify(original.ctx().log))) });
    sameState(original, copy);
    expect(() => restorableSnapshot(legacy, original.ctx().log.slice(0, 1))).toThrow(/disagree/);
  });
});

describe("snapshot.can", () => {
  it("tells a client which moves are legal right now", () => {
    const table = seated(partnership, ["buyer", "seller"]);
    for (let at = 1; table.state() !== "discovery"; at++) table.send({ type: "phase.advance", by: "facilitator", at });
    const can = (event: NegotiationEvent) => table.snapshot().can(event);
    expect(can({ type: "chat.send", by: "buyer", text: "Hello", at: 10 })).toBe(true);
    expect(can({ type: "chat.send", by: "buyer", text: "", at: 10 })).toBe(false);
    expect(can({ type: "value.argue", by: "seller", lever: "freight", claim: "5 % less freight", at: 10 })).toBe(true);
    expect(can({ type: "value.argue", by: "buyer", lever: "freight", claim: "5 % less freight", at: 10 })).toBe(false);
    expect(can({ type: "offer.propose", by: "buyer", to: "seller", package: PACKAGES.best, at: 10 })).toBe(false);
    expect(can({ type: "phase.advance", by: "buyer", at: 10 })).toBe(false);
    expect(can({ type: "phase.advance", by: "facilitator", at: 10 })).toBe(true);
    table.send({ type: "session.pause", by: "facilitator", at: 20 });
    expect(can({ type: "chat.send", by: "buyer", text: "Hello", at: 30 })).toBe(false);
    expect(can({ type: "session.resume", by: "facilitator", at: 30 })).toBe(true);
  });

  it("never changes the snapshot it is asked about", () => {
    const table = seated(partnership, ["buyer", "seller"]);
    const before = JSON.stringify(table.ctx());
    table.snapshot().can({ type: "phase.ready", by: "buyer", at: 5 });
    expect(JSON.stringify(table.ctx())).toBe(before);
  });
});
