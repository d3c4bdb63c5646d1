/**
 * `npm run bench:client [-- --json]`: the production client's initial
 * JavaScript (gzip) and the time to the first usable screen in headless
 * Chromium on loopback. Targets (issue 4): < 250 KB gzip, < 1.5 s.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { CHROMIUM, startRig } from "../browser/support.js";

const RUNS = 7;

/** The entry script and everything it preloads: what the first screen must download before it runs. */
function initialJs(dir: string): { files: string[]; gzipBytes: number; rawBytes: number } {
  const html = readFileSync(join(dir, "index.html"), "utf8");
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const buffers = files.map((f) => readFileSync(join(dir, f)));
  return { files, gzipBytes: buffers.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0), rawBytes: buffers.reduce((n, b) => n + b.length, 0) };
}

const rig = await startRig();
try {
  const js = initialJs(rig.clientDir);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await rig.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(rig.server.url, { waitUntil: "commit" });
    await page.getByRole("button", { name: "Find negotiation" }).waitFor();
    times.push(await page.evaluate(() => performance.now())); // ms since navigation start
    await context.close();
  }
  times.sort((a, b) => a - b);
  const result = {
    initial_js_gzip_kb: Math.round(js.gzipBytes / 102.4) / 10,
    initial_js_raw_kb: Math.round(js.rawBytes / 102.4) / 10,
    initial_js_files: js.files.length,
    first_usable_screen_ms_median: Math.round(times[Math.floor(RUNS / 2)]!),
    first_usable_screen_ms_min: Math.round(times[0]!),
    runs: RUNS,
    browser: CHROMIUM,
  };
  if (process.argv.includes("--json")) console.log(JSON.stringify(result));
  else for (const [k, v] of Object.entries(result)) console.log(`${k.padEnd(32)} ${v}`);
} finally {
  await rig.close();
}
