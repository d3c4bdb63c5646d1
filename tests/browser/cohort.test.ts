import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toCohortSnapshot, type RawCohortState } from "../../client/src/cohort/snapshot.js";
import { routeFromPath, sessionLink, sessionTrainerLink } from "../../client/src/lib/codes.js";
import { loadScenario } from "../support/scenarios.js";
import { browserAvailable, card, checkScreen, pressAndConfirm, startRig, type BrowserRig } from "./support.js";

// A facilitated session (docs/cohorts.md) driven from the trainer's screens, with four participants in their own browsers.

const scenario = loadScenario("strategic-3pl.yaml");
const TITLE = "Key account academy";

const run = browserAvailable();
let rig: BrowserRig;
beforeAll(async () => {
  if (run) rig = await startRig();
}, 120_000);
afterAll(async () => rig?.close());

const newPage = async (width = 1280) => (await rig.browser.newContext({ viewport: { width, height: 900 } })).newPage();

/** A participant joins from the session link with a name and a function, and answers the before poll. */
async function joinAndPoll(page: Page, code: string, name: string, fn: "Sales" | "Procurement", shots?: string): Promise<void> {
  await page.goto(`${rig.server.url}/s/${code}`);
  const join = card(page, "Join a session");
  await join.getByText(TITLE).waitFor(); // the link names the session before anyone types
  await join.getByLabel("Your name").fill(name);
  await join.getByLabel(fn, { exact: true }).check();
  await join.getByRole("button", { name: "Join the session" }).click();
  await page.getByRole("heading", { name: /Before we start/ }).waitFor();
  expect(new URL(page.url()).pathname).toBe(`/s/${code}`);
  if (shots) await checkScreen(page, `${shots}-poll`);
  await page.getByLabel(fn === "Sales" ? "One word for procurement" : "One word for sales people").fill(fn === "Sales" ? "gatekeepers" : "pushy");
  await page.getByLabel(/^5$/).check();
  await page.getByRole("button", { name: "Send my answers" }).click();
  await page.getByRole("heading", { name: "Waiting for your table" }).waitFor();
  await page.getByLabel("Your personal link to this session").waitFor();
  if (shots) await checkScreen(page, `${shots}-wait`);
}

/** The scenario's reflection survey, answered the same way by everyone. */
async function reflect(page: Page): Promise<void> {
  await page.getByRole("heading", { name: "Reflection" }).waitFor({ timeout: 15_000 });
  for (const group of await page.locator("fieldset.likert").all()) await group.getByLabel("5", { exact: true }).check();
  await page.getByLabel("One word for the other side.").fill("fair");
  await pressAndConfirm(page, page.getByRole("button", { name: /Submit and see the debrief/ }));
}

/** The negotiation code in a participant's address once they are at their table (/n/CODE). */
function tableCode(page: Page): string {
  const m = /^\/n\/([A-Z0-9]+)$/.exec(new URL(page.url()).pathname);
  if (!m?.[1]) throw new Error(`not at a table: ${page.url()}`);
  return m[1];
}

describe("session links and state, without a browser", () => {
  it("reads the participant, dashboard and plenary routes of a session from the path", () => {
    expect(routeFromPath("/s/k7m2-qx9p")).toEqual({ kind: "session", code: "K7M2QX9P" });
    expect(routeFromPath("/s/K7M2QX9P/trainer")).toEqual({ kind: "session-trainer", code: "K7M2QX9P" });
    expect(routeFromPath("/s/K7M2QX9P/plenary/")).toEqual({ kind: "session-plenary", code: "K7M2QX9P" });
    expect(routeFromPath("/s/K7M2QX9P/elsewhere")).toEqual({ kind: "home" });
    expect(sessionLink("https://x.test", "K7M2QX9P", "a/b")).toBe("https://x.test/s/K7M2QX9P#token=a%2Fb");
    expect(sessionTrainerLink("https://x.test", "K7M2QX9P", "k")).toBe("https://x.test/s/K7M2QX9P/trainer#key=k");
  });

  it("turns the trainer's view into a dashboard: tables in table order, a banner, and the same list while nothing changed", () => {
    const table = (id: string) => JSON.stringify({ id, code: `C${id}`, scenarioId: "s", phase: "lobby", phaseEndsAt: 0, paused: false, status: "lobby", seats: [], lastOffer: null, outcome: null, flags: [], lastMoveAt: 0 });
    const raw: RawCohortState = {
      protocol: 1, code: "K7M2QX9P", title: "Day", status: "running", policy: "balanced", scenarios: "[]",
      banner: JSON.stringify({ text: "Ten minutes", at: 1 }), participantCount: 2,
      views: { "#trainer": { viewer: "#trainer", me: "null", roster: "[]", grouping: "null", tables: { T10: table("T10"), T2: table("T2"), T1: table("T1") } } },
    };
    const first = toCohortSnapshot(raw, "#trainer");
    expect(first.tables.map((t) => t.id)).toEqual(["T1", "T2", "T10"]);
    expect(first.banner?.text).toBe("Ten minutes");
    expect(first.me).toBeNull();
    expect(toCohortSnapshot(raw, "#trainer").tables).toBe(first.tables);
    expect(toCohortSnapshot({ ...raw, banner: "" }, "#trainer").banner).toBeNull();
  });
});

