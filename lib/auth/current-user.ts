import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import type { Role } from "@/lib/db/schema";
import { findActiveUserWithAccess } from "@/lib/users/queries";
import { auth } from "./auth";

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationIds: string[];
};

/**
 * The signed-in user as the database knows them now: a deactivated account or a changed role
 * takes effect on the next request, not when the session cookie expires.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  return findActiveUserWithAccess(getDb(), session.user.id);
});

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}
