import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScenario } from "../support/scenarios.js";
import { PACKAGE_3PL } from "../support/plays.js";
import { browserAvailable, checkScreen, countCreates, pressAndConfirm, startAndTakeSeat, startRig, type BrowserRig } from "./support.js";

const scenario = loadScenario("strategic-3pl.yaml");
const seat = (id: string) => scenario.seats.find((s) => s.id === id)!;
const objective = (id: string) => scenario.objectives.find((o) => o.id === id)!.label;
const phaseTitle = (id: string) => scenario.phases.find((p) => p.id === id)!.title;
const issueName = (id: string) => scenario.issues.find((i) => i.id === id)!.name;
const option = (issue: string, id: string) => scenario.issues.find((i) => i.id === issue)!.options.find((o) => o.id === id)!.label;

const run = browserAvailable();
let rig: BrowserRig;
beforeAll(async () => {
  if (run) rig = await startRig();
}, 120_000);
afterAll(async () => rig?.close());

/** Says ready; the last seat to do so confirms that the phase ends for everyone. */
async function ready(page: Page, label: RegExp) {
  await pressAndConfirm(page, page.getByRole("button", { name: label }));
}

async function prepare(page: Page, mine: string[]) {
  await page.getByRole("heading", { name: phaseTitle("preparation"), level: 1 }).waitFor();
  const form = page.locator("form").filter({ hasText: "Your 3 objectives" });
  for (const id of mine) await form.getByLabel(objective(id)).check();
  await form.getByRole("button", { name: "Save" }).click();
  await form.getByRole("button", { name: /Saved/ }).waitFor();
}

async function survey(page: Page) {
  await page.getByRole("heading", { name: "Reflection" }).waitFor();
  for (const group of await page.locator("fieldset.likert").all()) await group.getByLabel("6", { exact: true }).check();
  await page.getByLabel("One word for the other side.").fill("partner");
  await pressAndConfirm(page, page.getByRole("button", { name: /Submit and see the debrief/ }));
}

