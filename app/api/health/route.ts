import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/server/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const ok = await checkDatabase();
  return NextResponse.json(
    { status: ok ? "ok" : "unavailable", database: ok ? "ok" : "unreachable" },
    { status: ok ? 200 : 503, headers: ok ? { "cache-control": "no-store" } : { "retry-after": "5", "cache-control": "no-store" } },
  );
}
