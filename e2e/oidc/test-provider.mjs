/**
 * A real OpenID Connect provider (the `oidc-provider` package) on loopback, for the sign-in e2e
 * test: `node e2e/oidc/test-provider.mjs <port> <redirect_uri>` prints READY once it listens.
 * Its built-in development login form accepts any password for the accounts below.
 */
import Provider from "oidc-provider";

const [port, redirectUri] = [Number(process.argv[2]), process.argv[3]];
const ACCOUNTS = {
  alice: { email: "alice@corp.example", name: "Alice Corp", groups: ["launchgate-leads"] },
  carol: { email: "carol@corp.example", name: "Carol Corp", groups: ["staff"] },
  bob: { email: "bob@other.example", name: "Bob Other", groups: ["launchgate-leads"] },
};

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{
    client_id: "launchgate-e2e", client_secret: "launchgate-e2e-secret-0123456789",
    redirect_uris: [redirectUri], grant_types: ["authorization_code"], response_types: ["code"],
  }],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
  // Put the requested claims in the ID token (next-auth reads the profile from it).
  conformIdTokenClaims: false,
  cookies: { keys: ["launchgate-e2e-cookie-key"] },
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, id) {
    const a = ACCOUNTS[id];
    if (!a) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, email: a.email, email_verified: true, name: a.name, groups: a.groups }) };
  },
  // A first-party client: no consent screen.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
});
provider.listen(port, "127.0.0.1", () => console.log(`READY http://127.0.0.1:${port}`));
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => process.exit(0));
