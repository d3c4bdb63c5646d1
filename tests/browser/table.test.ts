import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PACKAGE_3PL } from "../support/plays.js";
import { loadScenario } from "../support/scenarios.js";
import { browserAvailable, checkScreen, joinSeat, pressAndConfirm, startAndTakeSeat, startRig, type BrowserRig } from "./support.js";

const scenario = loadScenario("strategic-3pl.yaml");
const seat = (id: string) => scenario.seats.find((s) => s.id === id)!;
const objective = (id: string) => scenario.objectives.find((o) => o.id === id)!.label;
const phaseTitle = (id: string) => scenario.phases.find((p) => p.id === id)!.title;
const issueName = (id: string) => scenario.issues.find((i) => i.id === id)!.name;
const option = (issue: string, id: string) => scenario.issues.find((i) => i.id === issue)!.options.find((o) => o.id === id)!.label;

type Terms = Record<string, string>;
const PAT_FIRST: Terms = { ...PACKAGE_3PL, "contract-length": "two-years" };
const SAM_FIRST: Terms = { ...PACKAGE_3PL, "payment-terms": "net-30" };
/** Pat's counter from Sam's first proposal: only the payment terms changed. */
const PAT_SECOND: Terms = { ...SAM_FIRST, "payment-terms": "net-60" };
/** Sam's counter from Pat's second proposal: the package above both BATNAs. */
const SAM_SECOND: Terms = { ...PACKAGE_3PL };

const run = browserAvailable();
let rig: BrowserRig;
beforeAll(async () => {
  if (run) rig = await startRig();
}, 120_000);
afterAll(async () => rig?.close());

async function prepare(page: Page, mine: string[]) {
  await page.getByRole("heading", { name: phaseTitle("preparation"), level: 1 }).waitFor();
  const form = page.locator("form").filter({ hasText: "Your 3 objectives" });
  for (const id of mine) await form.getByLabel(objective(id)).check();
  await form.getByRole("button", { name: "Save" }).click();
  await form.getByRole("button", { name: /Saved/ }).waitFor();
}

/** Sets every term the package names in the builder (by option id, the select's value). */
async function fill(builder: Locator, terms: Terms) {
  for (const [issue, id] of Object.entries(terms)) await builder.getByLabel(issueName(issue), { exact: true }).selectOption(id);
}

async function chat(page: Page, text: string) {
  const box = page.getByLabel("Message", { exact: true });
  await box.fill(text);
  await page.locator("form.move-form").filter({ has: box }).getByRole("button", { name: "Send", exact: true }).click();
  await expect.poll(() => box.inputValue(), { timeout: 10_000 }).toBe("");
}

async function ask(page: Page, text: string, issue: string) {
  const box = page.getByLabel("Ask a question");
  await box.fill(text);
  await page.getByLabel("What is it about?").selectOption({ label: issueName(issue) });
  await page.getByRole("button", { name: "Ask", exact: true }).click();
  await expect.poll(() => box.inputValue(), { timeout: 10_000 }).toBe("").catch(async (e: unknown) => {
    await page.screenshot({ path: "test-artifacts/screenshots/debug-ask.png" });
    throw new Error(`question not sent (${await box.inputValue()}): ${(await page.getByRole("alert").allTextContents()).join(" | ")}`, { cause: e });
  });
}

/** Where the player's eyes and hands are: the page's scroll, the focused element, and where that element sits on screen. */
function where(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { scrollY: window.scrollY, active: el?.id ?? el?.tagName ?? null, tag: el?.tagName ?? null, top: el?.getBoundingClientRect().top ?? -1 };
  });
}

