import "server-only";
import crypto from "node:crypto";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { AppError, TooManyRequestsError, UnavailableError, isDatabaseUnavailable } from "../errors";
import { logger } from "../logger";

export function newRequestId(headers?: Headers): string {
  const given = headers?.get("x-request-id");
  return given && /^[\w-]{6,64}$/.test(given) ? given : crypto.randomUUID();
}

/** One place where errors become HTTP: expected ones show their message; others a generic one. */
export function errorResponse(err: unknown, requestId: string): NextResponse {
  const headers: Record<string, string> = { "x-request-id": requestId, "cache-control": "no-store" };
  if (err instanceof ZodError) {
    return NextResponse.json(
      {
        error: {
          code: "invalid_input",
          message: err.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "),
          details: err.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
        },
      },
      { status: 422, headers },
    );
  }
  if (!(err instanceof AppError) && isDatabaseUnavailable(err)) err = new UnavailableError();
  if (err instanceof AppError) {
    if (err instanceof UnavailableError || err instanceof TooManyRequestsError) {
      headers["retry-after"] = String(err.retryAfterSeconds);
    }
    if (err instanceof UnavailableError) logger.warn({ msg: "database unavailable", requestId });
    const body: { code: string; message: string; details?: unknown } = { code: err.code, message: err.message };
    if (err.details !== undefined) body.details = err.details;
    return NextResponse.json({ error: body }, { status: err.status, headers });
  }
  logger.error({ msg: "unexpected error", requestId, err: err instanceof Error ? err.stack : String(err) });
  return NextResponse.json(
    { error: { code: "internal", message: `Something went wrong (request ${requestId}); it has been logged.` } },
    { status: 500, headers },
  );
}
