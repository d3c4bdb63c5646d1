import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { movesFor } from "../../shared/scenario/phase-rules.js";
import { loadScenario } from "../support/scenarios.js";
import { browserAvailable, checkScreen, createAsTrainer, pressAndConfirm, startRig, type BrowserRig } from "./support.js";

const scenario = loadScenario("commodity-corrugated.yaml");
const seat = (id: string) => scenario.seats.find((s) => s.id === id)!;
const phaseTitle = (id: string) => scenario.phases.find((p) => p.id === id)!.title;
const objective = (id: string) => scenario.objectives.find((o) => o.id === id)!.label;

const run = browserAvailable();
let rig: BrowserRig;
beforeAll(async () => {
  if (run) rig = await startRig({ reconnectSeconds: 1 }); // so the finished room goes soon after everyone leaves
}, 120_000);
afterAll(async () => rig?.close());

async function heading(page: Page, phase: string) {
  await page.getByRole("heading", { name: phaseTitle(phase), level: 1 }).waitFor({ timeout: 15_000 });
}

async function joinAs(page: Page, code: string, seatId: string, name: string) {
  await page.goto(`${rig.server.url}/n/${code}`);
  const card = page.locator("section").filter({ has: page.getByRole("heading", { name: "Join a negotiation" }) });
  await card.getByLabel(new RegExp(seat(seatId).title)).check();
  await card.getByLabel("Your name").fill(name);
  await card.getByRole("button", { name: "Take this seat" }).click();
  await page.getByRole("heading", { name: "Lobby" }).waitFor();
}

/** Joins with the keyboard alone: Tab to the code, Enter, Tab past the chosen seat to the name, Enter. */
async function joinByKeyboard(page: Page, code: string, name: string) {
  await page.goto(rig.server.url);
  await page.getByRole("button", { name: "Find negotiation" }).waitFor(); // Home is rendered: Tab order is real
  await page.keyboard.press("Tab"); // skip link
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("placeholder"))).toMatch(/K7M2-QX9P/);
  await page.keyboard.type(code);
  await page.keyboard.press("Enter");
  await page.getByText(/Your seat/).waitFor();
  await page.keyboard.press("Tab"); // the first free seat, already chosen
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("autocomplete"))).toBe("name");
  await page.keyboard.type(name);
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Lobby" }).waitFor();
}

async function chooseObjectives(page: Page, ids: string[]) {
  await heading(page, "preparation");
  const form = page.locator("form").filter({ hasText: "Your 3 objectives" });
  for (const id of ids) await form.getByLabel(objective(id)).check();
  await form.getByRole("button", { name: "Save" }).click();
  await form.getByRole("button", { name: /Saved/ }).waitFor();
  await pressAndConfirm(page, page.getByRole("button", { name: "I'm prepared" }));
}

/** Fills the sealed-bid builder: the nth option of every term, then submits. */
async function bid(page: Page, choice: (issue: string) => number) {
  const builder = page.locator("form.offer-builder");
  for (const issue of scenario.issues) await builder.getByLabel(issue.name, { exact: true }).selectOption({ index: choice(issue.id) + 1 });
  await builder.getByRole("button", { name: "Submit sealed bid" }).click();
  await page.getByText(/^Your bid this round: /).waitFor();
}

