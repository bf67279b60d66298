"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Wrong email or password.",
  Throttled: "Too many sign-in attempts. Wait a few minutes and try again.",
  Unavailable: "The database is unavailable. Try again in a moment.",
};

export function LoginForm({ callbackUrl, password = true, oidc = null, initialError = null }: {
  callbackUrl: string; password?: boolean; oidc?: { id: string; name: string } | null; initialError?: string | null;
}) {
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) {
      setError("Enter your email and password.");
      return;
    }
    setPending(true);
    setError(null);
    try {
      const res = await signIn("credentials", { email, password, redirect: false });
      if (!res || res.error) {
        setError(MESSAGES[res?.error ?? ""] ?? "Sign-in failed. Try again.");
        return;
      }
      window.location.assign(callbackUrl);
    } catch {
      setError("The server could not be reached. Try again.");
    } finally {
      setPending(false);
    }
  }

  const sso = oidc && (
    <button type="button" disabled={pending} onClick={() => { setPending(true); void signIn(oidc.id, { callbackUrl }); }}
      className="w-full rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-50 disabled:opacity-60">
      Sign in with {oidc.name}
    </button>
  );
  if (!password) {
    return (
      <div className="space-y-4">
        {error && <p id="login-error" role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>}
        {sso}
      </div>
    );
  }
  return (
    <div className="space-y-4">
    {sso}
    {sso && <p className="text-center text-xs text-slate-500">or with your email and password</p>}
    <form onSubmit={onSubmit} className="space-y-4" noValidate aria-describedby={error ? "login-error" : undefined}>
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-700">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required autoFocus
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 shadow-sm focus:border-blue-500" />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 shadow-sm focus:border-blue-500" />
      </div>
      {error && (
        <p id="login-error" role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>
      )}
      <button type="submit" disabled={pending}
        className="w-full rounded-md bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 disabled:opacity-60">
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
    </div>
  );
}
