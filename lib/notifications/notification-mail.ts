import "server-only";
import { createTranslator } from "use-intl/core";
import en from "@/lib/i18n/messages/en.json";
import nb from "@/lib/i18n/messages/nb.json";
import type { Translator } from "@/lib/i18n/translator";
import type { OutgoingMail } from "./mailer";
import type { NotificationKind } from "./notification-kinds";
import { notificationText } from "./notification-text";
import { createUnsubscribeToken } from "./unsubscribe-token";

/*
 * The e-mails' text: bokmål, then English (we do not know a user's language outside a session).
 * What they say is what the user sees in the app: the organisation's name and orgnr, a month, a
 * date, a code; never a person, a payload or anything of another organisation.
 */

const translators: Record<"nb" | "en", Translator> = {
  nb: createTranslator({ locale: "nb", messages: nb }) as unknown as Translator,
  en: createTranslator({ locale: "en", messages: en }) as unknown as Translator,
};

export type MailLinks = { baseUrl: string; authSecret: string };

export type MailNotification = {
  kind: NotificationKind;
  params: Record<string, string | number>;
  link: string;
  organisationName: string;
  orgnr: string;
};

export type MailRecipient = { userId: string; email: string; name: string };

function urls(links: MailLinks, userId: string) {
  const token = createUnsubscribeToken(links.authSecret, userId);
  return {
    centre: `${links.baseUrl}/varsler`,
    unsubscribePage: `${links.baseUrl}/avmelding?token=${encodeURIComponent(token)}`,
    oneClick: `${links.baseUrl}/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`,
  };
}

function block(locale: "nb" | "en", n: MailNotification, baseUrl: string) {
  const t = translators[locale];
  return [
    `- ${notificationText(t, locale, n)}`,
    `  ${t("notifications.mail.organisation", { name: n.organisationName, orgnr: n.orgnr })}`,
    `  ${t("notifications.mail.open", { url: `${baseUrl}${n.link}` })}`,
  ].join("\n");
}

function body(recipient: MailRecipient, items: MailNotification[], links: MailLinks, u: ReturnType<typeof urls>) {
  return (["nb", "en"] as const)
    .map((locale) => {
      const t = translators[locale];
      return [
        t("notifications.mail.greeting", { name: recipient.name }),
        "",
        ...items.map((n) => block(locale, n, links.baseUrl)),
        "",
        t("notifications.mail.all", { url: u.centre }),
        t("notifications.mail.unsubscribe", { url: u.unsubscribePage }),
        t("notifications.mail.footer"),
      ].join("\n");
    })
    .join("\n\n-----\n\n");
}

/** One notification's own e-mail. */
export function notificationMail(recipient: MailRecipient, n: MailNotification, links: MailLinks): OutgoingMail {
  const u = urls(links, recipient.userId);
  return {
    to: recipient.email,
    subject: translators.nb("notifications.mail.subject", { title: notificationText(translators.nb, "nb", n) }),
    text: body(recipient, [n], links, u),
    unsubscribeUrl: u.oneClick,
  };
}

/** The daily digest: every notification held for it, in one e-mail. */
export function digestMail(recipient: MailRecipient, items: MailNotification[], links: MailLinks): OutgoingMail {
  const u = urls(links, recipient.userId);
  return {
    to: recipient.email,
    subject: translators.nb("notifications.mail.digestSubject", { count: items.length }),
    text: body(recipient, items, links, u),
    unsubscribeUrl: u.oneClick,
  };
}
