import type { NextAuthConfig } from "next-auth";
import type { Role } from "@/lib/db/schema";

/** A session ends this long after sign-in (also the lifetime of its row in `sessions`). */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** The provider-independent part of the Auth.js configuration: pages, JWT session, claims. */
export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id && user.role) {
        token.uid = user.id;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      if (typeof token.role === "string") session.user.role = token.role as Role;
      if (typeof token.sid === "string") session.sessionId = token.sid;
      return session;
    },
  },
} satisfies NextAuthConfig;
