import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ValueQuadrant } from "../../client/src/debrief/Charts.js";
import { DebriefScreen } from "../../client/src/debrief/DebriefScreen.js";
import { SeatDebriefs } from "../../client/src/debrief/SeatDebriefs.js";
import type { LogEntry } from "../../shared/negotiation/events.js";
import { canSee, privateBrief, projectEntry, publicScenario, seatDebrief, seatViewer, trainerDebrief, type PrivateBrief, type Stage } from "../../shared/negotiation/visibility.js";
import { scoreNegotiation } from "../../shared/scoring/debrief.js";
import { answers, entry, T0 } from "../fixtures/scoring/logs.js";
import { PACKAGE_3PL, REFLECTION } from "../support/plays.js";
import { play3pl } from "../support/plays.js";
import { loadScenario } from "../support/scenarios.js";
import { leaveTable, openTable, type Table } from "../support/tables.js";
import { browserAvailable, checkScreen, shot, startRig, type BrowserRig } from "./support.js";

// The debrief a manager would read: the summary first, plain words, charts that follow the scenario's scale,
// points against how it felt, and the survey's own answers to their author only.

const large = loadScenario("tests/fixtures/scenarios/large-scale/large-scale.yaml");
const B = "buyer";
const S = "supplier";
const both = [B, S];
const pkg = (price: string, term: string) => ({ price, term });
/** The other side's survey, with words that must never reach the buyer's screen. */
const SUPPLIER_SURVEY = { ...answers(6, 6, 5, 7, "zebra-crossing"), comment: "A private note for the trainer only." };

/** A deal on the 0–1,500 scale: buyer 1,200 (BATNA 400), supplier 1,200 (BATNA 400). */
function largeLog(): LogEntry[] {
  return [
    entry(1, 0, B, "seat.claim", "lobby", { seat: B, occupant: "human" }),
    entry(2, 0, S, "seat.claim", "lobby", { seat: S, occupant: "human" }),
    entry(3, 1, "facilitator", "session.start", "lobby"),
    entry(4, 1, "system", "phase.started", "prepare", { phase: "prepare", endsAt: T0 + 6 * 60_000 }),
    entry(5, 6, "system", "phase.started", "discover", { phase: "discover", endsAt: T0 + 16 * 60_000 }),
    entry(6, 7, B, "question.ask", "discover", { text: "How long a contract do you need to plan your technicians?", to: [S], about: { kind: "issue", id: "term" } }, both),
    entry(7, 8, S, "question.answer", "discover", { question: 6, text: "Three years lets us dedicate two technicians to your site.", to: [B] }, both),
    entry(8, 9, B, "fact.disclose", "discover", { fact: "budget-cut", to: [S] }, both),
    entry(9, 16, "system", "phase.started", "negotiate", { phase: "negotiate", endsAt: T0 + 36 * 60_000 }),
    entry(10, 17, B, "offer.propose", "negotiate", { to: S, package: pkg("low", "one-year") }, both),
    entry(11, 19, S, "offer.propose", "negotiate", { to: B, package: pkg("high", "three-year") }, both),
    entry(12, 22, S, "offer.propose", "negotiate", { to: B, package: pkg("mid", "three-year") }, both),
    entry(13, 25, B, "offer.propose", "negotiate", { to: S, package: pkg("low", "three-year") }, both),
    entry(14, 26, S, "offer.accept", "negotiate", { offer: 13, package: pkg("low", "three-year"), parties: [B, S] }, both),
    entry(15, 26, "system", "negotiation.ended", "negotiate", { outcome: "deal", reason: "accepted", agreement: { parties: [B, S], package: pkg("low", "three-year"), source: 13 } }),
    entry(16, 26, "system", "phase.started", "reflect", { phase: "reflect", endsAt: T0 + 31 * 60_000 }),
    entry(17, 27, B, "reflection.submit", "reflect", { answers: answers(6, 5, 6, 6, "steady") }, [B]),
    entry(18, 28, S, "reflection.submit", "reflect", { answers: SUPPLIER_SURVEY }, [S]),
    entry(19, 28, "system", "phase.started", "debrief", { phase: "debrief", endsAt: null }),
  ];
}

