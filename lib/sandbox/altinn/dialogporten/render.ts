import "server-only";
import type { Dialog, DialogSearchItem, Transmission } from "@/lib/dialogporten/dialogporten-types";
import type { SandboxDialog, SandboxTransmission } from "./dialog-store";

const text = (value: string) => ({ mediaType: "text/plain", value: [{ languageCode: "nb", value }] });

function counts(dialog: SandboxDialog) {
  const fromParty = dialog.transmissions.filter((t) => t.sender.actorType === "PartyRepresentative").length;
  return {
    fromPartyTransmissionsCount: fromParty,
    fromServiceOwnerTransmissionsCount: dialog.transmissions.length - fromParty,
  };
}

/** A dialog as the end-user search lists it. */
export function toSearchItem(dialog: SandboxDialog): DialogSearchItem {
  return {
    id: dialog.id,
    org: dialog.org,
    party: dialog.party,
    serviceResource: dialog.serviceResource,
    serviceResourceType: "GenericAccessResource",
    status: dialog.status,
    externalReference: dialog.externalReference,
    createdAt: dialog.createdAt,
    updatedAt: dialog.updatedAt,
    contentUpdatedAt: dialog.updatedAt,
    isApiOnly: false,
    hasUnopenedContent: dialog.transmissions.some((t) => t.sender.actorType === "ServiceOwner"),
    ...counts(dialog),
    content: { title: text(dialog.title) },
  };
}

/** A transmission as GET .../dialogs/{id}/transmissions returns it. */
export function toTransmission(t: SandboxTransmission): Transmission {
  return {
    id: t.id,
    type: t.type,
    createdAt: t.createdAt,
    isAuthorized: true,
    relatedTransmissionId: t.relatedTransmissionId,
    externalReference: t.externalReference,
    sender: t.sender,
    content: { title: text(t.title) },
    attachments: t.attachments.map((a) => ({
      id: a.id,
      name: a.name,
      displayName: [{ languageCode: "nb", value: a.displayName }],
      urls: a.urls.map((u) => ({ ...u })),
    })),
  };
}

/** The whole dialog, as GET .../dialogs/{id} returns it. */
export function toDialog(dialog: SandboxDialog): Dialog {
  const { content: _searchContent, ...item } = toSearchItem(dialog);
  return {
    ...item,
    revision: dialog.updatedAt,
    content: { title: text(dialog.title) },
    transmissions: dialog.transmissions.map((t) => ({ ...toTransmission(t), isOpened: false })),
    attachments: [],
    activities: [],
    guiActions: [],
    apiActions: [],
  };
}
