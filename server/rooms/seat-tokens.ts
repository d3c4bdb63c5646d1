import { createHash, randomBytes } from "node:crypto";

/** A fresh secret that lets its holder return to a seat (page refresh, new device, server restart). */
export function newSeatToken(): string {
  return randomBytes(24).toString("base64url");
}

/** Only the hash is stored, so a leaked database does not hand out seats. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I: codes are read aloud in class

/** A short join code, used as the room id, typed by people. */
export function newJoinCode(length = 6): string {
  const bytes = randomBytes(length);
  let code = "";
  for (const b of bytes) code += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return code;
}
