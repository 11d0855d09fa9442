import { SafeError } from "@/lib/actions/action-result";
import type { Role } from "@/lib/db/schema";
import { hasPermission, type Permission } from "./permissions";

/**
 * Who an operation acts for: a signed-in user (their role's permissions), or an API key (the
 * permissions of its scopes, lib/api-keys/api-keys.ts). Neither: the system.
 */
export type Principal = { role?: Role; permissions?: readonly Permission[] };

/**
 * For checks inside an operation, beyond the action's own permission (e.g. a corrected version
 * needs submission:resend on top of submission:edit). A caller without a role or permissions (the system) is refused.
 */
export function assertPermission(actor: Principal | null, permission: Permission) {
  const allowed = actor?.role
    ? hasPermission(actor.role, permission)
    : (actor?.permissions?.includes(permission) ?? false);
  if (!allowed) throw new SafeError("forbidden", "errors.forbidden");
}