const stage: Stage = { scenario: large, revealed: true };
const log = largeLog();
const scored = scoreNegotiation(large, log);
const briefs: Record<string, PrivateBrief> = Object.fromEntries(both.flatMap((id) => { const b = privateBrief(large, id); return b ? [[id, b]] : []; }));
const seatNames = { [B]: "Pat (Acme Plant)", [S]: "Sam (FixIt Services)" };
const PAD = { left: 48, right: 16, top: 16, bottom: 40 };
const W = 520;
const H = 300;

/** The buyer's debrief as the buyer's browser receives it: its own log (visibility decides), its own view. */
function buyerHtml(): string {
  const viewer = seatViewer(B);
  const own = log.filter((e) => canSee(stage, e, viewer)).map((e) => projectEntry(stage, e, viewer));
  const visible = new Set(own.map((e) => e.seq));
  const view = seatDebrief(stage, scored, B, (seq) => (visible.has(seq) ? seq : null));
  return renderToString(createElement(DebriefScreen, { view, scenario: publicScenario(large), seat: B, briefs, log: own, seatNames }));
}

/** The svg of the figure whose caption starts with `caption`. */
function figure(html: string, caption: string): string {
  const figures = html.split("<figure").slice(1);
  const found = figures.find((f) => f.includes(`>${caption}`) || f.includes(caption));
  if (!found) throw new Error(`no figure with ${caption}`);
  return found;
}

const ticks = (svg: string, axis: "x" | "y") => [...svg.matchAll(new RegExp(`class="tick tick-${axis}" x="([\\d.]+)" y="([\\d.]+)"[^>]*>([^<]+)<`, "g"))].map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3] ?? "" }));