describe.runIf(run)("the negotiating table", () => {
  it("stays still while the other side acts, shows the offers side by side, counters from one, and accepts with a confirmation", async () => {
    const size = { width: 1280, height: 800 };
    const pat = await (await rig.browser.newContext({ viewport: size })).newPage();
    const sam = await (await rig.browser.newContext({ viewport: size })).newPage();

    const code = await startAndTakeSeat(pat, rig.server.url, new RegExp(scenario.title.slice(0, 30).replace(/[()]/g, ".")), seat("procurement").title, "Pat");
    await joinSeat(sam, rig.server.url, code, seat("sales").title, "Sam");
    await pat.getByText("Everyone needed is here").waitFor();
    await pat.getByRole("button", { name: "Start the negotiation" }).click();
    for (const page of [pat, sam]) await page.getByRole("heading", { name: /Your private brief/ }).waitFor();
    for (const page of [pat, sam]) await pressAndConfirm(page, page.getByRole("button", { name: /I have read my brief/ }));
    await prepare(pat, ["meet-cfo-target", "lift-service", "protect-data"]);
    await prepare(sam, ["multi-year", "grow-account", "land-reference"]);
    for (const page of [pat, sam]) await pressAndConfirm(page, page.getByRole("button", { name: /I'm prepared/ }));
    await pat.getByRole("heading", { name: phaseTitle("discovery"), level: 1 }).waitFor();
    for (const page of [pat, sam]) await pressAndConfirm(page, page.getByRole("button", { name: /I'm ready to move on/ }));
    for (const page of [pat, sam]) await page.getByRole("heading", { name: phaseTitle("proposals"), level: 1 }).waitFor();

    // Pat opens with a proposal, then starts typing a message.
    const patBuilder = pat.locator("form.offer-builder");
    await fill(patBuilder, PAT_FIRST);
    await patBuilder.getByRole("button", { name: "Send proposal" }).click();
    await pat.getByText(/Your first proposal to Sam .* is waiting for an answer/).waitFor();
    await sam.getByRole("heading", { name: "Pat's first proposal" }).waitFor();

    const message = pat.getByLabel("Message", { exact: true });
    await message.focus();
    await pat.keyboard.type("Before we go on: ");
    const before = await where(pat);
    expect(before.tag).toBe("TEXTAREA");

    // Ten moves from Sam — messages, questions, a proposal — while Pat keeps typing.
    const samBuilder = sam.locator("form.offer-builder");
    const typed = ["can ", "we ", "talk ", "about ", "the ", "lanes ", "and ", "the ", "term ", "first?"];
    const moves: (() => Promise<void>)[] = [
      () => chat(sam, "Thanks, Pat. Let me look at this."),
      () => ask(sam, "Which of the lanes matter most to your CFO?", "lane-scope"),
      () => chat(sam, "Two years is short for the set-up we would fund."),
      () => ask(sam, "Could the payment terms move if the rate does?", "payment-terms"),
      () => chat(sam, "We can do the phased go-live."),
      async () => {
        await fill(samBuilder, SAM_FIRST);
        await samBuilder.getByRole("button", { name: "Send proposal" }).click();
        await sam.getByText(/Your first proposal to Pat .* is waiting for an answer/).waitFor();
      },
      () => chat(sam, "That is our first proposal."),
      () => ask(sam, "Is a three-year term with an exit acceptable?", "contract-length"),
      () => chat(sam, "Take your time."),
      () => chat(sam, "I will wait for your counter."),
    ];
    for (const [i, move] of moves.entries()) {
      await move();
      await pat.keyboard.type(typed[i]!);
    }
    await pat.locator(".transcript").getByText("I will wait for your counter.").waitFor();
    await pat.getByRole("heading", { name: "Sam's first proposal" }).waitFor();
    await pat.getByText("Questions for you").waitFor(); // Sam's questions arrived above the message field

    const after = await where(pat);
    // The page did not scroll, the focus stayed in the field, and the field did not move on screen (within a pixel of rounding).
    expect({ ...after, top: 0 }).toEqual({ ...before, top: 0 });
    expect(Math.abs(after.top - before.top)).toBeLessThanOrEqual(1);
    expect(await message.inputValue()).toBe(`Before we go on: ${typed.join("")}`);
    // The offer on the table is in view with its Accept and Counter.
    await expect.poll(() => pat.getByRole("button", { name: "Accept…" }).evaluate((b) => {
      const r = b.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    })).toBe(true);
    expect(await pat.locator(".transcript").getByText(/#\d/).count()).toBe(0); // offers and questions are named, not numbered
    await pat.locator(".transcript").getByText("Sam's first proposal to you").waitFor();
    await checkScreen(pat, "10-table-still");
    await message.fill("");

    // The offer board: both proposals side by side, with Pat's own points.
    await pat.getByRole("tab", { name: /Offer board/ }).click();
    const board = pat.locator("table.board");
    await board.getByRole("columnheader", { name: /Your first proposal/ }).waitFor();
    await board.getByRole("columnheader", { name: /Sam's first proposal/ }).waitFor();
    expect(await board.locator("td.changed").count()).toBe(0); // first proposals have nothing to differ from

    // Counter from Sam's offer: the builder fills with his package; Pat changes the payment terms and sends.
    await board.getByRole("button", { name: "Counter from this offer: Sam's first proposal" }).click();
    await patBuilder.getByText("Started from Sam's first proposal").waitFor();
    for (const [issue, id] of Object.entries(SAM_FIRST)) expect(await patBuilder.getByLabel(issueName(issue), { exact: true }).inputValue()).toBe(id);
    await patBuilder.getByLabel(issueName("payment-terms"), { exact: true }).selectOption(PAT_SECOND["payment-terms"]!);
    await patBuilder.getByRole("button", { name: "Send proposal" }).dblclick(); // a double click sends one proposal
    await board.getByRole("columnheader", { name: /Your second proposal/ }).waitFor();
    await sam.getByRole("heading", { name: "Pat's second proposal" }).waitFor();

    // Sam counters from Pat's second proposal on his own board.
    await sam.getByRole("tab", { name: /Offer board/ }).click();
    await sam.locator("table.board").getByRole("button", { name: "Counter from this offer: Pat's second proposal" }).click();
    await fill(samBuilder, { "payment-terms": SAM_SECOND["payment-terms"]! });
    await samBuilder.getByRole("button", { name: "Send proposal" }).click();

    await board.getByRole("columnheader", { name: /Sam's second proposal/ }).waitFor();
    expect(await board.locator("thead th.offer-head").allTextContents()).toEqual([
      expect.stringMatching(/^Your first proposal · \d\d:\d\d/),
      expect.stringMatching(/^Sam's first proposal · \d\d:\d\d/),
      expect.stringMatching(/^Your second proposal · \d\d:\d\d/),
      expect.stringMatching(/^Sam's second proposal · \d\d:\d\d.*on the table/),
    ]);
    // Changes against the same side's previous offer: Pat's second (contract length and payment terms), Sam's second (payment terms).
    const changed = await board.locator("td.changed .cell-option").allTextContents();
    expect(changed.sort()).toEqual([option("contract-length", "three-years-exit"), option("payment-terms", "net-60"), option("payment-terms", "net-45")].sort());
    const totals = await board.locator("tr.totals td strong").allTextContents();
    expect(totals.at(-1)).toBe("72"); // PACKAGE_3PL is worth 72 to procurement
    await board.locator("tr.totals th").getByText("(BATNA 3)").waitFor();
    expect(await pat.locator("form.offer-builder").count()).toBe(1);
    await checkScreen(pat, "11-offer-board");

    // Accept with one confirmation, showing the package and its points against the BATNA.
    await pat.getByRole("button", { name: "Accept…" }).click();
    const dialog = pat.getByRole("dialog", { name: "Accept Sam's second proposal?" });
    await dialog.getByText("Worth 72 points to you against your BATNA of 3").waitFor();
    await dialog.getByRole("row", { name: new RegExp(issueName("payment-terms")) }).getByText(option("payment-terms", "net-45")).waitFor();
    await checkScreen(pat, "12-accept-confirm");
    await dialog.getByRole("button", { name: "Not yet" }).click();
    await dialog.waitFor({ state: "hidden" });
    await pat.getByRole("button", { name: "Accept…" }).click();
    await dialog.getByRole("button", { name: "Yes, accept this deal" }).dblclick(); // one accept, however many clicks
    for (const page of [pat, sam]) await page.getByRole("heading", { name: "Reflection" }).first().waitFor({ timeout: 15_000 });
  }, 240_000);
});
