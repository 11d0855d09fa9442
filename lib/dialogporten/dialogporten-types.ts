import { SCOPES } from "@/lib/config/scopes";
import type { components, operations } from "./generated/openapi";

/** Names for the parts of the generated Dialogporten end-user API types that this app uses. */
type Schemas = components["schemas"];
type SearchOperation = operations["V1EndUserDialogsQueriesSearch_Dialog"];
type GetOperation = operations["V1EndUserDialogsQueriesGet_Dialog"];
type TransmissionsOperation = operations["V1EndUserDialogsQueriesSearchTransmissions_DialogTransmission"];

export type DialogSearchQuery = NonNullable<SearchOperation["parameters"]["query"]>;
export type DialogSearchPage = SearchOperation["responses"][200]["content"]["application/json"];
export type DialogSearchItem = Schemas["V1EndUserDialogsQueriesSearch_Dialog"];
export type Dialog = GetOperation["responses"][200]["content"]["application/json"];
export type Transmission = TransmissionsOperation["responses"][200]["content"]["application/json"][number];
export type TransmissionAttachment = Schemas["V1EndUserDialogsQueriesSearchTransmissions_Attachment"];
export type TransmissionType = Schemas["DialogsEntitiesTransmissions_DialogTransmissionType"];
export type AttachmentConsumerType = Schemas["Attachments_AttachmentUrlConsumerType"];
export type DialogStatus = Schemas["DialogsEntities_DialogStatus"];
export type ProblemDetails = Schemas["ProblemDetails"];

export const DIALOGPORTEN_SCOPE = SCOPES.dialogporten;

/** How Dialogporten names an organisation as a party (docs/domain.md, "Dialogporten and Altinn Events"). */
export function organisationParty(orgnr: string): string {
  return `urn:altinn:organization:identifier-no:${orgnr}`;
}
