import { NextResponse } from "next/server";
import { apiRoute, parseJsonBody } from "@/lib/server/api/route-handler";
import { createItem } from "@/lib/server/items/create-item";
import { listItems } from "@/lib/server/items/list-items";
import { ZItemCreate, ZItemQuery } from "@/lib/server/schemas/item";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ slug: string }>({ route: "/api/v1/projects/{slug}/items" }, async ({ req, access }) =>
  listItems(access!.project.id, ZItemQuery.parse(Object.fromEntries(req.nextUrl.searchParams))),
);

export const POST = apiRoute<{ slug: string }>({ route: "/api/v1/projects/{slug}/items", role: "LEAD" }, async ({ req, access, requestId }) =>
  NextResponse.json(await createItem(access!, await parseJsonBody(req, ZItemCreate), requestId), { status: 201 }),
);
