import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
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
} as const;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
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
    }),
  ],
  callbacks: {
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
