import { describe, expect, it } from "vitest";
import { hasPermission, PERMISSIONS } from "./permissions";

const MUTATIONS = [
  "submission:edit",
  "submission:retry",
  "submission:resend",
  "submission:cancel",
  "organisation:manage",
  "user:manage",
] as const;

describe("role → permission table", () => {
  it("gives admin every permission", () => {
    for (const p of PERMISSIONS) expect(hasPermission("admin", p)).toBe(true);
  });

  it("lets support read raw data and retry, but not edit, resend or manage", () => {
    expect(hasPermission("support", "submission:read_raw")).toBe(true);
    expect(hasPermission("support", "submission:retry")).toBe(true);
    expect(hasPermission("support", "submission:edit")).toBe(false);
    expect(hasPermission("support", "submission:resend")).toBe(false);
    expect(hasPermission("support", "submission:cancel")).toBe(false);
    expect(hasPermission("support", "user:manage")).toBe(false);
    expect(hasPermission("support", "organisation:manage")).toBe(false);
  });

  it("gives manager no mutation and no unmasked personal data or raw bodies", () => {
    for (const p of MUTATIONS) expect(hasPermission("manager", p)).toBe(false);
    expect(hasPermission("manager", "personal_data:read_unmasked")).toBe(false);
    expect(hasPermission("manager", "submission:read_raw")).toBe(false);
    expect(hasPermission("manager", "submission:read")).toBe(true);
    expect(hasPermission("manager", "export:read")).toBe(true);
  });

  it("shows the board (/tavle) to admins and managers, not to support", () => {
    expect(hasPermission("admin", "board:read")).toBe(true);
    expect(hasPermission("manager", "board:read")).toBe(true);
    expect(hasPermission("support", "board:read")).toBe(false);
  });
});
