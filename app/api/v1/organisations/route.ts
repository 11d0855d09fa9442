import { organisationListSchema } from "@/lib/api/v1/schemas";
import { listOrganisationsForUser } from "@/lib/organisations/queries";
import { defineRoute } from "@/lib/routes/define-route";

export const dynamic = "force-dynamic";

/** The organisations the key may act for. */
export const GET = defineRoute(
  { name: "api-v1-organisations", access: { apiKey: { scope: "read" } }, output: organisationListSchema },
  async (_input, { api, db }) => ({
    organisations: (await listOrganisationsForUser(db, api.organisationIds)).map(({ id, orgnr, name }) => ({
      id,
      orgnr,
      name,
    })),
  }),
);
