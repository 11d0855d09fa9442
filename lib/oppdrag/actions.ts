"use server";

import { randomBytes } from "node:crypto";
import { z } from "zod";
import { SafeError } from "@/lib/actions/action-result";
import { assertOrganisationAccess, defineAction } from "@/lib/actions/define-action";
import { listOrganisationsForUser } from "@/lib/organisations/queries";
import type { Oppdrag } from "@/lib/reporting/oar/oppdrag-model";
import { wakeDeliveryWorker } from "@/lib/submissions/engine/queue-client";
import { createSubmission, sendCorrectedVersion } from "@/lib/submissions/operations/operations";
import { oppdragSchemaWith } from "./oppdrag-form-schema";
import { oppdragsgiverIsOrganisation } from "./oppdragsgiver";

const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

const saveOppdragSchema = oppdragSchemaWith({
  organisationId: z.uuid({ error: "required" }),
  intent: z.enum(["draft", "submit"]),
  /** Set when editing a draft or correcting a rejected report: the result is a new version of it. */
  submissionId: z.preprocess(emptyToUndefined, z.uuid().optional()),
  /** Set when reporting a change of an oppdrag reported before; new oppdrag get a fresh one. */
  oppdragsreferanse: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()),
});

function newOppdragsreferanse() {
  return `OPP-${new Date().toISOString().slice(0, 10).replaceAll("-", "")}-${randomBytes(3).toString("hex").toUpperCase()}`;
}

export const saveOppdragAction = defineAction(
  { name: "saveOppdrag", permission: "submission:edit", schema: saveOppdragSchema },
  async (input, { user, db }) => {
    assertOrganisationAccess(user, input.organisationId);
    const {
      organisationId,
      intent,
      submissionId,
      oppdragsreferanse,
      hovedoppdragsgiverErAnnen: _,
      oppdragsgiverAvvikBekreftet,
      ...values
    } = input;
    // The report goes out for this organisation (its system user); naming another oppdragsgiver must be deliberate.
    const [organisation] = await listOrganisationsForUser(db, [organisationId]);
    if (!organisation) throw new SafeError("forbidden", "errors.organisationForbidden");
    if (!oppdragsgiverIsOrganisation(values.oppdragsgiver, organisation) && !oppdragsgiverAvvikBekreftet) {
      throw new SafeError("validation", "errors.validation", {
        oppdragsgiverAvvikBekreftet: ["oppdragsgiverNotConfirmed"],
      });
    }
    const payload: Oppdrag = { ...values, oppdragsreferanse: oppdragsreferanse ?? newOppdragsreferanse() };
    const queue = intent === "submit";
    const result = await db.transaction((tx) =>
      submissionId
        ? sendCorrectedVersion(tx, user, submissionId, [organisationId], "oar", payload, { queue })
        : createSubmission(tx, user, {
            organisationId,
            kind: "oar",
            subject: payload.oppdragsreferanse,
            payload,
            queue,
          }),
    );
    if (queue) await wakeDeliveryWorker(result.submissionId);
    return { submissionId: result.submissionId };
  },
);
