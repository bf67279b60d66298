import "server-only";

/** Expected errors: their message is shown to the user; each maps to one HTTP status. */
export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
export class NotFoundError extends AppError {
  constructor(message = "Not found") {
    super(message, 404, "not_found");
  }
}
export class UnauthorizedError extends AppError {
  constructor(message = "Sign in or send a valid API token") {
    super(message, 401, "unauthorized");
  }
}
export class ForbiddenError extends AppError {
  constructor(message = "Your role does not allow this") {
    super(message, 403, "forbidden");
  }
}
export class ConflictError extends AppError {
  constructor(message: string, details?: unknown) {
    super(message, 409, "conflict", details);
  }
}
/** The project's checklist is managed by code: definitions change only through a checklist apply. */
export class ManagedByCodeError extends AppError {
  constructor(what = "item and category definitions") {
    super(`This checklist is managed by code: ${what} change only by applying the checklist file (Settings → Checklist as code). Status, evidence and owner stay editable.`, 409, "managed-by-code");
  }
}
export class InvalidInputError extends AppError {
  constructor(message: string, details?: unknown) {
    super(message, 422, "invalid_input", details);
  }
}
export class PayloadTooLargeError extends AppError {
  constructor(message: string) {
    super(message, 413, "payload_too_large");
  }
}
export class TooManyRequestsError extends AppError {
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(message, 429, "too_many_requests");
  }
}
export class UnavailableError extends AppError {
  constructor(message = "The database is unavailable; try again shortly", readonly retryAfterSeconds = 5) {
    super(message, 503, "unavailable");
  }
}

const DB_DOWN_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "57P01", "57P02", "57P03", "53300", "08006", "08001", "08003", "08004",
  "57014", "P1001", "P1002", "P1008", "P1017", "P2024",
]);

/** True when an error means the database is down, restarting or saturated (→ 503, never 404/500). */
export function isDatabaseUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = err;
  while (e && typeof e === "object" && !seen.has(e)) {
    seen.add(e);
    const o = e as { code?: unknown; message?: unknown; cause?: unknown; name?: unknown };
    if (typeof o.code === "string" && DB_DOWN_CODES.has(o.code)) return true;
    const msg = typeof o.message === "string" ? o.message : "";
    // A raw query's error (P2010) carries PostgreSQL's SQLSTATE only in its message.
    const sqlState = /Code: `(\w{5})`/.exec(msg)?.[1];
    if (sqlState && DB_DOWN_CODES.has(sqlState)) return true;
    if (
      /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED|terminating connection|the database system is (starting up|shutting down|not yet accepting connections|in recovery mode)|too many clients|Query read timeout|Server has closed the connection|Unable to start a transaction in the given time|canceling statement due to statement timeout|Can't reach database server|DatabaseNotReachable|ConnectionClosed|Client has encountered a connection error|pool.*timed out/i.test(
        msg,
      )
    )
      return true;
    if (o.name === "PrismaClientInitializationError") return true;
    e = o.cause;
  }
  return false;
}