describe.runIf(run)("a strategic partnership in two browsers", () => {
  it("is played through the UI alone to an agreement, survives a refresh, and ends in a debrief with scores and charts", async () => {
    const pat = await (await rig.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    const sam = await (await rig.browser.newContext({ viewport: { width: 768, height: 1024 } })).newPage();

    await pat.goto(rig.server.url);
    await pat.getByRole("heading", { name: "Negotiation Simulator" }).waitFor();
    await checkScreen(pat, "01-home");
    const creates = countCreates(pat);
    const code = await startAndTakeSeat(pat, rig.server.url, new RegExp(scenario.title.slice(0, 30).replace(/[()]/g, ".")), seat("procurement").title, "Pat");
    expect(code).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{8}$/);
    expect(creates()).toBe(1); // the double click in startAndTakeSeat made one negotiation
    // A refused move shows the server's reason where it was made.
    await pat.getByRole("button", { name: "Start the negotiation" }).click();
    await pat.getByRole("alert").filter({ hasText: /Waiting for someone to take/ }).waitFor();

    await sam.goto(`${rig.server.url}/n/${code}`);
    const joinCard = sam.locator("section").filter({ has: sam.getByRole("heading", { name: "Join a negotiation" }) });
    await joinCard.getByLabel(new RegExp(seat("sales").title)).check();
    await joinCard.getByLabel("Your name").fill("Sam");
    await joinCard.getByRole("button", { name: "Take this seat" }).click();
    await sam.getByRole("heading", { name: "Lobby" }).waitFor();
    await pat.getByText("Everyone needed is here").waitFor();
    expect(await pat.getByRole("alert").count()).toBe(0); // the earlier refusal no longer applies, so it is gone
    await checkScreen(pat, "02-lobby");

    await pat.getByRole("button", { name: "Start the negotiation" }).click();
    for (const page of [pat, sam]) await page.getByRole("heading", { name: /Your private brief/ }).waitFor();
    await checkScreen(sam, "03-brief-tablet");
    expect(await sam.getByText(seat("procurement").brief.story.slice(0, 40)).count()).toBe(0); // the other side's brief is not on the page
    for (const page of [pat, sam]) await ready(page, /I have read my brief/);

    await prepare(pat, ["meet-cfo-target", "lift-service", "protect-data"]);
    await prepare(sam, ["multi-year", "grow-account", "land-reference"]);
    await checkScreen(pat, "04-preparation");
    for (const page of [pat, sam]) await ready(page, /I'm prepared/);

    // Discovery: a question about a named issue, its answer, a quantified value argument.
    await pat.getByRole("heading", { name: phaseTitle("discovery"), level: 1 }).waitFor();
    await pat.getByLabel("Ask a question").fill("Which of our lanes would you consolidate first?");
    expect(await pat.getByRole("button", { name: "Ask", exact: true }).isDisabled()).toBe(true); // a question names its topic
    await pat.getByLabel("What is it about?").selectOption({ label: issueName("lane-scope") });
    await pat.getByRole("button", { name: "Ask", exact: true }).click();
    await pat.getByText(`You asked Sam (${seat("sales").title}) about ${issueName("lane-scope")}`).waitFor();
    await sam.getByText("Questions for you").waitFor();
    await sam.getByLabel(/asks:/).fill("The Midlands outbound lanes, within one quarter.");
    await sam.getByRole("button", { name: "Answer", exact: true }).click();
    await pat.getByText(/answered your question about .*: “Which of our lanes/).waitFor(); // quoted, not "question #n"

    // A risk raised by the buyer, answered by the seller with a deal term that mitigates it.
    const risk = scenario.risks.find((r) => r.id === "transition-failure")!;
    const patRisks = pat.locator("form").filter({ has: pat.getByRole("heading", { name: "Risks" }) });
    await patRisks.getByLabel("Risk", { exact: true }).selectOption(risk.id);
    await patRisks.getByLabel("What you say about it").fill("2022 went wrong at cut-over. How do we avoid that?");
    await patRisks.getByRole("button", { name: "Raise this risk" }).click();
    const samRisks = sam.locator("form").filter({ has: sam.getByRole("heading", { name: "Risks" }) });
    await samRisks.getByText("Raised with you, not answered yet:").waitFor();
    await samRisks.getByRole("button", { name: "Answer it" }).click();
    const term = `${issueName("service-level")}: ${option("service-level", "phased-97-5")}`;
    await samRisks.getByLabel("How do you answer it?").selectOption({ label: term });
    await samRisks.getByLabel("What you say about it").fill("A phased go-live, region by region outside peak season, with penalties from the first region live.");
    await samRisks.getByRole("button", { name: "Answer this risk" }).click();
    await pat.getByText(`Sam (${seat("sales").title}) answered the risk “${risk.title}” with: ${term}`).waitFor();
    await samRisks.getByText("Raised with you, not answered yet:").waitFor({ state: "detached" });

    // Sharing a private fact asks first, in the app's own dialog (not the browser's confirm).
    const share = sam.locator("form").filter({ hasText: "Share private information" });
    await share.getByLabel("Share private information").selectOption({ index: 1 });
    await share.getByRole("button", { name: "Share…" }).click();
    const confirm = sam.getByRole("dialog", { name: "Share this with the other side?" });
    await confirm.getByText(/Leverage cost:/).waitFor();
    await confirm.getByRole("button", { name: "Keep it private" }).click();
    await confirm.waitFor({ state: "hidden" });
    await share.getByRole("button", { name: "Share…" }).click();
    await confirm.getByRole("button", { name: "Yes, share it" }).click();
    await pat.getByText(/shared private information/).waitFor();
    await sam.getByLabel("Value lever").selectOption({ index: 1 });
    await sam.getByLabel(/^Figure/).fill("7");
    await sam.getByRole("button", { name: "Make the argument" }).click();
    await pat.getByText(/argued value/).first().waitFor();
    await checkScreen(pat, "05-table-discovery");

    // A short network loss: the banner says so, the seat is held, and the player carries on.
    await sam.context().setOffline(true);
    await sam.getByText(/Connection lost — reconnecting/).waitFor();
    await pat.getByText(/Sam lost the connection — their seat is held/).waitFor(); // the other side sees it too
    await sam.context().setOffline(false);
    await sam.getByText(/Reconnected/).waitFor({ timeout: 20_000 });
    await pat.getByText(/Sam lost the connection/).waitFor({ state: "detached" });
    for (const page of [pat, sam]) await ready(page, /I'm ready to move on/);

    // Proposals: a refresh mid-negotiation brings Sam back to the same seat and screen.
    await sam.getByRole("heading", { name: "Make a proposal" }).waitFor();
    await sam.reload();
    await sam.getByRole("heading", { name: "Make a proposal" }).waitFor();
    const builder = sam.locator("form.offer-builder");
    const terms: Record<string, string> = { ...PACKAGE_3PL }; // above both BATNAs
    for (const [issue, id] of Object.entries(terms)) {
      const select = builder.getByLabel(scenario.issues.find((i) => i.id === issue)!.name, { exact: true });
      await select.selectOption({ label: (await select.locator("option", { hasText: option(issue, id) }).first().textContent())! });
    }
    expect(await builder.getByText(/Your points:/).textContent()).toContain("above");
    await builder.getByRole("button", { name: "Send proposal" }).click();
    await pat.getByRole("heading", { name: "Sam's first proposal" }).waitFor(); // named as people name it, not by a log number
    await checkScreen(pat, "06-table-offer");
    await pat.getByRole("button", { name: "Accept…" }).click();
    await pat.getByRole("dialog", { name: "Accept Sam's first proposal?" }).getByRole("button", { name: "Yes, accept this deal" }).click();

    await survey(pat);
    await checkScreen(sam, "07-reflection");
    await survey(sam);

    for (const page of [pat, sam]) await page.getByRole("heading", { name: /^Deal/, level: 1 }).waitFor({ timeout: 15_000 });
    for (const page of [pat, sam]) {
      await page.getByRole("heading", { name: "Trust", level: 3 }).waitFor();
      await page.getByRole("heading", { name: "Value framing", level: 3 }).waitFor();
      expect(await page.locator("figure.chart svg").count()).toBe(3);
      await page.getByRole("heading", { name: "The briefs, revealed" }).waitFor();
    }
    await checkScreen(pat, "08-debrief");
    await sam.emulateMedia({ media: "print" });
    await checkScreen(sam, "09-debrief-print");
  }, 180_000);
});
