import "server-only";
import { SafeError } from "@/lib/actions/action-result";
import { logger } from "@/lib/log/logger";
import type { CurrentUser } from "./current-user";
import { hasPermission, type Permission } from "./permissions";

/**
 * The one permission check of server actions (defineAction) and route handlers (defineRoute): the
 * caller must be signed in and their role must hold every one of `permissions` (lib/auth/permissions.ts).
 * A refusal is a SafeError, answered as "unauthenticated" or "forbidden"; a missing permission is
 * logged, as it means a hand-crafted request or a UI showing what it should not.
 */
export function authorise(
  user: CurrentUser | null,
  permissions: readonly Permission[],
  where: Record<string, string>,
): CurrentUser {
  if (!user) throw new SafeError("unauthenticated", "errors.unauthenticated");
  const missing = permissions.filter((p) => !hasPermission(user.role, p));
  if (missing.length > 0) {
    logger.warn({ ...where, userId: user.id, role: user.role, missing }, "refused: missing permission");
    throw new SafeError("forbidden", "errors.forbidden");
  }
  return user;
}

/** Next signals redirects and notFound() by throwing; those must pass through our error handling. */
export function isNextControlFlow(error: unknown) {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return (
    typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"))
  );
}
