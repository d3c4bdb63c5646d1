/**
 * Optional services for integration tests. Outside CI a missing service skips
 * its tests with a printed reason; under CI=true it fails the run, because
 * .ci/run sets DATABASE_URL / REDIS_URL whenever the machine's services answer.
 */
export function optionalService(variable: "DATABASE_URL" | "REDIS_URL", what: string): string | undefined {
  const value = process.env[variable];
  if (value) return value;
  if (process.env.CI === "true") throw new Error(`${variable} is not set under CI=true: ${what} tests cannot run. .ci/run sets it when the service answers on loopback.`);
  console.warn(`[skip] ${what} tests: set ${variable} to run them (e.g. ${variable === "DATABASE_URL" ? "postgres://postgres@127.0.0.1:5432/test" : "redis://127.0.0.1:6379"}).`);
  return undefined;
}

/** A fresh schema name so parallel or repeated runs against one database never collide. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${Math.floor(performance.now() * 1000).toString(36)}`;
}
