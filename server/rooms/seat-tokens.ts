import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A fresh secret that lets its holder return to a seat (page refresh, new device, server restart). */
export function newSeatToken(): string {
  return randomBytes(24).toString("base64url");
}

/** A fresh trainer key: whoever holds it controls the negotiation and sees every brief, so it is as long as a seat token. */
export function newTrainerKey(): string {
  return randomBytes(24).toString("base64url");
}

/** Only the hash is stored, so a leaked database does not hand out seats. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Compares two hex hashes in constant time. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I: codes are read aloud in class
/**
 * Eight characters of 32: about 10^12 codes. With lookups and joins limited
 * per address (docs/security.md), guessing a live code is hopeless.
 */
export const CODE_LENGTH = 8;

/** A join code, used as the room id, typed by people. */
export function newJoinCode(length = CODE_LENGTH): string {
  // 256 is a multiple of 32, so `b % 32` is uniform.
  let code = "";
  for (const b of randomBytes(length)) code += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return code;
}

/** A code as people type it ("abcd-efgh", "ABCD EFGH") in canonical form, or null when it cannot be one. */
export function parseJoinCode(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length > 32) return null;
  const code = raw.replace(/[\s-]+/g, "").toUpperCase();
  // Six-character codes were issued before the length became eight; they still open their negotiations.
  const length = code.length === CODE_LENGTH || code.length === 6;
  return length && [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
}
