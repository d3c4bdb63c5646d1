import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScenario } from "../support/scenarios.js";
import { browserAvailable, card, checkScreen, chooseTrainerScenario, countCreates, joinSeat, startRig, type BrowserRig } from "./support.js";

// The private links: the trainer's (shown once, controls the negotiation) and each player's personal rejoin link.

const scenario = loadScenario("strategic-3pl.yaml");
const seatTitle = (id: string) => {
  const s = scenario.seats.find((x) => x.id === id);
  if (!s) throw new Error(`no seat ${id}`);
  return s.title;
};
const PASSCODE = "classroom-7";

const run = browserAvailable();
let rig: BrowserRig;
beforeAll(async () => {
  if (run) rig = await startRig({ trainerPasscode: PASSCODE });
}, 120_000);
afterAll(async () => rig?.close());

const newPage = async () => (await rig.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();

describe.runIf(run)("private links", () => {
  let code = "";
  let trainerUrl = "";
  let trainerKey = "";

  it("lets a trainer create a negotiation behind the passcode, shows the key once, and opens the facilitator view", async () => {
    const page = await newPage();
    await page.goto(rig.server.url);
    const trainer = card(page, "Run a negotiation as trainer");
    await trainer.getByLabel("Trainer passcode").waitFor(); // the server said it wants one
    await checkScreen(page, "links-01-home-passcode");

    // A wrong passcode: the server's own words, where the trainer typed it.
    await chooseTrainerScenario(trainer, scenario.title);
    await trainer.getByLabel("Trainer passcode").fill("not-it");
    await trainer.getByRole("button", { name: "Create as trainer" }).click();
    await trainer.getByRole("alert").waitFor();
    expect(await card(page, "Save your trainer link").count()).toBe(0);

    // The right one, with a double click: one negotiation, one key.
    const creates = countCreates(page);
    await trainer.getByLabel("Trainer passcode").fill(PASSCODE);
    await trainer.getByRole("button", { name: "Create as trainer" }).dblclick();
    const saved = card(page, "Save your trainer link");
    await saved.waitFor();
    expect(creates()).toBe(1);
    await saved.getByText(/Anyone with this link controls the negotiation and sees every brief/).waitFor();
    code = ((await saved.locator(".big-code").textContent()) ?? "").trim();
    trainerUrl = await saved.getByLabel("Trainer link").inputValue();
    trainerKey = await saved.getByLabel("Trainer key").inputValue();
    expect(code).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{8}$/);
    expect(trainerUrl).toBe(`${rig.server.url}/n/${code}/trainer#key=${encodeURIComponent(trainerKey)}`);
    await checkScreen(page, "links-02-trainer-key-once");

    await saved.getByRole("button", { name: /open the facilitator view/ }).click();
    await page.getByRole("heading", { name: "Facilitator view" }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/n/${code}/trainer`);
    expect(await page.content()).not.toContain(trainerKey); // shown once, and only then
    await checkScreen(page, "links-03-facilitator");

    // This device kept the key: a refresh comes back to the facilitator view.
    await page.reload();
    await page.getByRole("heading", { name: "Facilitator view" }).waitFor();
    await page.context().close();
  }, 60_000);

  it("opens the facilitator view from the trainer link on another device, and from the key pasted with the code", async () => {
    const other = await newPage();
    await other.goto(trainerUrl);
    await other.getByRole("heading", { name: "Facilitator view" }).waitFor();
    expect(new URL(other.url()).hash).toBe(""); // the key left the address bar
    await other.context().close();

    const pasted = await newPage();
    await pasted.goto(rig.server.url);
    const facilitate = card(pasted, "Facilitate");
    await facilitate.getByLabel("Trainer link or key").fill(trainerKey);
    await facilitate.getByLabel(/Join code/).fill(`${code.slice(0, 4)}-${code.slice(4).toLowerCase()}`); // as people type it
    await facilitate.getByRole("button", { name: "Open facilitator view" }).click();
    await pasted.getByRole("heading", { name: "Facilitator view" }).waitFor();
    await pasted.context().close();
  }, 60_000);

  it("gives each player a personal link that opens the same seat in another browser", async () => {
    const first = await newPage();
    await joinSeat(first, rig.server.url, code, seatTitle("procurement"), "Pat");
    const lobbyCard = card(first, "Your seat on another device");
    const link = await lobbyCard.getByLabel("Your personal link").inputValue();
    expect(link).toMatch(new RegExp(`^${rig.server.url}/n/${code}#token=.+`));
    await lobbyCard.getByText(/Keep it private/).waitFor();
    await checkScreen(first, "links-04-lobby-personal-link");
    // The header carries the same link at every stage of the negotiation.
    await first.getByRole("button", { name: "Your link", exact: true }).click();
    const dialog = first.getByRole("dialog", { name: "Your personal link" });
    expect(await dialog.getByLabel("Your personal link").inputValue()).toBe(link);
    expect(await dialog.getByLabel("Join code").inputValue()).toBe(code); // the code too, with its own copy button
    await dialog.getByRole("button", { name: "Copy code" }).waitFor();
    await dialog.getByRole("button", { name: "Close" }).click();

    const second = await newPage();
    await second.goto(link);
    await second.getByRole("heading", { name: "Lobby" }).waitFor();
    await second.getByText(new RegExp(`You are ${seatTitle("procurement")}`)).waitFor();
    expect(new URL(second.url()).hash).toBe(""); // the token left the address bar
    expect(await card(second, "Your seat on another device").getByLabel("Your personal link").inputValue()).toBe(link);
    await first.getByText(/Your seat was opened in another window or device/).waitFor();
    // The second browser lists the seat on its Home page, and does not offer it the other seat for the same code.
    await second.locator(".app-header").getByRole("link", { name: "Home" }).click();
    const listed = card(second, "Your negotiations on this device").getByRole("listitem").filter({ hasText: code });
    await listed.getByText(new RegExp(seatTitle("procurement"))).waitFor();
    await second.goBack(); // Back returns to the lobby, still connected
    await second.getByRole("heading", { name: "Lobby" }).waitFor();

    // The other seat is still free: the seat moved, it did not multiply.
    const info = (await (await fetch(`${rig.server.url}/api/negotiations/${code}`)).json()) as { seats: { id: string; taken: boolean }[] };
    expect(info.seats.filter((s) => s.taken).map((s) => s.id)).toEqual(["procurement"]);
    await first.context().close();
    await second.context().close();
  }, 60_000);

  it("asks for a reload when the server speaks another protocol version", async () => {
    const page = await newPage();
    await page.route("**/api/server", (route) => route.fulfill({ json: { version: "9.9.9", protocol: 999, trainerPasscodeRequired: false } }));
    await page.goto(rig.server.url);
    const banner = page.getByRole("alert").filter({ hasText: "This page is out of date — reload to continue" });
    await banner.waitFor();
    await banner.getByRole("button", { name: "Reload" }).waitFor();
    await page.context().close();
  }, 30_000);
});
