/**
 * `npm run start:cluster -- [processes]`: N server processes on one machine
 * (ports PORT, PORT+1, …), sharing matchmaking through Redis and storage
 * through PostgreSQL. Each process gets its own PUBLIC_ADDRESS so a player
 * matched on one process connects straight to the one hosting the room.
 */
import { spawn, type ChildProcess } from "node:child_process";

const count = Number(process.argv[2] ?? 2);
const basePort = Number(process.env.PORT ?? 2567);
const host = process.env.PUBLIC_HOST ?? "localhost";

if (!Number.isInteger(count) || count < 1 || count > 16) {
  console.error("Usage: npm run start:cluster -- <processes 1-16>");
  process.exit(2);
}
if (!process.env.REDIS_URL || !process.env.DATABASE_URL) {
  console.error("A cluster needs REDIS_URL (shared matchmaking) and DATABASE_URL (shared storage), e.g.\n  REDIS_URL=redis://127.0.0.1:6379 DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run start:cluster -- 2");
  process.exit(2);
}

const children: ChildProcess[] = [];
for (let i = 0; i < count; i++) {
  const port = basePort + i;
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { ...process.env, PORT: String(port), PUBLIC_ADDRESS: `${host}:${port}` },
    stdio: "inherit",
  });
  child.on("exit", (code, signal) => console.error(`process on port ${port} exited (${signal ?? code})`));
  children.push(child);
}
console.log(`Started ${count} processes on ports ${basePort}–${basePort + count - 1}. Any of them serves the app.`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => children.forEach((c) => c.kill(signal)));
