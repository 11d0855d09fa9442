import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import type { Role } from "@/lib/db/schema";
import { findSessionUser } from "@/lib/users/queries";
import { auth } from "./auth";

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationIds: string[];
};

/**
 * The signed-in user as the database knows them now. The session's row must still exist (sign-out,
 * deactivation and a role change delete it), so a copied or old cookie stops working at once.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  if (!session?.user?.id || !session.sessionId) return null;
  return findSessionUser(getDb(), session.sessionId, session.user.id);
});

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}
