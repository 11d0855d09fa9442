import { SafeError } from "@/lib/actions/action-result";
import type { Role } from "@/lib/db/schema";
import { hasPermission, type Permission } from "./permissions";

/**
 * For checks inside an operation, beyond the action's own permission (e.g. a corrected version
 * needs submission:resend on top of submission:edit). A caller without a role (the system) is refused.
 */
export function assertPermission(actor: { role?: Role } | null, permission: Permission) {
  if (!actor?.role || !hasPermission(actor.role, permission)) throw new SafeError("forbidden", "errors.forbidden");
}
