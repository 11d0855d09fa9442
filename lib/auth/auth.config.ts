import type { NextAuthConfig } from "next-auth";
import type { Role } from "@/lib/db/schema";

/** The provider-independent part of the Auth.js configuration: pages, JWT session, claims. */
export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
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
      return session;
    },
  },
} satisfies NextAuthConfig;
