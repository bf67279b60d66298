import { describe, expect, it } from "vitest";
import { getAuthEnv } from "../env";
import { emailDomainAllowed, mapClaimsToRole } from "./oidc-policy";

const base = { OIDC_ISSUER: "https://login.example.com", OIDC_CLIENT_ID: "lg", OIDC_CLIENT_SECRET: "s" };

describe("OIDC configuration", () => {
  it("parses domains, default role and the role mapping", () => {
    const env = getAuthEnv({ ...base, OIDC_ALLOWED_DOMAINS: "Corp.example, sub.corp.example", OIDC_DEFAULT_ROLE: "ENGINEER", OIDC_ROLE_CLAIM: "groups", OIDC_ROLE_MAP: "lg-admins=ADMIN, lg-leads=LEAD", LAUNCHGATE_PASSWORD_LOGIN: "0" });
    expect(env.OIDC_ALLOWED_DOMAINS).toEqual(["corp.example", "sub.corp.example"]);
    expect(env.OIDC_ROLE_MAP).toEqual([{ value: "lg-admins", role: "ADMIN" }, { value: "lg-leads", role: "LEAD" }]);
    expect(env.LAUNCHGATE_PASSWORD_LOGIN).toBe(false);
    expect(getAuthEnv({}).LAUNCHGATE_PASSWORD_LOGIN).toBe(true);
  });
  it("says what is wrong with a bad configuration", () => {
    expect(() => getAuthEnv({ OIDC_ISSUER: "https://x.example" })).toThrow(/OIDC_CLIENT_ID is required[\s\S]*OIDC_CLIENT_SECRET is required/);
    expect(() => getAuthEnv({ LAUNCHGATE_PASSWORD_LOGIN: "0" })).toThrow(/nobody could sign in/);
    expect(() => getAuthEnv({ ...base, OIDC_ROLE_MAP: "a=BOSS" })).toThrow(/OIDC_ROLE_MAP must be value=ROLE pairs/);
    expect(() => getAuthEnv({ ...base, OIDC_ROLE_MAP: "a=LEAD" })).toThrow(/needs OIDC_ROLE_CLAIM/);
    expect(() => getAuthEnv({ ...base, OIDC_DEFAULT_ROLE: "ADMIN" })).toThrow(/OIDC_DEFAULT_ROLE must be/);
    expect(() => getAuthEnv({ OIDC_ISSUER: "not a url" })).toThrow(/OIDC_ISSUER must be the issuer URL/);
  });
});

describe("OIDC policy", () => {
  const env = getAuthEnv({ ...base, OIDC_ALLOWED_DOMAINS: "corp.example", OIDC_ROLE_CLAIM: "realm_access.roles", OIDC_ROLE_MAP: "eng=ENGINEER,lead=LEAD,admin=ADMIN" });
  it("allows only the listed domains, exactly", () => {
    expect(emailDomainAllowed("a@corp.example", env)).toBe(true);
    expect(emailDomainAllowed("a@CORP.example", env)).toBe(true);
    expect(emailDomainAllowed("a@evilcorp.example", env)).toBe(false);
    expect(emailDomainAllowed("a@corp.example.evil", env)).toBe(false);
    expect(emailDomainAllowed("a@anything", getAuthEnv(base))).toBe(true);
  });
  it("maps a (nested) claim to the highest matching role, or null", () => {
    expect(mapClaimsToRole({ realm_access: { roles: ["eng", "lead"] } }, env)).toBe("LEAD");
    expect(mapClaimsToRole({ realm_access: { roles: ["admin", "eng"] } }, env)).toBe("ADMIN");
    expect(mapClaimsToRole({ realm_access: { roles: ["other"] } }, env)).toBeNull();
    expect(mapClaimsToRole({}, env)).toBeNull();
    expect(mapClaimsToRole({ groups: "eng" }, getAuthEnv({ ...base, OIDC_ROLE_CLAIM: "groups", OIDC_ROLE_MAP: "eng=ENGINEER" }))).toBe("ENGINEER");
  });
});
