import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScenario } from "../support/scenarios.js";
import { browserAvailable, card, checkScreen, countCreates, joinSeat, restartServer, startRig, type BrowserRig } from "./support.js";

// Always a way back: the session length chosen at the start, this device's negotiations on Home, one seat per browser,
// Back and Forward between the app's screens, and a page that rejoins by itself after the server restarts.

const scenario = loadScenario("strategic-3pl.yaml");
const seatTitle = (id: string) => {
  const s = scenario.seats.find((x) => x.id === id);
  if (!s) throw new Error(`no seat ${id}`);
  return s.title;
};
const scenarioName = new RegExp(scenario.title.slice(0, 30).replace(/[()]/g, "."));

const run = browserAvailable();
let rig: BrowserRig;
beforeAll(async () => {
  if (run) rig = await startRig();
}, 120_000);
afterAll(async () => rig?.close());

const newPage = async () => (await rig.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();

describe.runIf(run)("always a way back", () => {
  it("starts a shorter session, lists it on Home, keeps one seat per browser, moves Back and Forward, and rejoins after a restart", async () => {
    const pat = await newPage();
    const sockets: string[] = [];
    pat.on("websocket", (ws) => sockets.push(ws.url()));
    await pat.goto(rig.server.url);
    await pat.getByRole("heading", { name: "Negotiation Simulator" }).waitFor();
    expect(await pat.getByText(/Coming soon/).count()).toBe(0); // not advertised until it exists
    expect(await pat.getByRole("heading", { name: "Your negotiations on this device" }).count()).toBe(0); // nothing yet

    // A shorter agenda than the scenario's 85 minutes: the phases are scaled, and the form shows them.
    const start = card(pat, "Start a negotiation and take a seat");
    await start.getByLabel(scenarioName).check();
    await start.getByLabel(new RegExp(seatTitle("procurement"))).check();
    await start.getByLabel("Your name").fill("Pat");
    const length = start.getByRole("group", { name: "Session length" });
    await length.getByLabel(/85 min — the scenario's own/).waitFor();
    expect(await length.getByLabel(/85 min/).isChecked()).toBe(true);
    await length.getByLabel(/45 min — shorter/).check();
    await length.getByText(/Every phase scaled to 53 %/).waitFor();
    await length.getByText(/Read your brief 4 min/).waitFor(); // 8 minutes at 45/85
    await checkScreen(pat, "rejoin-01-home-length");
    const creates = countCreates(pat);
    await start.getByRole("button", { name: /Start and open the lobby/ }).dblclick();
    await pat.getByRole("heading", { name: "Lobby" }).waitFor();
    expect(creates()).toBe(1);
    const code = ((await pat.locator(".big-code").textContent()) ?? "").trim();
    expect(new URL(pat.url()).pathname).toBe(`/n/${code}`);

    // The code and the personal link, each with a copy button, in the lobby and behind "Your link" in the header.
    const share = card(pat, "Invite the other players");
    expect(await share.getByLabel("Join code").inputValue()).toBe(code);
    await share.getByRole("button", { name: "Copy code" }).waitFor();
    const link = await card(pat, "Your seat on another device").getByLabel("Your personal link").inputValue();
    expect(link).toMatch(new RegExp(`/n/${code}#token=.+`));
    await checkScreen(pat, "rejoin-02-lobby");
    await pat.getByRole("button", { name: "Your link", exact: true }).click();
    const dialog = pat.getByRole("dialog", { name: "Your personal link" });
    expect(await dialog.getByLabel("Join code").inputValue()).toBe(code);
    expect(await dialog.getByLabel("Your personal link").inputValue()).toBe(link);
    await dialog.getByRole("button", { name: "Copy my link" }).waitFor();
    await checkScreen(pat, "rejoin-03-your-link");
    await dialog.getByRole("button", { name: "Close" }).click();

    // Back: Home, with this negotiation listed; the connection stays open, so Forward is back at once on the same socket.
    const socketsBefore = sockets.length;
    await pat.goBack();
    await pat.getByRole("heading", { name: "Negotiation Simulator" }).waitFor();
    expect(new URL(pat.url()).pathname).toBe("/");
    const mine = card(pat, "Your negotiations on this device");
    const row = mine.getByRole("listitem").filter({ hasText: code });
    await row.getByText(scenario.title).waitFor();
    await row.getByText(new RegExp(`${seatTitle("procurement")} \\(Pat\\)`)).waitFor();
    await row.getByText(/Open now/).waitFor();
    await checkScreen(pat, "rejoin-04-home-mine");

    // Typing its own code on Home does not offer this browser the other seat: it names the seat it holds.
    const joinCard = card(pat, "Join a negotiation");
    await joinCard.getByLabel("Join code").fill(code);
    await joinCard.getByRole("button", { name: "Find negotiation" }).click();
    await joinCard.getByText(new RegExp(`This browser already holds the ${seatTitle("procurement")} seat`)).waitFor();
    expect(await joinCard.getByLabel(new RegExp(seatTitle("sales"))).count()).toBe(0);
    await joinCard.getByRole("button", { name: "Reopen my seat" }).waitFor();

    await pat.goForward();
    await pat.getByRole("heading", { name: "Lobby" }).waitFor();
    expect(new URL(pat.url()).pathname).toBe(`/n/${code}`);
    expect(sockets.length).toBe(socketsBefore); // no new connection for Back and Forward

    // "Open" on Home's list moves there too (Back, then Open).
    await pat.goBack();
    await card(pat, "Your negotiations on this device").getByRole("link", { name: new RegExp(`^Open .*${code}`) }).click();
    await pat.getByRole("heading", { name: "Lobby" }).waitFor();

    // The other side, in its own browser; then the negotiation starts with the shorter agenda.
    const sam = await newPage();
    await joinSeat(sam, rig.server.url, code, seatTitle("sales"), "Sam");
    await pat.getByText("Everyone needed is here").waitFor();
    await pat.getByRole("button", { name: "Start the negotiation" }).click();
    for (const page of [pat, sam]) await page.getByRole("heading", { name: /Your private brief/ }).waitFor();
    const left = (await pat.locator(".countdown-text").textContent()) ?? "";
    expect(left).toMatch(/^[0-4]:\d\d left$/); // 4:14 for the 8-minute briefing at 45/85, not 8:00

    // The server restarts under both pages: they rejoin by themselves, saying so, and carry on without a reload.
    await pat.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    const restarted = restartServer(rig, 14_000); // long enough for the connection's own retries to give up and the page's to show
    await pat.getByText(/Connection lost — reconnecting/).waitFor({ timeout: 15_000 });
    await pat.getByText(/reconnecting… attempt \d+, next in \d+ s/).waitFor({ timeout: 20_000 });
    // Both pages' "Reconnected" notes last a few seconds: watch for them from now on.
    const back = Promise.all([pat, sam].map((page) => page.getByText(/Reconnected/).waitFor({ timeout: 60_000 })));
    await checkScreen(pat, "rejoin-05-reconnecting");
    await restarted;
    await back;
    await pat.getByRole("heading", { name: /Your private brief/ }).waitFor();
    expect(await pat.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await pat.locator(".app-header").getByText(code).waitFor(); // the header is back with the code and the timer

    await pat.context().close();
    await sam.context().close();
  }, 180_000);
});
