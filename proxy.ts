import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/auth.config";

// Only the cheap "is there a session at all?" redirect lives here; every page, action and route
// handler checks the user and permission itself.
export default NextAuth(authConfig).auth;

export const config = {
  matcher: ["/((?!api/auth|api/health|login|_next/static|_next/image|favicon.ico|fonts/).*)"],
};
