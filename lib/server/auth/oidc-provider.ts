import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { TAuthEnv } from "../env";

export const OIDC_PROVIDER_ID = "oidc";

/** next-auth's generic OpenID Connect provider: discovery, authorization code + PKCE, ID token. */
export function oidcProvider(env: TAuthEnv): OAuthConfig<Record<string, unknown>> {
  return {
    id: OIDC_PROVIDER_ID,
    name: env.OIDC_NAME,
    type: "oauth",
    wellKnown: `${env.OIDC_ISSUER!.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(p) {
      return { id: String(p.sub), email: typeof p.email === "string" ? p.email : null, name: typeof p.name === "string" ? p.name : null };
    },
  };
}
