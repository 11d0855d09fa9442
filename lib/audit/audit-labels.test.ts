import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import nb from "@/lib/i18n/messages/nb.json";
import { KNOWN_AUDIT_ACTIONS } from "./audit-labels";

describe("audit action names", () => {
  it("has a readable name in both languages for every action the filter offers", () => {
    for (const messages of [nb, en]) {
      const names = messages.auditLog.actions as Record<string, string>;
      const missing = KNOWN_AUDIT_ACTIONS.filter((a) => !names[a.replaceAll(".", "_")]);
      expect(missing).toEqual([]);
    }
  });
});
