import "server-only";
import type { Role } from "./roles";

/** Who is calling: a signed-in user or a project API token (no framework imports: the CLI uses this too). */
export type Principal =
  | { kind: "user"; userId: string; email: string; name: string; isAdmin: boolean }
  | { kind: "token"; tokenId: string; projectId: string; role: Role; name: string };

export interface ProjectAccess {
  principal: Principal;
  project: { id: string; slug: string; name: string };
  /** The caller's role in this project; admins act as LEAD everywhere. */
  role: Role;
  isAdmin: boolean;
}

export function actorOf(p: Principal): { actorId: string | null; actorName: string; tokenId: string | null } {
  return p.kind === "user"
    ? { actorId: p.userId, actorName: p.name, tokenId: null }
    : { actorId: null, actorName: p.name, tokenId: p.tokenId };
}
