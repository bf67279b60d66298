import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { oidcProvider, OIDC_PROVIDER_ID } from "./auth/oidc-provider";
import { signInOidcUser } from "./auth/oidc-users";
import { getAuthEnv } from "./env";
import { z } from "zod";
import { clientAddressOfHeaders } from "./client-address";
import { getDb } from "./db";
import { verifyPassword } from "./passwords";
import { checkAll, limiters } from "./rate-limit";
import { logger } from "./logger";

export const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address"),
  password: z.string().min(1, "Enter your password").max(200),
});

/** Thrown to the login page as `?error=`: the page shows the matching message. */
export const LOGIN_ERRORS = {
  CredentialsSignin: "Wrong email or password.",
  Throttled: "Too many sign-in attempts. Wait a few minutes and try again.",
  Unavailable: "The database is unavailable. Try again in a moment.",
  DomainNotAllowed: "Your email's domain may not sign in to Launchgate. Ask an administrator.",
  AccountDisabled: "This account is disabled.",
  EmailRequired: "Your identity provider did not send a verified email address.",
  OAuthSignin: "Single sign-on could not start. Try again, or ask an administrator.",
  OAuthCallback: "Single sign-on failed. Try again.",
  AccessDenied: "Sign-in was refused.",
} as const;

/** What the login page offers: password form and/or the single sign-on button. */
export function loginMethods(): { password: boolean; oidc: { id: string; name: string } | null } {
  return { password: authEnv.LAUNCHGATE_PASSWORD_LOGIN, oidc: authEnv.OIDC_ISSUER ? { id: OIDC_PROVIDER_ID, name: authEnv.OIDC_NAME } : null };
}

const authEnv = getAuthEnv();

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    ...(authEnv.OIDC_ISSUER ? [oidcProvider(authEnv)] : []),
    ...(authEnv.LAUNCHGATE_PASSWORD_LOGIN ? [CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = ZCredentials.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const ip = clientAddressOfHeaders(req?.headers as Record<string, string | undefined>);
        // Only failed attempts count: 10 per email and 30 per address in 15 minutes.
        let user;
        try {
          const wait = await checkAll([{ limiter: limiters.loginEmail, key: `e:${email}` }, { limiter: limiters.loginIp, key: `i:${ip}` }]);
          if (wait > 0) {
            logger.warn({ msg: "login throttled", ip });
            throw new Error("Throttled");
          }
          user = await getDb().user.findUnique({
            where: { email },
            select: { id: true, email: true, name: true, passwordHash: true, isAdmin: true, disabledAt: true },
          });
        } catch (err) {
          if ((err as Error).message === "Throttled") throw err;
          logger.error({ msg: "login lookup failed", err: String(err) });
          throw new Error("Unavailable");
        }
        if (!user || user.disabledAt || !(await verifyPassword(password, user.passwordHash))) {
          await Promise.all([limiters.loginEmail.hit(`e:${email}`), limiters.loginIp.hit(`i:${ip}`)]).catch((err) => {
            logger.error({ msg: "could not record a failed login", err: String(err) });
          });
          return null;
        }
        await limiters.loginEmail.reset(`e:${email}`).catch(() => {});
        return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin };
      },
    })] : []),
  ],
  callbacks: {
    /** OpenID Connect: an allowed, verified email; the first login creates the user (see oidc-users.ts). */
    async signIn({ user, account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      let out;
      try {
        out = await signInOidcUser((profile ?? {}) as Record<string, unknown>, authEnv);
      } catch (err) {
        logger.error({ msg: "oidc sign-in failed", err: String(err) });
        return "/login?error=Unavailable";
      }
      if (!out.ok) return `/login?error=${out.reason === "domain" ? "DomainNotAllowed" : out.reason === "disabled" ? "AccountDisabled" : "EmailRequired"}`;
      user.id = out.userId;
      (user as { isAdmin?: boolean }).isAdmin = out.isAdmin;
      return true;
    },
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.isAdmin = Boolean((user as { isAdmin?: boolean }).isAdmin);
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user) {
        (session.user as { id?: string }).id = token.uid as string;
        (session.user as { isAdmin?: boolean }).isAdmin = Boolean(token.isAdmin);
      }
      return session;
    },
  },
};
