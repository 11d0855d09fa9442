import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import nb from "@/lib/i18n/messages/nb.json";
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from "./audit-events";

describe("audit action names", () => {
  it("has a readable name in both languages for every action the app records", () => {
    for (const messages of [nb, en]) {
      const names = messages.auditLog.actions as Record<string, string>;
      const missing = AUDIT_ACTIONS.filter((a) => !names[a.replaceAll(".", "_")]);
      expect(missing).toEqual([]);
    }
  });

  it("has a readable name in both languages for every kind of target", () => {
    for (const messages of [nb, en]) {
      const names = messages.auditLog.targetTypes as Record<string, string>;
      expect(AUDIT_TARGET_TYPES.filter((type) => !names[type])).toEqual([]);
    }
  });
});
