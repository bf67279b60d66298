import { withAuth } from "next-auth/middleware";
import type { NextRequest, NextFetchEvent } from "next/server";

const auth = withAuth({ pages: { signIn: "/login" } });

/** Anonymous visitors of a page go to the login page; APIs answer 401 themselves (tokens too). */
export function proxy(req: NextRequest, event: NextFetchEvent) {
  return (auth as unknown as (r: NextRequest, e: NextFetchEvent) => ReturnType<typeof auth>)(req, event);
}

export const config = {
  matcher: ["/((?!api/|metrics|login|share/|_next/|favicon.ico|fonts/).*)"],
};
