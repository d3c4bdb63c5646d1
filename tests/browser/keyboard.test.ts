import { Client } from "@colyseus/sdk";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MoveInput } from "../../shared/protocol.js";
import { PACKAGE_3PL, REFLECTION } from "../support/plays.js";
import { loadScenario } from "../support/scenarios.js";
import { SeatClient } from "../support/seat-client.js";
import { browserAvailable, checkScreen, startRig, type BrowserRig } from "./support.js";

/**
 * A whole strategic negotiation played with the keyboard alone: the player
 * under test only presses Tab, Shift+Tab, Enter, Space, Escape and the arrow
 * keys (and types into fields); the page is read, never clicked. The other
 * side plays over its own socket.
 */

const scenario = loadScenario("strategic-3pl.yaml");
const seat = (id: string) => scenario.seats.find((s) => s.id === id)!;
const objective = (id: string) => scenario.objectives.find((o) => o.id === id)!.label;
const issueName = (id: string) => scenario.issues.find((i) => i.id === id)!.name;
const phaseTitle = (id: string) => scenario.phases.find((p) => p.id === id)!.title;

const run = browserAvailable();
let rig: BrowserRig;
beforeAll(async () => {
  if (run) rig = await startRig();
}, 120_000);
afterAll(async () => rig?.close());

/** What has the keyboard focus, as a person would describe it. */
interface Focus { tag: string; type: string; name: string; group: string; value: string; selected: string; checked: boolean; inDialog: boolean }

function focused(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const el = document.activeElement;
    const blank = { tag: "", type: "", name: "", group: "", value: "", selected: "", checked: false, inDialog: false };
    if (!(el instanceof HTMLElement)) return blank;
    const field = el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement ? el : null;
    const labels = field?.labels ? [...field.labels].map((l) => l.textContent ?? "").join(" ") : "";
    const name = (el.getAttribute("aria-label") ?? (field ? labels : el.textContent ?? "")).replace(/\s+/g, " ").trim();
    return {
      tag: el.tagName.toLowerCase(),
      type: el instanceof HTMLInputElement ? el.type : "",
      name,
      group: el instanceof HTMLInputElement ? el.name : "",
      value: field?.value ?? "",
      selected: el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.textContent ?? "") : "",
      checked: el instanceof HTMLInputElement && el.checked,
      inDialog: el.closest("dialog[open]") !== null,
    };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches; fails if the keyboard cannot reach it. */
async function tabTo(page: Page, what: string, match: (f: Focus) => boolean, { back = false, max = 200 } = {}): Promise<Focus> {
  for (let i = 0; i < max; i += 1) {
    const f = await focused(page);
    if (match(f)) return f;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`the keyboard cannot reach ${what}`);
}

const button = (name: string | RegExp) => (f: Focus) => f.tag === "button" && (typeof name === "string" ? f.name === name : name.test(f.name));

/** With a radio of the group focused, the arrow keys move to the radio whose value is `value` (and check it). */
async function arrowToRadio(page: Page, value: string, max = 20): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    const f = await focused(page);
    if (f.value === value) {
      if (!f.checked) await page.keyboard.press("Space");
      return;
    }
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`no radio ${value} in the group reached with the arrow keys`);
}

/** With a select focused, the arrow keys move to the option whose text matches. */
async function arrowToOption(page: Page, text: string | RegExp, max = 60): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    const f = await focused(page);
    if (typeof text === "string" ? f.selected.trim() === text : text.test(f.selected)) return;
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`no option ${String(text)} reached with the arrow keys`);
}

/**
 * Presses a button that asks first: the confirmation opens with the focus
 * inside it, Tab stays inside, and Enter on its confirm button goes ahead.
 */
async function pressAndConfirm(page: Page, label: string | RegExp, confirm: string | RegExp, title: string | RegExp): Promise<void> {
  await tabTo(page, `the button ${String(label)}`, button(label));
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: title });
  await dialog.waitFor();
  expect((await focused(page)).inDialog).toBe(true);
  for (let i = 0; i < 6; i += 1) {
    await page.keyboard.press("Tab");
    expect((await focused(page)).inDialog, "Tab stays inside the confirmation").toBe(true);
  }
  await tabTo(page, `the confirmation's ${String(confirm)}`, (f) => f.inDialog && button(confirm)(f), { max: 10 });
  await page.keyboard.press("Enter");
  await dialog.waitFor({ state: "hidden" });
}

/** The other side says ready over its socket; the player's page hears of it before the player says ready last. */
async function counterpartReady(sam: SeatClient, page: Page): Promise<void> {
  await sam.must({ type: "phase.ready" });
  await page.waitForTimeout(600);
}

