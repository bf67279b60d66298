import "server-only";
import { isDatabaseUnavailable } from "./errors";

/**
 * The request-scoped flag "this request met an unavailable database", shared with the custom
 * server (scripts/serve.mjs) through a global symbol: the server runs each request inside an
 * AsyncLocalStorage and, when the flag is set before the first byte goes out, answers a page
 * with 503 + Retry-After instead of 200/500 (the page itself renders "database unavailable,
 * retrying"). Without the custom server (a plain `next start`) there is no store and this is a no-op.
 */
const STORE = Symbol.for("launchgate.requestState");

interface RequestState {
  databaseUnavailable?: boolean;
}
interface StoreLike {
  getStore(): RequestState | undefined;
}

export function noteDatabaseError(err: unknown): void {
  if (!isDatabaseUnavailable(err)) return;
  const als = (globalThis as unknown as Record<symbol, StoreLike | undefined>)[STORE];
  const state = als?.getStore();
  if (state) state.databaseUnavailable = true;
}
