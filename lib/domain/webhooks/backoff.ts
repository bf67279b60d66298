/** Deliveries are retried for this long after the event, then marked FAILED. */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
const MAX_DELAY_MS = 60 * 60 * 1000;

/**
 * When to try again after `attempts` failed attempts: base × 2^(attempts−1), capped at an hour,
 * with up to 10 % jitter; null once that would fall outside the 24-hour window.
 */
export function nextAttemptAt(createdAt: Date, attempts: number, now: Date, baseMs: number, random = Math.random): Date | null {
  const delay = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
  const at = new Date(now.getTime() + delay + Math.floor(delay * 0.1 * random()));
  return at.getTime() - createdAt.getTime() > RETRY_WINDOW_MS ? null : at;
}
