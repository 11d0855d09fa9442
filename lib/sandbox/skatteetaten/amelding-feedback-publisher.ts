import "server-only";
import { organisationParty } from "@/lib/dialogporten/dialogporten-types";
import type { DialogStore } from "../altinn/dialogporten/dialog-store";
import { buildFeedbackDocument, type FeedbackIds, type SandboxFeedbackDocument } from "./amelding-feedback-document";
import type { JsonObject } from "./shape-check";

/** The Altinn resource of A-melding dialogs: the service's published resource id (docs/skatteetaten-contract.md). */
const AMELDING_SERVICE_RESOURCE = "urn:altinn:resource:ske-innrapportering-amelding";

/** Paths of the sandbox's amelding-tilbakemelding API, on the Skatteetaten sandbox server. */
export const TILBAKEMELDING_API_PATH = "/amelding-tilbakemelding/v1";
const TILBAKEMELDING_GUI_PATH = "/amelding-tilbakemelding/visning";

/** Milliseconds until the feedback appears, or "manual": only when releasePending() is called. */
export type FeedbackDelay = number | "manual";

type StoredFeedback = { orgnr: string; document: SandboxFeedbackDocument; published: boolean };

/**
 * What Skatteetaten does after accepting an A-melding (docs/om/bruk_innrapportering.md;
 * docs/skatteetaten-contract.md, "Feedback"): a dialog for the
 * opplysningspliktig with a Submission transmission at once, and later a feedback transmission
 * (Acceptance, or Rejection when there are Avvisning deviations) whose Api attachment points at
 * the feedback document on the amelding-tilbakemelding API.
 */
export function createAmeldingFeedbackPublisher(options: {
  dialogs: DialogStore;
  serverUrl: () => string;
  delay: FeedbackDelay;
}) {
  const feedback = new Map<string, StoredFeedback>();
  const pending = new Map<string, () => void>();
  const timers = new Set<NodeJS.Timeout>();
  let delay = options.delay;

  function publish(forsendelseId: string, dialogId: string, submissionTransmissionId: string) {
    pending.delete(forsendelseId);
    const stored = feedback.get(forsendelseId);
    // After a reset the dialog is gone; there is nothing to add to.
    if (!stored || !options.dialogs.get(dialogId)) return;
    stored.published = true;
    const { behandlingsresultat } = stored.document.tilbakemelding;
    const base = options.serverUrl();
    options.dialogs.addTransmission(
      dialogId,
      {
        type: behandlingsresultat === "AVVIST" ? "Rejection" : "Acceptance",
        sender: { actorType: "ServiceOwner", actorName: "Skatteetaten" },
        title: behandlingsresultat === "AVVIST" ? "A-meldingen er avvist" : "Tilbakemelding på A-meldingen",
        relatedTransmissionId: submissionTransmissionId,
        externalReference: forsendelseId,
        attachments: [
          {
            name: "tilbakemelding",
            displayName: "Tilbakemelding",
            urls: [
              {
                consumerType: "Gui",
                mediaType: "text/html",
                url: `${base}${TILBAKEMELDING_GUI_PATH}/${forsendelseId}`,
              },
              {
                consumerType: "Api",
                mediaType: "application/json",
                url: `${base}${TILBAKEMELDING_API_PATH}/tilbakemelding/${forsendelseId}`,
              },
            ],
          },
        ],
      },
      { status: behandlingsresultat === "GODKJENT" ? "Completed" : "RequiresAttention" },
    );
  }

  return {
    /** Called once per accepted A-melding (never for an idempotent replay). */
    accepted(leveranse: JsonObject, ids: FeedbackIds & { dialogId: string }) {
      options.dialogs.createDialog({
        id: ids.dialogId,
        party: organisationParty(ids.opplysningspliktig),
        serviceResource: AMELDING_SERVICE_RESOURCE,
        org: "skd",
        status: "InProgress",
        title: `A-melding for ${ids.kalendermaaned}`,
        externalReference: ids.forsendelseId,
      });
      const submission = options.dialogs.addTransmission(ids.dialogId, {
        type: "Submission",
        sender: { actorType: "PartyRepresentative", actorName: ids.opplysningspliktig },
        title: "A-melding mottatt",
        relatedTransmissionId: null,
        externalReference: ids.meldingsId,
        attachments: [],
      });
      feedback.set(ids.forsendelseId, {
        orgnr: ids.opplysningspliktig,
        document: buildFeedbackDocument(leveranse, ids, new Date()),
        published: false,
      });
      const run = () => publish(ids.forsendelseId, ids.dialogId, submission.id);
      if (delay === 0) return run();
      pending.set(ids.forsendelseId, run);
      if (delay === "manual") return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        pending.get(ids.forsendelseId)?.();
      }, delay);
      timer.unref();
      timers.add(timer);
    },

    /** The stored feedback for a forsendelse, published or not. */
    find: (forsendelseId: string) => feedback.get(forsendelseId),

    /** Publishes every feedback still waiting for its delay; returns how many. */
    releasePending(): number {
      const runs = [...pending.values()];
      for (const run of runs) run();
      return runs.length;
    },

    setDelay(next: FeedbackDelay) {
      delay = next;
    },

    reset() {
      timers.forEach(clearTimeout);
      timers.clear();
      pending.clear();
      feedback.clear();
    },
  };
}

export type AmeldingFeedbackPublisher = ReturnType<typeof createAmeldingFeedbackPublisher>;
