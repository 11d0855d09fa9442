import type { Role } from "@/lib/db/schema";

export const ROLES = ["admin", "support", "manager"] as const satisfies readonly Role[];

export const PERMISSIONS = [
  "submission:read",
  "submission:read_raw",
  "submission:edit",
  "submission:retry",
  "submission:resend",
  "submission:cancel",
  "personal_data:read_unmasked",
  "organisation:manage",
  "user:manage",
  "audit:read",
  "audit:read_details",
  "export:read",
  "maskinporten:diagnose",
  /** Create and revoke keys for the public API (/api-nokler). */
  "api_key:manage",
  /** Create, change, turn off, delete webhook subscriptions and resend deliveries (/webhooks). */
  "webhook:manage",
  /** The board of organisations × months (/tavle): for those who run and oversee the reporting. */
  "board:read",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * The single role → permission table. Every server action and route handler checks against
 * this; the UI only uses it to hide what would be refused anyway.
 */
const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // Payroll administrator: builds, submits and corrects reports; manages organisations and users.
  admin: PERMISSIONS,
  // Support: reads everything including raw bodies; may retry a failed delivery, nothing else.
  support: [
    "submission:read",
    "submission:read_raw",
    "submission:retry",
    "personal_data:read_unmasked",
    "audit:read",
    "audit:read_details",
    "export:read",
    "maskinporten:diagnose",
  ],
  // Manager: reviews history and exports, with personal data masked; no mutations.
  manager: ["submission:read", "audit:read", "export:read", "board:read"],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}
