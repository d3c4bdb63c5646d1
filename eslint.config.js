// Type-aware lint for the places where tsc is satisfied but the types are not
// telling the truth: unchecked casts, non-null assertions, promises nobody awaits.
//
// TypeScript 7: the root `typescript` (7.x) is the Go compiler; its package
// exports only a version string and an unstable IPC API, not the classic JS
// API that typescript-eslint is built on (its peer range is <6.1, and even its
// experimental "tsgo" backend needs classic TypeScript 6.0 plus a 7.1 build).
// So typescript-eslint is a dependency of the local package tools/lint, which
// also depends on typescript ~6.0.3: npm nests both under tools/lint/node_modules,
// typescript-eslint's peer resolves to 6.0 there, and `tsc` (and `npm run check`'s
// type check) stays 7.x. TypeScript 6.0 is the last JS release of the compiler
// that 7.0 ports, and it checks this tsconfig with no errors, so the rules see
// the same types as tsc. One entry in package.json "overrides" pins the peer of
// ts-api-utils (typescript-eslint's helper, open-ended ">=4.8.4") to ~6.0.3;
// without it npm hoists ts-api-utils to the root beside TypeScript 7, where it
// crashes on load. No --force or --legacy-peer-deps: `npm ci` installs it as is.
import { defineConfig } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "@negotiation-simulator/lint";

const productCode = ["shared/**/*.{ts,tsx}", "server/**/*.ts", "client/**/*.{ts,tsx}", "vite.config.ts", "vitest.config.ts"];
const testCode = ["tests/**/*.{ts,tsx}"];

export default defineConfig(
  { ignores: ["dist/", "test-artifacts/", "scenarios/", "data/", ".pgdata/"] },
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  {
    files: [...productCode, ...testCode],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      // A promise left floating loses its rejection: a crashed room, a test that passes early.
      "@typescript-eslint/no-floating-promises": "error",
      // An async callback where void is expected (timers, emitters) swallows its errors.
      // JSX attributes are exempt: React ignores a handler's return value by design.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      // `any` switches the checker off for everything it touches; use `unknown` and narrow.
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  // Product code only: a test may assert that a value is there (`!`) or build a
  // hostile message with a cast, and a wrong guess fails the test.
  {
    files: productCode,
    rules: {
      // `x!` claims a value is there; say what happens when it is not.
      "@typescript-eslint/no-non-null-assertion": "error",
      // `as T` narrowing (and `as unknown as T`) hides a real difference between the
      // types: parse with the zod schema, narrow with a check, or fix the type.
      "@typescript-eslint/no-unsafe-type-assertion": "error",
    },
  },
  {
    files: ["client/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      // A hook called conditionally reads another hook's state on the next render.
      "react-hooks/rules-of-hooks": "error",
    },
  },
);
