import { formatDate, formatMonth } from "@/lib/i18n/format";
import type { Translator } from "@/lib/i18n/translator";
import type { NotificationKind } from "./notification-kinds";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MONTH = /^\d{4}-\d{2}$/;

/**
 * A notification's sentence in the reader's language, for the centre and the e-mails alike. Its
 * values were stored as data (a month, a date, a code); dates and months are formatted here, an
 * A-melding's subject (YYYY-MM) reads as its month, a severity by its name.
 */
export function notificationText(
  t: Translator,
  locale: string,
  n: { kind: NotificationKind; params: Record<string, string | number> },
): string {
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(oarParams(n))) {
    if (typeof value === "string" && ISO_DAY.test(value)) values[key] = formatDate(locale, value);
    else if (typeof value === "string" && ISO_MONTH.test(value)) values[key] = formatMonth(locale, value);
    else if (key === "severity" && t.has(`notifications.severity.${value}`))
      values[key] = t(`notifications.severity.${value}`);
    else values[key] = value;
  }
  return t(`notifications.kinds.${n.kind}`, values);
}

/** An OAR deadline raised before its obligations were told apart named only the start date: read as the start obligation. */
function oarParams(n: { kind: NotificationKind; params: Record<string, string | number> }) {
  if (n.kind !== "oar_deadline" || "obligation" in n.params) return n.params;
  return { obligation: "start_without_reference", date: n.params.startDate ?? "", ...n.params };
}
