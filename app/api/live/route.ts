import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

/** Liveness: the process answers, without touching the database (health checks that do: /api/health). */
export function GET() {
  return NextResponse.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
