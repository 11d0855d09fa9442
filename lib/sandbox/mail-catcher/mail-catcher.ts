import "server-only";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { listenSandboxServer } from "../listen";

/*
 * The sandbox's mail catcher: an SMTP server that accepts every message (no authentication, no
 * TLS: it listens on the loopback only) and keeps the newest MAX_MAILS in memory, and an HTTP page
 * listing them (GET /, and GET /messages as JSON), so the notification e-mails can be seen
 * without a mail server. `npm start` starts it in sandbox mode and points SMTP_URL at it.
 * A fault on demand: a recipient at REFUSED_DOMAIN is refused (550), as a server refuses an
 * address that does not exist.
 */

export const REFUSED_DOMAIN = "refused.invalid";

export type CaughtMail = {
  id: number;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  headers: Record<string, string>;
};

const MAX_MAILS = 500;
const MAX_MESSAGE_BYTES = 1_000_000;

export type SandboxMailCatcher = {
  smtpPort: number;
  /** The page listing received mails. */
  url: string;
  mails(): CaughtMail[];
  close(): Promise<void>;
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

function page(mails: CaughtMail[]) {
  const items = mails
    .map(
      (m) => `<article data-testid="caught-mail">
<h2>${escapeHtml(m.subject)}</h2>
<p>Til / To: ${escapeHtml(m.to.join(", "))} · Fra / From: ${escapeHtml(m.from)} · ${escapeHtml(m.receivedAt)}</p>
<pre>${escapeHtml(m.text)}</pre>
</article>`,
    )
    .join("\n");
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Sandkasse: e-post</title></head>
<body><main><h1>Sandkasse: mottatt e-post (sandbox mail catcher)</h1>
<p>${mails.length} e-post, nyeste først.</p>${items}</main></body></html>`;
}

export async function startSandboxMailCatcher(options: {
  host?: string;
  smtpPort?: number;
  webPort?: number;
}): Promise<SandboxMailCatcher> {
  const host = options.host ?? "127.0.0.1";
  const mails: CaughtMail[] = [];
  let nextId = 1;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.toLowerCase().endsWith(`@${REFUSED_DOMAIN}`))
        callback(Object.assign(new Error("No such user"), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
            callback(Object.assign(new Error("Message too large"), { responseCode: 552 }));
            return;
          }
          const headers: Record<string, string> = {};
          for (const line of parsed.headerLines) headers[line.key] = line.line.slice(line.key.length + 1).trim();
          mails.unshift({
            id: nextId++,
            receivedAt: new Date().toISOString(),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            headers,
          });
          mails.length = Math.min(mails.length, MAX_MAILS);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once("error", reject);
    smtp.listen(options.smtpPort ?? 0, host, () => resolve());
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const web = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://sandbox").pathname;
    if (req.method !== "GET") {
      res.writeHead(405).end();
    } else if (path === "/messages") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(mails));
    } else if (path === "/") {
      res
        .writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": "default-src 'none'" })
        .end(page(mails));
    } else {
      res.writeHead(404).end();
    }
  });
  const listening = await listenSandboxServer(web, host, options.webPort ?? 0);
  return {
    smtpPort,
    url: listening.url,
    mails: () => [...mails],
    close: async () => {
      await listening.close();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}