describe("the debrief screen, rendered from a scenario scored 0–1,500", () => {
  const html = buyerHtml().replace(/<!-- -->/g, "");

  it("draws the frontier on the scenario's own scale: both axes reach 1,500 and the deal lies inside the plot", () => {
    const svg = figure(html, "The shaded area beats both BATNAs");
    expect(ticks(svg, "x").map((t) => t.text)).toContain("1,500");
    expect(ticks(svg, "y").map((t) => t.text)).toContain("1,500");
    const deal = /<circle class="deal" cx="([\d.]+)" cy="([\d.]+)"/.exec(svg);
    expect(deal).not.toBeNull();
    const [cx, cy] = [Number(deal?.[1]), Number(deal?.[2])];
    expect(cx).toBeGreaterThan(PAD.left);
    expect(cx).toBeLessThan(W - PAD.right);
    expect(cy).toBeGreaterThan(PAD.top);
    expect(cy).toBeLessThan(H - PAD.bottom);
  });

  it("draws the concession curves to 1,500 points, with axis numbers that never overlap", () => {
    const svg = figure(html, "Concession curves");
    const ys = ticks(svg, "y");
    expect(ys.map((t) => t.text)).toContain("1,500");
    const xs = ticks(svg, "x");
    expect(new Set(xs.map((t) => t.text)).size).toBe(xs.length); // no repeated minute
    for (let i = 1; i < xs.length; i++) expect(Math.abs((xs[i]?.x ?? 0) - (xs[i - 1]?.x ?? 0))).toBeGreaterThanOrEqual(40);
    for (let i = 1; i < ys.length; i++) expect(Math.abs((ys[i]?.y ?? 0) - (ys[i - 1]?.y ?? 0))).toBeGreaterThanOrEqual(14);
  });

  it("opens on a summary: who, which scenario, the agreed terms with own points, the result against BATNA and the best possible", () => {
    expect(html).toContain("Pat</strong>, Category manager, Acme Plant");
    expect(html).toContain("Large-scale partnership");
    expect(html).toMatch(/data-testid="debrief-when">\d{1,2} November 2023/);
    expect(html).toContain("<th scope=\"row\">Price</th><td>Low</td><td class=\"num\">1,200</td>");
    expect(html).toContain("You scored 1,200 points; walking away would have given you 400 (your BATNA): 800 points better than your alternative.");
    expect(html).toMatch(/% of the best possible/);
    expect(html).toMatch(/balanced best deal \(the Nash point\)/);
    // The summary comes before the details.
    expect(html.indexOf("What went well")).toBeLessThan(html.indexOf("How you negotiated"));
  });

  it("names the moves behind each point instead of numbering them", () => {
    const summary = html.slice(0, html.indexOf("The details"));
    expect(summary).not.toMatch(/#\d+</);
    expect(html).toContain(">your second proposal</a>"); // the accepted offer
    expect(html).toContain(">your question about Contract length</a>");
  });

  it("explains the words it uses, and shows the buyer's own survey answers but never the supplier's", () => {
    for (const term of ["BATNA", "Pareto frontier", "Nash point", "Surplus", "Logrolling", "MESO", "Second source"]) expect(html).toContain(`>${term}</dt>`);
    expect(html).toContain("Won the points,");
    expect(html).toContain("lost the relationship");
    expect(html).toContain("How they rated you");
    expect(html).toContain("How you felt");
    expect(html).toContain("steady"); // the buyer's own word
    expect(html).not.toContain("zebra-crossing");
    expect(html).not.toContain("A private note for the trainer only.");
  });

  it("sets markers of the 2×2 that fall on one spot side by side", () => {
    const svg = renderToString(createElement(ValueQuadrant, { xLabel: "Share", points: [
      { key: "rated", label: "How they rated you", x: 90, y: 75, shape: "circle" },
      { key: "other", label: "How they felt", x: 10, y: 76, shape: "diamond" },
      { key: "felt", label: "How you felt", x: 90, y: 76, shape: "square" },
    ] }));
    const circle = Number(/<circle cx="([\d.]+)"/.exec(svg)?.[1]);
    const square = /<g class="qpoint qpoint-felt"><rect x="([\d.]+)"/.exec(svg);
    expect(Math.abs(Number(square?.[1]) + 6 - circle)).toBeGreaterThanOrEqual(14);
    for (const q of ["Won the points", "lost the relationship", "kept the relationship", "Lost the points"]) expect(svg).toContain(q);
  });

  it("shows the trainer both sides' answers", () => {
    const trainer = renderToString(createElement(SeatDebriefs, { debriefs: trainerDebrief(scored), scenario: publicScenario(large), briefs, log, seatNames }));
    expect(trainer).toContain("The survey answers, side by side");
    expect(trainer).toContain("zebra-crossing");
    expect(trainer).toContain("steady");
  });
});

const run = browserAvailable();
let rig: BrowserRig;
beforeAll(async () => {
  if (run) rig = await startRig();
}, 120_000);
afterAll(async () => rig?.close());

describe.runIf(run)("the debrief of a strategic deal in Chromium", () => {
  let table: Table;
  afterAll(() => table && leaveTable(table));

  it("opens on the summary a manager would read, with the glossary, the 2×2 and the survey's own answers", async () => {
    table = await openTable(rig.server, "strategic-3pl", { procurement: "Pat", sales: "Sam" }, { trainer: true });
    const p = table.seats.procurement!;
    const s = table.seats.sales!;
    const { counter } = await play3pl({ procurement: p, sales: s });
    await p.must({ type: "offer.accept", offer: counter });
    await p.must({ type: "reflection.submit", answers: REFLECTION });
    await s.must({ type: "reflection.submit", answers: { ...REFLECTION, "one-word": "zebra-crossing" } });
    const token = p.hello?.token;
    expect(token).toBeTruthy();

    const page = await (await rig.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(`${rig.server.url}/n/${table.code}#token=${encodeURIComponent(token ?? "")}`);
    await page.getByRole("heading", { name: /^Deal/, level: 1 }).waitFor({ timeout: 15_000 });
    const who = await page.getByTestId("debrief-who").textContent();
    expect(who).toContain("Pat");
    await page.getByTestId("debrief-when").waitFor();
    // The agreed terms, each issue with its option.
    const terms = page.locator("table.terms-table");
    const issues = loadScenario("strategic-3pl.yaml").issues;
    for (const [issue, option] of Object.entries(PACKAGE_3PL)) {
      const i = issues.find((x) => x.id === issue)!;
      await terms.getByRole("row", { name: new RegExp(`^${i.name.replace(/[()]/g, ".")}`) }).getByText(i.options.find((o) => o.id === option)!.label, { exact: true }).waitFor();
    }
    await page.getByRole("heading", { name: "Your result" }).waitFor();
    expect(await page.locator(".went-well li").count()).toBeGreaterThan(0);
    expect(await page.locator(".went-well li").count()).toBeLessThanOrEqual(3);
    expect(await page.locator(".to-change li").count()).toBeLessThanOrEqual(3);
    const summaryText = (await page.locator(".debrief-summary").textContent()) ?? "";
    expect(summaryText).not.toMatch(/See: #\d/);
    expect(summaryText).not.toMatch(/#\d+/);
    // The summary fits the first screen's width; the details follow below it.
    await page.getByRole("heading", { name: "Words used in this debrief" }).waitFor();
    await page.getByRole("term").filter({ hasText: "Pareto frontier" }).waitFor();
    await page.getByRole("heading", { name: "Points and the relationship" }).waitFor();
    await page.locator("figure.quadrant").getByText("lost the relationship").waitFor();
    await page.getByRole("cell", { name: "6 of 7" }).first().waitFor(); // the player's own answers
    expect(await page.getByText("zebra-crossing").count()).toBe(0); // never the other side's
    // The existing details are still there, under the summary.
    await page.getByRole("heading", { name: "Trust", level: 3 }).waitFor();
    expect(await page.locator("figure.chart svg").count()).toBe(3);
    await page.getByRole("heading", { name: "The briefs, revealed" }).waitFor();
    await checkScreen(page, "debrief-01-summary");

    // A named link opens the collapsed transcript at its moment.
    const link = page.locator(".debrief-summary .event-links a").first();
    if (await link.count()) {
      const href = (await link.getAttribute("href")) ?? "";
      await link.click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? "")).toBe(href.slice(1));
    }

    // Printed, the summary fits one A4 page: 210 mm less Chromium's default margins is about 718 px wide at 96 dpi,
    // 297 mm less the margins about 1,047 px high.
    await page.setViewportSize({ width: 718, height: 1047 });
    await page.emulateMedia({ media: "print" });
    await shot(page, "debrief-03-print");
    await page.pdf({ path: "test-artifacts/screenshots/debrief-03-print.pdf", format: "A4" });
    const summary = await page.locator(".debrief-summary").boundingBox();
    expect(summary?.height ?? Infinity).toBeLessThan(1047);
    await page.context().close();
  }, 120_000);

  it("shows the trainer both sides' survey answers in the facilitator's debriefs", async () => {
    const page = await (await rig.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(`${rig.server.url}/n/${table.code}/trainer#key=${encodeURIComponent(table.trainerKey ?? "")}`);
    await page.getByRole("tab", { name: "Debriefs" }).click();
    await page.getByRole("heading", { name: "Debriefs, seat by seat" }).waitFor({ timeout: 15_000 });
    await page.getByText("The survey answers, side by side").waitFor();
    await page.getByRole("cell", { name: "zebra-crossing" }).waitFor();
    await checkScreen(page, "debrief-04-trainer");
    await page.context().close();
  }, 60_000);
});