describe.runIf(run)("a commodity tender in three browsers", () => {
  it("runs from the RFQ through sealed rounds with rank feedback to an award, and opens every debrief", async () => {
    const [buyer, a, b] = await Promise.all([0, 1, 2].map(async () => (await rig.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()));
    // A trainer runs this one: creates it, keeps the trainer link, and watches from the facilitator view.
    const fac = await (await rig.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    const { code } = await createAsTrainer(fac, rig.server.url, scenario.title);
    await fac.getByRole("button", { name: /open the facilitator view/ }).click();
    await fac.getByRole("heading", { name: "Facilitator view" }).waitFor();

    await joinAs(buyer!, code, "buyer", "Bea");
    await joinAs(a!, code, "supplier-a", "Al");
    await joinByKeyboard(b!, code, "Bo"); // supplier-b: the first free seat
    await buyer!.getByText("Everyone needed is here").waitFor();
    await buyer!.getByRole("button", { name: "Start the negotiation" }).click();

    for (const p of [buyer!, a!, b!]) await heading(p, "briefing");
    // The RFQ's specification is a real table, its rows one requirement each, not raw Markdown.
    const spec = buyer!.locator("table.md-table");
    await spec.getByRole("columnheader", { name: "requirement" }).waitFor();
    expect(await spec.getByRole("row").count()).toBe(9);
    await spec.getByRole("cell", { name: "Board", exact: true }).waitFor();
    expect(await buyer!.getByText("| --- |").count()).toBe(0);
    await checkScreen(buyer!, "tender-00b-brief-spec-table");
    for (const p of [buyer!, a!, b!]) await pressAndConfirm(p, p.getByRole("button", { name: /I have read my brief/ }));
    await chooseObjectives(buyer!, ["deliver-savings", "extend-payment", "secure-supply"]);
    await chooseObjectives(a!, ["win-majority", "protect-margin", "get-paid-on-time"]);
    await chooseObjectives(b!, ["win-majority", "win-on-value", "protect-margin"]);

    await heading(buyer!, "rfq");
    await buyer!.getByRole("button", { name: "Issue the RFQ" }).click();
    await a!.getByText(/issued the request for quotation/).waitFor();
    await checkScreen(a!, "tender-01-rfq-supplier");

    // Where the scenario lets the buyer share facts in the RFQ, the disclosure reaches every bidder: no recipient to pick.
    if (movesFor(scenario.phases.find((p) => p.id === "rfq")!, "procurement").includes("fact.disclose")) {
      const share = buyer!.locator("form").filter({ hasText: "Share private information" });
      await share.getByText("What you share reaches every bidder.").waitFor();
      expect(await share.getByLabel("To").count()).toBe(0);
      await share.getByLabel("Share private information").selectOption({ index: 1 });
      await share.getByRole("button", { name: "Share…" }).click();
      await buyer!.getByRole("dialog", { name: "Share this with every bidder?" }).getByRole("button", { name: "Yes, share it" }).click();
      for (const p of [a!, b!]) await p.getByText(/shared private information/).waitFor();
    }

    // The scenario lets suppliers contact the plant engineer during the RFQ: the browser offers it, the server takes it.
    const bypass = a!.locator("form").filter({ has: a!.getByRole("heading", { name: "Go around procurement" }) });
    await bypass.getByLabel(/Your message to/).fill("Could we show you our pallet pattern before the bids?");
    await bypass.getByRole("button", { name: /^Contact / }).click();
    await a!.getByText(/contacted the business stakeholder directly/).waitFor();
    expect(await buyer!.getByRole("heading", { name: "Go around procurement" }).count()).toBe(0); // procurement has no such move

    // A clarification: Bo asks, the buyer answers, and the answer reaches every bidder (checked in round 1's panel).
    const ask = b!.locator("form").filter({ has: b!.getByLabel("Ask a question") });
    await ask.getByLabel("What is it about?").selectOption({ label: "Case-design programme" });
    await ask.getByLabel("Ask a question").fill("Would you consider a right-sizing programme as a variant?");
    await ask.getByRole("button", { name: "Ask", exact: true }).click();
    await buyer!.getByLabel(/asks: “Would you consider/).fill("Yes, quote it as an option.");
    await buyer!.getByRole("button", { name: "Answer", exact: true }).click();
    await a!.getByText(/Yes, quote it as an option/).first().waitFor();

    // The trainer watches: every seat's brief and the whole transcript, read-only.
    await fac.getByText(/issued the request for quotation/).waitFor();
    await fac.getByRole("tab", { name: `${seat("supplier-a").title} brief` }).click();
    await fac.getByRole("heading", { name: /Your private brief/ }).waitFor();
    await checkScreen(fac, "tender-00-facilitator");
    for (const p of [buyer!, a!, b!]) await pressAndConfirm(p, p.getByRole("button", { name: /I'm ready to move on/ }));

    const bidCount = buyer!.locator(".bid-count");
    for (const round of ["round-1", "round-2", "bafo"]) {
      await heading(a!, round);
      await bidCount.getByText("0 of 2 bidders have bid in this round").waitFor();
      await bid(a!, (issue) => (issue === "unit-price" ? 2 : 1));
      await bidCount.getByText("1 of 2 bidders have bid in this round").waitFor(); // the count, live, before the round closes
      await bid(b!, (issue) => (issue === "case-programme" ? 2 : 1));
      await bidCount.getByText("2 of 2 bidders have bid in this round").waitFor();
      if (round === "round-1") {
        await checkScreen(b!, "tender-02-sealed-bid");
        await checkScreen(buyer!, "tender-02a-bid-count");
        for (const p of [a!, b!]) expect(await p.getByText(/bidders? ha(ve|s) bid in this round/).count()).toBe(0); // never a bidder's to know
        // Each bidder reads the clarification under its question: the asker its own words; a rival never learns who asked.
        const mine = b!.locator("section.clarifications");
        await mine.getByText(/^Your question about Case-design programme/).waitFor();
        await mine.locator("q", { hasText: "Would you consider a right-sizing programme as a variant?" }).waitFor();
        await mine.getByText("Yes, quote it as an option.").waitFor();
        const theirs = a!.locator("section.clarifications");
        await theirs.getByText(/^A bidder's question/).waitFor(); // its wording too once the answer carries the published quote (apply-move.ts)
        await theirs.getByText("Yes, quote it as an option.").waitFor();
        expect(await theirs.getByText(/Bo\b/).count()).toBe(0);
      }
      await buyer!.getByRole("button", { name: "Close this round and open the bids" }).click();
      const close = buyer!.getByRole("dialog", { name: `Close ${phaseTitle(round)} and open the bids?` });
      await close.getByText("2 of 2 bidders have bid in this round.").waitFor();
      await close.getByRole("button", { name: "Close the round" }).click();
      await b!.getByText(new RegExp(`${phaseTitle(round)}: you ranked \\d of 2`)).first().waitFor();
      // The buyer compares the round's bids side by side: rank, supplier, each term, its own points.
      const table = buyer!.locator("table.bid-table").filter({ has: buyer!.locator("caption", { hasText: phaseTitle(round) }) }).first();
      await table.waitFor();
      expect(await table.getByRole("row").count()).toBe(3);
      for (const name of ["Al", "Bo"]) await table.getByRole("rowheader", { name: new RegExp(`^${name} \\(`) }).waitFor();
      for (const issue of scenario.issues) await table.getByRole("columnheader", { name: issue.name, exact: true }).waitFor();
      await table.getByRole("columnheader", { name: "Your points" }).waitFor();
      if (round === "round-1") await checkScreen(buyer!, "tender-02b-bid-table");
    }
    expect(await a!.getByText(/you ranked \d of 2/).count()).toBeGreaterThanOrEqual(3);
    expect(await a!.getByText("Bo (").count()).toBe(0); // a rival's bids never reach a supplier's screen

    await heading(buyer!, "award");
    await checkScreen(buyer!, "tender-03-award");
    await buyer!.getByLabel("Award the contract to").selectOption({ label: `Bo (${seat("supplier-b").title})` });
    await buyer!.getByRole("button", { name: "Award on the latest bid…" }).dblclick(); // a double click opens one confirmation
    const award = buyer!.getByRole("dialog", { name: `Award the contract to Bo (${seat("supplier-b").title})?` });
    await award.getByText(/Worth \d+ points to you/).waitFor();
    await checkScreen(buyer!, "tender-03b-award-confirm");
    await award.getByRole("button", { name: "Award the contract" }).dblclick(); // awarded once: the second press finds the step under way

    for (const p of [buyer!, a!, b!]) {
      await p.getByRole("heading", { name: "Reflection" }).waitFor();
      for (const group of await p.locator("fieldset.likert").all()) await group.getByLabel("5", { exact: true }).check();
      await p.getByLabel(/^One word for /).fill("fair"); // the buyer's survey asks one word for the suppliers as a group
      await pressAndConfirm(p, p.getByRole("button", { name: /Submit and see the debrief/ }));
    }
    await b!.getByRole("heading", { name: /^Deal/, level: 1 }).waitFor({ timeout: 15_000 });
    await a!.getByRole("heading", { name: /^(Not awarded|Deal: second source)/, level: 1 }).waitFor({ timeout: 15_000 });
    await checkScreen(b!, "tender-04-debrief-winner");
    await checkScreen(a!, "tender-05-debrief-loser");
    // The trainer reads every seat's debrief in the facilitator view.
    await fac.getByRole("tab", { name: "Debriefs" }).click();
    await fac.getByRole("heading", { name: "Debriefs, seat by seat" }).waitFor();
    await fac.getByRole("button", { name: new RegExp(`^Bo \\(${seat("supplier-b").title}`) }).click();
    await fac.getByRole("heading", { name: /^Deal/, level: 1 }).waitFor();
    await checkScreen(fac, "tender-06-trainer-debriefs");

    // Days later: the room is gone, but the winner's link still opens the debrief from storage.
    for (const p of [buyer!, a!, b!, fac]) await p.close();
    const rooms = async () => ((await (await fetch(`${rig.server.url}/healthz`)).json()) as { rooms: number }).rooms;
    await expect.poll(rooms, { timeout: 10_000 }).toBe(0);
    const later = await b!.context().newPage();
    await later.goto(`${rig.server.url}/n/${code}`);
    await later.getByRole("heading", { name: /^Deal/, level: 1 }).waitFor({ timeout: 15_000 });
    await later.getByRole("heading", { name: "The briefs, revealed" }).waitFor();
    // And the trainer's device reopens every seat's debrief with the trainer key it kept.
    const trainerLater = await fac.context().newPage();
    await trainerLater.goto(`${rig.server.url}/n/${code}/trainer`);
    await trainerLater.getByRole("heading", { name: /^Trainer debrief/, level: 1 }).waitFor({ timeout: 15_000 });
    await trainerLater.getByRole("heading", { name: "Debriefs, seat by seat" }).waitFor();
  }, 300_000); // three browsers and a trainer through every phase, with two screen sizes per screenshot, on a shared machine
});
