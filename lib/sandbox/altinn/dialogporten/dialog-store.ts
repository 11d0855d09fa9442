import "server-only";
import { randomUUID } from "node:crypto";
import type { AttachmentConsumerType, DialogStatus, TransmissionType } from "@/lib/dialogporten/dialogporten-types";

export type SandboxAttachment = {
  id: string;
  name: string;
  displayName: string;
  urls: { id: string; url: string; mediaType: string; consumerType: AttachmentConsumerType }[];
};

export type SandboxTransmission = {
  id: string;
  type: TransmissionType;
  createdAt: string;
  sender: { actorType: "ServiceOwner" | "PartyRepresentative"; actorName: string };
  title: string;
  relatedTransmissionId: string | null;
  externalReference: string | null;
  attachments: SandboxAttachment[];
};

export type SandboxDialog = {
  id: string;
  /** urn:altinn:organization:identifier-no:<orgnr> */
  party: string;
  serviceResource: string;
  /** The service owner's code ("skd" for Skatteetaten). */
  org: string;
  status: DialogStatus;
  title: string;
  externalReference: string | null;
  createdAt: string;
  updatedAt: string;
  transmissions: SandboxTransmission[];
};

export type DialogEvent =
  | { type: "dialog.created"; dialog: SandboxDialog }
  | { type: "transmission.created"; dialog: SandboxDialog; transmission: SandboxTransmission };

type NewTransmission = Omit<SandboxTransmission, "id" | "createdAt" | "attachments"> & {
  attachments: (Omit<SandboxAttachment, "id" | "urls"> & { urls: Omit<SandboxAttachment["urls"][number], "id">[] })[];
};

/** Newest first, as Dialogporten's default order; the id breaks ties so paging is stable. */
function compareNewestFirst(a: SandboxDialog, b: SandboxDialog) {
  return b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
}

/**
 * The sandbox Dialogporten's dialogs, in memory. Shared between the sandbox Skatteetaten (which,
 * as the service owner, creates dialogs and transmissions) and the sandbox Altinn platform (which
 * serves them through the end-user API).
 */
export function createDialogStore() {
  const dialogs = new Map<string, SandboxDialog>();
  const listeners = new Set<(event: DialogEvent) => void>();
  const emit = (event: DialogEvent) => {
    for (const listener of listeners) listener(event);
  };
  // Strictly increasing timestamps, so two dialogs made in the same millisecond still sort by age.
  let lastTime = 0;
  const nowIso = () => {
    lastTime = Math.max(Date.now(), lastTime + 1);
    return new Date(lastTime).toISOString();
  };

  return {
    createDialog(
      input: Omit<SandboxDialog, "id" | "createdAt" | "updatedAt" | "transmissions"> & { id?: string },
    ): SandboxDialog {
      const at = nowIso();
      const dialog: SandboxDialog = {
        ...input,
        id: input.id ?? randomUUID(),
        createdAt: at,
        updatedAt: at,
        transmissions: [],
      };
      dialogs.set(dialog.id, dialog);
      emit({ type: "dialog.created", dialog });
      return dialog;
    },

    addTransmission(
      dialogId: string,
      input: NewTransmission,
      change: { status?: DialogStatus } = {},
    ): SandboxTransmission {
      const dialog = dialogs.get(dialogId);
      if (!dialog) throw new Error(`No sandbox dialog ${dialogId}`);
      const transmission: SandboxTransmission = {
        ...input,
        id: randomUUID(),
        createdAt: nowIso(),
        attachments: input.attachments.map((a) => ({
          ...a,
          id: randomUUID(),
          urls: a.urls.map((u) => ({ ...u, id: randomUUID() })),
        })),
      };
      dialog.transmissions.push(transmission);
      dialog.updatedAt = transmission.createdAt;
      if (change.status) dialog.status = change.status;
      emit({ type: "transmission.created", dialog, transmission });
      return transmission;
    },

    get: (id: string) => dialogs.get(id),

    /** The party's dialogs, newest first, optionally only one service resource's. */
    forParty(party: string, serviceResources: string[] = []): SandboxDialog[] {
      return [...dialogs.values()]
        .filter(
          (d) => d.party === party && (serviceResources.length === 0 || serviceResources.includes(d.serviceResource)),
        )
        .sort(compareNewestFirst);
    },

    onEvent(listener: (event: DialogEvent) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    reset() {
      dialogs.clear();
    },
  };
}

export type DialogStore = ReturnType<typeof createDialogStore>;
