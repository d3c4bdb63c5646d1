import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
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
  return {
    server, browser, clientDir,
    async close() {
      await browser.close();
      await server.close();
      rmSync(clientDir, { recursive: true, force: true });
    },
  };
}

const axeSource = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** Runs axe-core on the page and fails with the list of serious or critical violations. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.addScriptTag({ path: axeSource });
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

/** Screenshot and accessibility check of the current screen. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await shot(page, name);
  await expectAccessible(page, name);
}
