import "server-only";
import nodemailer from "nodemailer";

/*
 * The one way e-mail leaves the product: nodemailer over SMTP_URL. Addresses and bodies never
 * reach the logs; a failure is recorded as a short code (SMTP reply code or nodemailer's error
 * code), which says what went wrong without repeating the address it concerned.
 */

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  /** RFC 8058 one-click unsubscribe: mail programs show an "unsubscribe" button that POSTs to it. */
  unsubscribeUrl: string;
};

export type MailSender = {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

export function createSmtpMailSender(options: { smtpUrl: string; from: string; timeoutMs?: number }): MailSender {
  const timeout = options.timeoutMs ?? 20_000;
  const transport = nodemailer.createTransport(options.smtpUrl, {
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    async send(mail) {
      await transport.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        headers: {
          "List-Unsubscribe": `<${mail.unsubscribeUrl}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
      });
    },
    close() {
      transport.close();
    },
  };
}

/** What of a sending failure may be stored and logged: a code, never the message (it can name the address). */
export function mailErrorCode(error: unknown): string {
  if (error && typeof error === "object") {
    const e = error as { responseCode?: unknown; code?: unknown };
    const parts = [
      typeof e.code === "string" && /^[A-Z_]{2,40}$/.test(e.code) ? e.code : null,
      typeof e.responseCode === "number" ? `SMTP ${e.responseCode}` : null,
    ].filter(Boolean);
    if (parts.length > 0) return parts.join(" ");
  }
  return "UNKNOWN";
}
