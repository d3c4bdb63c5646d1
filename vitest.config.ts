import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    // Safety nets, not targets (timings live in the benchmarks): on a busy 2-core machine opening an
    // embedded PGlite store alone has taken 8–13 s, and a test that reopens it pays that twice.
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
