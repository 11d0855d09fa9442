import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import type { Provider } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { findUserByEmail } from "@/lib/users/queries";
import { authConfig } from "./auth.config";
import { authenticate } from "./authenticate";
import { getLoginThrottle } from "./login-throttle";
import { createSession, deleteSession } from "./sessions";

class ThrottledSignin extends CredentialsSignin {
  code = "throttled";
}

const credentialsSchema = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1000) });

const providers: Provider[] = [
  Credentials({
    credentials: { email: {}, password: {} },
    async authorize(raw, request) {
      const parsed = credentialsSchema.safeParse(raw);
      if (!parsed.success) return null;
      const { email, password } = parsed.data;
      const result = await authenticate(getDb(), getLoginThrottle(), email, password, clientAddress(request.headers));
      if (result.ok) return result.user;
      if (result.reason === "throttled") throw new ThrottledSignin();
      return null;
    },
  }),
];

export const oidcEnabled = Boolean(env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_CLIENT_ID && env.AUTH_OIDC_CLIENT_SECRET);

if (oidcEnabled) {
  providers.push({
    id: "oidc",
    name: env.AUTH_OIDC_NAME,
    type: "oidc",
    issuer: env.AUTH_OIDC_ISSUER,
    clientId: env.AUTH_OIDC_CLIENT_ID,
    clientSecret: env.AUTH_OIDC_CLIENT_SECRET,
  });
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers,
  callbacks: {
    ...authConfig.callbacks,
    // OIDC identities are accepted only for active users an admin has created here; the role
    // always comes from our database, never from the identity provider.
    async signIn({ user, account }) {
      if (account?.provider !== "oidc") return true;
      if (!user.email) return false;
      const local = await findUserByEmail(getDb(), user.email);
      return Boolean(local?.active);
    },
    // `user` is set only at sign-in: that is when the session's row is created.
    async jwt(params) {
      const { token, account, user } = params;
      if (account?.provider === "oidc" && user?.email) {
        const local = await findUserByEmail(getDb(), user.email);
        if (local) {
          token.uid = local.id;
          token.role = local.role;
          token.name = local.name;
          token.sid = await createSession(getDb(), local.id);
        }
        return token;
      }
      const next = authConfig.callbacks.jwt(params);
      if (user?.id && typeof next.uid === "string") next.sid = await createSession(getDb(), next.uid);
      return next;
    },
  },
  events: {
    // Ends the session on the server, so a copy of the cookie stops working too.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await deleteSession(getDb(), sid);
    },
  },
});