describe.runIf(run)("the keyboard alone", () => {
  it("plays a whole strategic negotiation, from the home page to the debrief, without a mouse", async () => {
    const page = await (await rig.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(rig.server.url);
    await page.getByRole("heading", { name: "Negotiation Simulator" }).waitFor();

    // Home: choose the scenario and the seat with the arrow keys, type a name, Enter on the start button.
    await tabTo(page, "the scenario choice", (f) => f.type === "radio" && f.group === "start-scenario");
    await arrowToRadio(page, scenario.id);
    await tabTo(page, "the seat choice", (f) => f.type === "radio" && f.group === "start-seat");
    await arrowToRadio(page, "procurement");
    await tabTo(page, "the name field", (f) => f.tag === "input" && f.name === "Your name");
    await page.keyboard.type("Pat");
    await tabTo(page, "the start button", button("Start and open the lobby"));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Lobby" }).waitFor();
    const code = ((await page.locator(".big-code").textContent()) ?? "").trim();

    // The other side takes its seat over a socket.
    const sam = new SeatClient(await new Client(rig.server.url).joinById(code, { seat: "sales", name: "Sam" }), "sam");
    await page.getByText("Everyone needed is here").waitFor();
    await tabTo(page, "the lobby's start button", button("Start the negotiation"));
    await page.keyboard.press("Enter");

    // Briefing: the player says ready last, so the confirmation asks; Escape cancels and gives the focus back.
    await page.getByRole("heading", { name: /Your private brief/ }).waitFor();
    await counterpartReady(sam, page);
    await tabTo(page, "the ready button", button(/I have read my brief/));
    await page.keyboard.press("Enter");
    const moveOn = page.getByRole("dialog", { name: `Move everyone on to “${phaseTitle("preparation")}”?` });
    await moveOn.waitFor();
    expect((await focused(page)).inDialog).toBe(true);
    await page.keyboard.press("Escape");
    await moveOn.waitFor({ state: "hidden" });
    expect((await focused(page)).name).toMatch(/I have read my brief/); // the focus went back where it was
    await pressAndConfirm(page, /I have read my brief/, "Yes, move on", `Move everyone on to “${phaseTitle("preparation")}”?`);

    // Preparation: Space ticks three objectives, Enter saves them.
    await page.getByRole("heading", { name: phaseTitle("preparation"), level: 1 }).waitFor();
    for (const id of ["meet-cfo-target", "lift-service", "protect-data"]) {
      await tabTo(page, `the objective ${objective(id)}`, (f) => f.type === "checkbox" && f.name.startsWith(objective(id)));
      await page.keyboard.press("Space");
      expect((await focused(page)).checked).toBe(true);
    }
    await tabTo(page, "the objectives' Save button", button("Save"));
    await page.keyboard.press("Enter");
    await page.locator("form").filter({ hasText: "Your 3 objectives" }).getByRole("button", { name: /Saved/ }).waitFor();
    await sam.must({ type: "objectives.set", objectives: ["multi-year", "grow-account", "land-reference"] });
    await counterpartReady(sam, page);
    await pressAndConfirm(page, /I'm prepared/, "Yes, move on", `Move everyone on to “${phaseTitle("discovery")}”?`);

    // Discovery: a question with its topic chosen by the arrow keys.
    await page.getByRole("heading", { name: phaseTitle("discovery"), level: 1 }).waitFor();
    await tabTo(page, "the question's topic", (f) => f.tag === "select" && f.name === "What is it about?");
    await arrowToOption(page, issueName("lane-scope"));
    await tabTo(page, "the question field", (f) => f.tag === "textarea" && f.name === "Ask a question");
    await page.keyboard.type("Which of our lanes would you consolidate first?");
    await tabTo(page, "the Ask button", button("Ask"));
    await page.keyboard.press("Enter");
    await page.getByText(new RegExp(`You asked Sam .* about ${issueName("lane-scope")}`)).first().waitFor();
    const asked = await sam.find((e) => e.type === "question.ask");
    await sam.must({ type: "question.answer", question: asked.seq, text: "The Midlands outbound lanes, within one quarter." });
    await page.getByText(/answered your question about .*: “Which of our lanes/).first().waitFor();
    await counterpartReady(sam, page);
    await pressAndConfirm(page, /I'm ready to move on/, "Yes, move on", /^Move everyone on to/);

    // Proposals: the other side sends a package; the player accepts it through the confirmation.
    await sam.must({ type: "offer.propose", to: "procurement", package: PACKAGE_3PL } as MoveInput);
    await page.getByRole("button", { name: /^Accept/ }).first().waitFor();
    await pressAndConfirm(page, /^Accept/, "Yes, accept this deal", /^Accept /);

    // The deal closed: the agreed terms with the player's own points, before the survey.
    await page.getByRole("heading", { name: "Deal closed", level: 1 }).waitFor();
    const terms = page.locator("table.deal-terms");
    await terms.getByRole("rowheader", { name: issueName("lane-scope") }).waitFor();
    expect(await terms.locator("tbody tr").count()).toBe(Object.keys(PACKAGE_3PL).length);
    await page.getByText(/points above your BATNA/).waitFor();
    await checkScreen(page, "k-01-deal-closed");

    // The survey: Tab into each scale, Space and the arrow keys pick 6; type the one word; Enter, then confirm.
    const groups = await page.locator("fieldset.likert input[type=radio]").evaluateAll((inputs) => [...new Set(inputs.map((i) => (i as HTMLInputElement).name))]);
    expect(groups.length).toBeGreaterThan(3);
    for (const group of groups) {
      await tabTo(page, `the scale ${group}`, (f) => f.type === "radio" && f.group === group);
      await page.keyboard.press("Space");
      for (let i = 0; i < 5; i += 1) await page.keyboard.press("ArrowRight");
      expect(await focused(page)).toMatchObject({ value: "6", checked: true });
    }
    await tabTo(page, "the one-word field", (f) => f.tag === "input" && f.name === "One word for the other side.");
    await page.keyboard.type("partner");
    await pressAndConfirm(page, /Submit and see the debrief/, "Yes, send my answers", "Send your answers?");
    await page.getByRole("heading", { name: "Thank you" }).waitFor();
    await sam.must({ type: "reflection.submit", answers: REFLECTION } as MoveInput);

    // The debrief opens, and its first screen is reachable by the keyboard too.
    await page.getByRole("heading", { name: /How you negotiated|Your result/ }).first().waitFor({ timeout: 15_000 });
    await tabTo(page, "a control on the debrief", (f) => f.tag === "button" || f.tag === "a", { max: 40 });
    await checkScreen(page, "k-02-debrief");
    await sam.room.leave();
  }, 180_000);
});