describe.runIf(run)("a facilitated session", () => {
  it("is run from the dashboard: participants arrive, are grouped, negotiate at live tables, and the plenary opens", async () => {
    const trainer = await newPage(1366);
    await trainer.goto(rig.server.url);
    const create = card(trainer, "Run a session");
    await create.getByLabel("Session title").fill(TITLE);
    await create.getByLabel(new RegExp(scenario.title.slice(0, 30))).check();
    expect(await create.getByLabel("Length in minutes").inputValue()).toBe(String(scenario.durationMinutes)); // the longest chosen scenario
    await create.getByLabel(/Role reversal/).check();
    await create.getByText("Sales people play procurement and procurement people play sales.").waitFor();
    await create.getByLabel(/Balanced/).check();
    await checkScreen(trainer, "cohort-01-create");
    await create.getByRole("button", { name: "Create the session" }).click();

    const saved = card(trainer, "Save your session trainer link");
    await saved.waitFor();
    await saved.getByText(/Anyone with this link runs the session/).waitFor();
    const code = ((await saved.locator(".big-code").textContent()) ?? "").trim();
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    const link = await saved.getByLabel("Session trainer link").inputValue();
    expect(link).toMatch(new RegExp(`^${rig.server.url}/s/${code}/trainer#key=.+`));
    await checkScreen(trainer, "cohort-02-trainer-link-once");
    await saved.getByRole("button", { name: /open the dashboard/ }).click();
    await trainer.getByRole("heading", { name: TITLE, level: 1 }).waitFor();
    expect(new URL(trainer.url()).pathname).toBe(`/s/${code}/trainer`);
    await checkScreen(trainer, "cohort-03-dashboard-empty");

    // Four people arrive from their own browsers; the roster fills as they do.
    const people = [
      { name: "Ana", fn: "Sales" as const },
      { name: "Ben", fn: "Procurement" as const },
      { name: "Cleo", fn: "Sales" as const },
      { name: "Dev", fn: "Procurement" as const },
    ];
    const pages: Page[] = [];
    for (const [i, p] of people.entries()) {
      const page = await newPage(i === 0 ? 390 : 1024); // the first one on a phone-sized screen
      await joinAndPoll(page, code, p.name, p.fn, i === 0 ? "cohort-04-participant" : undefined);
      pages.push(page);
      await trainer.getByRole("cell", { name: p.name, exact: true }).waitFor();
    }
    await trainer.getByRole("heading", { name: "Participants (4)" }).waitFor();
    expect(await trainer.locator("table.roster tbody tr").filter({ hasText: "✓ done" }).count()).toBe(4);

    // The links work on another device: the trainer link opens the dashboard, a personal link the participant's place; neither stays in the address bar.
    const elsewhere = await rig.browser.newContext();
    const laptop = await elsewhere.newPage();
    await laptop.goto(link);
    await laptop.getByRole("heading", { name: "Participants (4)" }).waitFor();
    expect(new URL(laptop.url()).hash).toBe("");
    const personal = await (pages[1] ?? trainer).getByLabel("Your personal link to this session").inputValue();
    expect(personal).toMatch(new RegExp(`^${rig.server.url}/s/${code}#token=.+`));
    const phone = await elsewhere.newPage();
    await phone.goto(personal);
    await phone.getByText("You are Ben, procurement.").waitFor();
    await phone.getByRole("heading", { name: "Waiting for your table" }).waitFor();
    expect(new URL(phone.url()).hash).toBe("");
    await elsewhere.close();

    // A page reload keeps the dashboard: the key is on this device.
    await trainer.reload();
    await trainer.getByRole("heading", { name: "Participants (4)" }).waitFor();

    // Auto-group by the policy, then move one person by hand (into a taken seat: the two swap).
    await trainer.getByRole("button", { name: "Auto-group" }).click();
    await trainer.getByRole("heading", { name: /^T1 · / }).waitFor();
    await trainer.getByRole("heading", { name: /^T2 · / }).waitFor();
    const anaSeat = trainer.getByLabel(/^Seat for Ana/);
    const before = await anaSeat.inputValue();
    const target = (await anaSeat.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).find((v) => v !== before && v.endsWith("|sales"));
    expect(target).toBeTruthy();
    await anaSeat.selectOption(target ?? "");
    await expect.poll(() => trainer.getByLabel(/^Seat for Ana/).inputValue()).toBe(target);
    await checkScreen(trainer, "cohort-05-grouping");

    // Open the tables: every participant's screen moves to their negotiation.
    await trainer.getByRole("button", { name: "Open the tables" }).click();
    for (const page of pages) await page.getByRole("heading", { name: "Lobby" }).waitFor({ timeout: 15_000 });
    await trainer.getByRole("heading", { name: "Live tables" }).waitFor();
    const cards = trainer.locator("article.table-card");
    await expect.poll(() => cards.count()).toBe(2);
    const tableCard = (negotiation: string) => cards.filter({ hasText: `Code ${negotiation}` });

    await trainer.getByRole("button", { name: "Start all" }).click();
    for (const page of pages) await page.getByRole("heading", { name: /Your private brief/ }).waitFor({ timeout: 15_000 });
    await checkScreen(pages[0] ?? trainer, "cohort-06-participant-at-table");

    // One table moves on (both read their briefs): its card follows.
    const first = tableCode(pages[0] ?? trainer);
    const atFirst = pages.filter((p) => tableCode(p) === first);
    expect(atFirst.length).toBe(2);
    const firstCard = tableCard(first);
    await firstCard.getByText("Briefing").waitFor();
    for (const page of atFirst) await pressAndConfirm(page, page.getByRole("button", { name: /I have read my brief/ }));
    await firstCard.getByText("Preparation").waitFor({ timeout: 15_000 });
    await firstCard.getByText(/\d+:\d\d left/).waitFor();
    await checkScreen(trainer, "cohort-07-dashboard-live");

    // Pause and resume that one table; the players see it too, the other table runs on.
    const id = ((await firstCard.locator("h3").textContent()) ?? "").split(" · ")[0] ?? "";
    await firstCard.getByRole("button", { name: `Pause ${id}` }).click();
    await firstCard.getByText("Paused").waitFor();
    for (const page of atFirst) await page.getByText("Paused", { exact: true }).first().waitFor();
    const other = cards.filter({ hasNotText: `Code ${first}` });
    expect(await other.getByText("Paused").count()).toBe(0);
    await firstCard.getByRole("button", { name: `Resume ${id}` }).click();
    await firstCard.getByText(/\d+:\d\d left/).waitFor();

    // A broadcast reaches every table.
    await trainer.getByLabel("Message to every table").fill("Ten minutes to the proposals — keep an eye on the clock");
    await trainer.getByRole("button", { name: "Broadcast" }).click();
    for (const page of pages) {
      await page.getByText(/Ten minutes to the proposals/).waitFor();
      expect(await page.getByText(/Ten minutes to the proposals/).count()).toBe(1); // once, not once per room
    }
    await checkScreen(pages[1] ?? trainer, "cohort-08-broadcast-at-table");

    // Market news: the trainer reads the note meant for them, announces it, and it reaches the tables' transcripts (checked below); a second announcement is refused.
    const news = scenario.marketEvents.find((m) => m.id === "diesel-surcharge");
    expect(news?.title).toBe("Diesel up 12 % in a month");
    const market = trainer.locator("section.market-news");
    await market.getByRole("heading", { name: news?.title ?? "" }).waitFor();
    await market.getByText("For you:").waitFor();
    await pressAndConfirm(trainer, market.getByRole("button", { name: /^Announce to every table/ }));
    await market.getByText(/^Announced at T1, T2\./).waitFor();
    await checkScreen(trainer, "cohort-08b-market-news");
    await pressAndConfirm(trainer, market.getByRole("button", { name: /^Announce to every table/ }));
    await market.getByRole("alert").getByText(/already been announced/).waitFor();

    // The grouping stays at hand after opening, collapsed under "Reassign seats".
    const reassign = trainer.locator("details.reassign");
    expect(await reassign.getAttribute("open")).toBeNull();
    await reassign.locator("summary").click();
    await reassign.getByText("Moving someone into a seat hands it to them at once; the person there takes the mover's old place.").waitFor();
    await reassign.getByLabel(/^Seat for Ana/).waitFor();
    await checkScreen(trainer, "cohort-08c-reassign");
    await reassign.locator("summary").click();

    // "Watch" opens that table's facilitator view with the session's key, and leads back to the dashboard.
    await firstCard.getByRole("link", { name: `Watch ${id}` }).click();
    await trainer.getByRole("heading", { name: "Facilitator view" }).waitFor();
    expect(new URL(trainer.url()).pathname).toBe(`/n/${first}/trainer`);
    // The announced news is in that table's transcript, by its title (no player here reaches the talks screen, where players see the transcript).
    await trainer.getByRole("tab", { name: "Transcript" }).click();
    await trainer.locator(".transcript").getByText(news?.title ?? "").first().waitFor({ timeout: 15_000 });
    await trainer.getByRole("link", { name: /Back to the session dashboard/ }).click();
    await trainer.getByRole("heading", { name: "Live tables" }).waitFor();

    // The plenary, for the projector; names stay hidden until the trainer shows them.
    await trainer.getByRole("link", { name: "Open the plenary" }).click();
    await trainer.waitForURL(`**/s/${code}/plenary`);
    await trainer.getByRole("heading", { name: "How we see each other" }).waitFor({ timeout: 15_000 });
    await trainer.getByRole("heading", { name: scenario.title }).waitFor();
    expect(await trainer.locator("figure.plenary-chart svg").count()).toBeGreaterThan(0);
    expect(await trainer.getByText(/\bAna\b/).count()).toBe(0); // the name, not "management"
    await checkScreen(trainer, "cohort-09-plenary");
    await trainer.getByRole("button", { name: "Show names" }).click();
    await trainer.getByRole("columnheader", { name: "People" }).first().waitFor();
    expect(await trainer.getByRole("cell", { name: /Ana/ }).count()).toBeGreaterThan(0);

    // End the session: every table stops without a deal; each participant is offered the way back for the after poll.
    await trainer.getByRole("link", { name: "Back to the dashboard" }).click();
    await trainer.getByRole("heading", { name: "Live tables" }).waitFor();
    await trainer.getByRole("button", { name: "End session…" }).click();
    await trainer.getByText(`End “${TITLE}” now?`).waitFor();
    await trainer.getByRole("button", { name: "Yes, end the session" }).click();
    await trainer.getByText("Ended", { exact: true }).waitFor();
    await expect.poll(() => cards.filter({ hasText: "No deal" }).count(), { timeout: 15_000 }).toBe(2);
    await checkScreen(trainer, "cohort-10-dashboard-ended");

    // The tables end in the scenario's reflection; once both seats answer, the debrief opens.
    for (const page of pages) await reflect(page);
    const ana = pages[0] ?? trainer;
    await ana.getByRole("link", { name: /Back to the session: answer the after poll/ }).waitFor({ timeout: 15_000 });
    await checkScreen(ana, "cohort-11-debrief-way-back");
    await ana.getByRole("link", { name: /Back to the session: answer the after poll/ }).click();
    await ana.getByRole("heading", { name: /After your negotiation/ }).waitFor();
    await ana.getByLabel("One word for procurement").fill("partners");
    await ana.getByLabel(/^6$/).check();
    await ana.getByRole("button", { name: "Send my answers" }).click();
    await ana.getByText(/Thank you — your answers are in/).waitFor();
    await trainer.locator("table.roster tr").filter({ hasText: "Ana" }).getByRole("cell", { name: "✓ done" }).nth(1).waitFor();

    // The results, as files fetched with the trainer key.
    const download = trainer.waitForEvent("download");
    await trainer.getByRole("button", { name: "Download Results (CSV)" }).click();
    const csv = await download;
    expect(csv.suggestedFilename()).toBe(`session-${code}-export.csv`);
    expect(readFileSync(await csv.path(), "utf8")).toContain("T1");

    // The plenary now has both tables' results: no deal, at the BATNAs.
    await trainer.getByRole("link", { name: "Open the plenary" }).click();
    await trainer.getByRole("heading", { name: "How we see each other" }).waitFor({ timeout: 15_000 });
    await trainer.getByText("2 finished").first().waitFor();
    // Both impasses sit at the BATNAs: one mark names both tables.
    await trainer.locator("figure.plenary-chart .outcome").filter({ hasText: "T1, T2" }).waitFor();
    await checkScreen(trainer, "cohort-12-plenary-results");

    // Home lists the session on this device; erasing it asks first, naming it, and removes it.
    await trainer.goto(rig.server.url);
    const mine = card(trainer, "My sessions on this device");
    await mine.getByRole("link", { name: TITLE }).click();
    await trainer.getByRole("heading", { name: "Live tables" }).waitFor();
    await trainer.getByRole("button", { name: "Erase this session…" }).click();
    await trainer.getByText(`Erase “${TITLE}” (${code}) for good?`).waitFor();
    await checkScreen(trainer, "cohort-13-erase-confirm");
    await trainer.getByRole("button", { name: `Erase “${TITLE}”` }).click();
    await trainer.getByRole("heading", { name: "Negotiation Simulator" }).waitFor();
    expect(await card(trainer, "My sessions on this device").count()).toBe(0);
    expect((await fetch(`${rig.server.url}/api/sessions/${code}`)).status).toBe(404);
  }, 240_000);
});
