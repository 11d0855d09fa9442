import "server-only";
import { createDialogStore, type DialogStore } from "./altinn/dialogporten/dialog-store";
import { createDialogportenHandler } from "./altinn/dialogporten/handler";
import { pushDialogEventsToWebhook } from "./altinn/events/webhook-pusher";
import { type AltinnRouteHandler, type SandboxAltinn, startSandboxAltinn } from "./altinn/server";
import { systemUserRequestsHandler } from "./altinn/system-user-requests/handler";
import { sandboxSystemsFromClients } from "./altinn/system-user-requests/system-register";
import { type SandboxMailCatcher, startSandboxMailCatcher } from "./mail-catcher/mail-catcher";
import { parseSandboxClient, type SandboxClientInput } from "./maskinporten/sandbox-client";
import { type SandboxMaskinporten, startSandboxMaskinporten } from "./maskinporten/server";
import { SandboxSystemUserRegistry } from "./maskinporten/system-user-registry";
import { sandboxTokenVerifier } from "./sandbox-token-verifier";
import type { FeedbackDelay } from "./skatteetaten/amelding-feedback-publisher";
import { startSandboxSkatteetaten } from "./skatteetaten/server";
import type { IdempotencyKeyPlacement, SandboxSkatteetatenHandle } from "./skatteetaten/types";

export type SandboxOptions = {
  host?: string;
  /** 0 picks a free port (tests); the start script passes SANDBOX_MASKINPORTEN_PORT. */
  maskinportenPort?: number;
  skatteetatenPort?: number;
  altinnPort?: number;
  /** The mail catcher's SMTP port and the port of its page (0: free ports). */
  mailSmtpPort?: number;
  mailWebPort?: number;
  clients: SandboxClientInput[];
  tokenLifetimeSeconds?: number;
  /** JSON file keeping the Altinn system-user requests (and so approved system users) across restarts. */
  altinnStateFile?: string;
  /** How long after acceptance an A-melding's feedback appears in Dialogporten (default 2000 ms). */
  feedbackDelay?: FeedbackDelay;
  /** Where the sandbox pushes Dialogporten's events as Altinn Events would (a subscription's endpoint). */
  altinnEventsWebhookUrl?: string;
  /** Where the sandbox Skatteetaten reads the idempotency key (default header); anywhere else it counts as missing. */
  idempotencyKeyIn?: IdempotencyKeyPlacement;
};

export type Sandbox = {
  maskinporten: SandboxMaskinporten;
  skatteetaten: SandboxSkatteetatenHandle;
  /** The Altinn platform host: Dialogporten and the system-user request API. */
  altinn: SandboxAltinn;
  /** Dialogporten's dialogs, created by the sandbox Skatteetaten and served by the sandbox Altinn. */
  dialogs: DialogStore;
  /** Receives the notification e-mails (SMTP) and lists them on a page. */
  mail: SandboxMailCatcher;
  close(): Promise<void>;
};

/** Starts every sandbox server: Maskinporten, Skatteetaten's two APIs trusting its tokens, the Altinn platform and the mail catcher. */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  // System users customers approve in the sandbox Altinn become usable in the sandbox Maskinporten.
  const systemUsers = new SandboxSystemUserRegistry();
  const maskinporten = await startSandboxMaskinporten({
    host: options.host,
    port: options.maskinportenPort ?? 0,
    clients: options.clients,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds,
    systemUsers,
  });
  const verifyToken = sandboxTokenVerifier(maskinporten);
  const dialogs = createDialogStore();
  const skatteetaten = await startSandboxSkatteetaten({
    host: options.host,
    port: options.skatteetatenPort ?? 0,
    verifyToken,
    dialogs,
    feedbackDelay: options.feedbackDelay,
    idempotencyKeyIn: options.idempotencyKeyIn,
  });
  const systemUserRequests = systemUserRequestsHandler({
    maskinporten,
    registry: systemUsers,
    systems: sandboxSystemsFromClients(options.clients.map(parseSandboxClient)),
    stateFile: options.altinnStateFile,
  });
  const altinnHandlers: AltinnRouteHandler[] = [
    systemUserRequests,
    createDialogportenHandler({ store: dialogs, verifyToken }),
  ];
  const altinn = await startSandboxAltinn({
    host: options.host,
    port: options.altinnPort ?? 0,
    handlers: altinnHandlers,
  });
  const mail = await startSandboxMailCatcher({
    host: options.host,
    smtpPort: options.mailSmtpPort ?? 0,
    webPort: options.mailWebPort ?? 0,
  });
  const events = options.altinnEventsWebhookUrl
    ? pushDialogEventsToWebhook(dialogs, { webhookUrl: options.altinnEventsWebhookUrl, platformUrl: () => altinn.url })
    : null;
  return {
    maskinporten,
    skatteetaten,
    altinn,
    dialogs,
    mail,
    close: async () => {
      events?.stop();
      await mail.close();
      await altinn.close();
      await skatteetaten.close();
      await maskinporten.close();
    },
  };
}
