import "server-only";
import crypto from "node:crypto";

/** API tokens are stored as their SHA-256: a leaked database does not leak usable tokens. */
export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}
