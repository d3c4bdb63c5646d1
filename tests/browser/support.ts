import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { build } from "vite";
import { expect } from "vitest";
import { startTestServer, type TestServer } from "../support/server.js";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SHOTS = "test-artifacts/screenshots";

/** Whether browser tests can run here. Outside CI a missing Chromium skips them with a reason; under CI=true it fails. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === "true") throw new Error(`Chromium not found at ${CHROMIUM} under CI=true: .ci/run installs Debian's chromium package.`);
  console.warn(`[skip] browser tests: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
  return false;
}

export interface BrowserRig {
  server: TestServer;
  browser: Browser;
  clientDir: string;
  close(): Promise<void>;
}

/** Builds the production client, starts the real server on it, and launches headless Chromium. */
export async function startRig(overrides: Parameters<typeof startTestServer>[0] = {}): Promise<BrowserRig> {
  const clientDir = mkdtempSync(join(tmpdir(), "negotiation-client-"));
  await build({ configFile: "vite.config.ts", logLevel: "warn", build: { outDir: clientDir, emptyOutDir: true } });
  const server = await startTestServer({ clientDir, ...overrides });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  mkdirSync(SHOTS, { recursive: true });
  const rig: BrowserRig = {
    server, browser, clientDir,
    async close() {
      await browser.close();
      await rig.server.close(); // the server of the moment: restartServer may have replaced the first
      rmSync(clientDir, { recursive: true, force: true });
      if (!overrides.dataDir) rmSync(rig.server.dataDir, { recursive: true, force: true });
    },
  };
  rigOverrides.set(rig, overrides);
  return rig;
}

const rigOverrides = new WeakMap<BrowserRig, Parameters<typeof startTestServer>[0]>();

/**
 * Restarts the rig's server under the open pages, as a deploy does: a graceful
 * shutdown, `downForMs` with nothing listening, then the same port and the
 * same storage (the negotiations resume from it). rig.server is the new one.
 */
export async function restartServer(rig: BrowserRig, downForMs = 1_000): Promise<void> {
  const port = Number(new URL(rig.server.url).port);
  const dataDir = rig.server.dataDir;
  await rig.server.running.close();
  await new Promise((r) => setTimeout(r, downForMs));
  rig.server = await startTestServer({ ...rigOverrides.get(rig), clientDir: rig.clientDir, dataDir, port });
}

const axeSource = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** Runs axe-core on the page and fails with the list of serious or critical violations. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: axeSource });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(o: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run({ resultTypes: ["violations"] });
    return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`);
  });
  expect(violations, `accessibility violations on ${screen}`).toEqual([]);
}

/** A full-page screenshot under test-artifacts/screenshots, for people to look at. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** The two viewports every screen is checked at: a laptop and a tablet held upright. */
export const VIEWPORTS = [{ width: 1280, height: 800 }, { width: 768, height: 1024 }] as const;

/**
 * Screenshot and accessibility check of the current screen at both viewports
 * (`name-1280.png`, `name-768.png`), then the page's own viewport back.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  const own = page.viewportSize();
  try {
    for (const size of VIEWPORTS) {
      await page.setViewportSize(size);
      await settle(page);
      await shot(page, `${name}-${size.width}`);
      await expectAccessible(page, `${name} at ${size.width}×${size.height}`);
    }
  } finally {
    if (own) {
      await page.setViewportSize(own);
      await settle(page);
    }
  }
}

/** Two animation frames: the layout after a resize is painted. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/**
 * Presses a button that may ask for confirmation first (saying ready when the
 * others are, submitting the survey, …): clicks it and, if the app's
 * confirmation dialog opens, confirms with its first button.
 */
export async function pressAndConfirm(page: Page, button: Locator): Promise<void> {
  await button.click();
  const dialog = page.locator("dialog[open]");
  const opened = await dialog.waitFor({ timeout: 1_500 }).then(() => true, () => false);
  if (opened) {
    await dialog.locator("button[type=submit]").click();
    await dialog.waitFor({ state: "hidden" });
  }
}

/** The section of the page under a card heading (Home's cards, the lobby's cards). */
export function card(page: Page, heading: string | RegExp) {
  return page.locator("section").filter({ has: page.getByRole("heading", { name: heading }) });
}

/** Counts POST /api/negotiations from a page: a double click must create one negotiation, not two. */
export function countCreates(page: Page): () => number {
  let n = 0;
  page.on("request", (r) => {
    if (r.method() === "POST" && new URL(r.url()).pathname === "/api/negotiations") n += 1;
  });
  return () => n;
}

/** The player path on Home: start a negotiation for a scenario and take a seat; returns the join code from the lobby. */
export async function startAndTakeSeat(page: Page, url: string, scenarioTitle: RegExp, seatTitle: string, name: string): Promise<string> {
  await page.goto(url);
  const start = card(page, "Start a negotiation and take a seat");
  await start.getByLabel(scenarioTitle).check();
  await start.getByLabel(new RegExp(seatTitle)).check();
  await start.getByLabel("Your name").fill(name);
  await start.getByRole("button", { name: /Start and open the lobby/ }).dblclick(); // a double click starts one negotiation
  await page.getByRole("heading", { name: "Lobby" }).waitFor();
  return ((await page.locator(".big-code").textContent()) ?? "").trim();
}

/** The trainer path on Home: create as trainer; returns the code, link and key shown once, without opening the view yet. */
export async function createAsTrainer(page: Page, url: string, scenarioTitle: string, passcode?: string): Promise<{ code: string; link: string; key: string }> {
  await page.goto(url);
  const trainer = card(page, "Run a negotiation as trainer");
  await chooseTrainerScenario(trainer, scenarioTitle);
  if (passcode !== undefined) await trainer.getByLabel("Trainer passcode").fill(passcode);
  await trainer.getByRole("button", { name: "Create as trainer" }).click();
  const saved = card(page, "Save your trainer link");
  await saved.waitFor();
  const code = ((await saved.locator(".big-code").textContent()) ?? "").trim();
  return { code, link: await saved.getByLabel("Trainer link").inputValue(), key: await saved.getByLabel("Trainer key").inputValue() };
}

/** Picks the scenario in the trainer card's list (its options add the kind and seat count to the title). */
export async function chooseTrainerScenario(trainerCard: Locator, title: string): Promise<void> {
  const select = trainerCard.getByLabel("Scenario");
  await select.locator("option", { hasText: title }).first().waitFor({ state: "attached" }); // the list loads after Home renders
  const labels = await select.locator("option").allTextContents();
  const found = labels.find((l) => l.startsWith(title));
  if (!found) throw new Error(`no scenario option starting with ${title}: ${labels.join(" | ")}`);
  await select.selectOption({ label: found });
}

/** Joins an existing negotiation by its link with a seat and a name. */
export async function joinSeat(page: Page, url: string, code: string, seatTitle: string, name: string): Promise<void> {
  await page.goto(`${url}/n/${code}`);
  const join = card(page, "Join a negotiation");
  await join.getByLabel(new RegExp(seatTitle)).check();
  await join.getByLabel("Your name").fill(name);
  await join.getByRole("button", { name: "Take this seat" }).click();
  await page.getByRole("heading", { name: "Lobby" }).waitFor();
}
