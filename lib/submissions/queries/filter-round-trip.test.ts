import { describe, expect, it } from "vitest";
import { canonicalListUrl } from "@/lib/filters/search-params";
import { NEEDS_ACTION_STATUSES } from "@/lib/overview/overview-queries";
import {
  filterToSearchParams,
  IN_FLIGHT_STATUSES,
  parseSubmissionListFilter,
  SUBMISSION_STATUSES,
  type SubmissionListFilter,
  submissionFilterFormValues,
} from "./list-filter";

/**
 * What a browser sends when the submissions list's filter form (components/submissions/
 * submission-filters.tsx) is applied unchanged: every field in form order, empty ones as `name=`,
 * one `status` per checked box, then the hidden fields.
 */
function submitUnchanged(filter: SubmissionListFilter): URLSearchParams {
  const v = submissionFilterFormValues(filter);
  const sent = new URLSearchParams();
  for (const s of SUBMISSION_STATUSES) if (v.status.includes(s)) sent.append("status", s);
  for (const name of ["kind", "org", "period", "from", "to", "code", "q"] as const) sent.append(name, v[name]);
  for (const [name, value] of Object.entries(v.hidden)) if (value !== undefined) sent.append(name, value);
  return sent;
}

const ORG = "3f2b8c1e-1111-4a2b-9c3d-123456789abc";

// The links the overview (app/(app)/page.tsx) and the error groups (/feil) open the list with.
const LINKS: Partial<SubmissionListFilter>[] = [
  { status: [...NEEDS_ACTION_STATUSES] },
  { status: [...IN_FLIGHT_STATUSES] },
  ...SUBMISSION_STATUSES.map((s) => ({ from: "2026-11-01", to: "2026-11-29", status: [s] })),
  { from: "2026-11-29", to: "2026-11-29", status: [...NEEDS_ACTION_STATUSES] },
  { from: "2026-11-29", to: "2026-11-29" },
  { kind: "amelding", org: ORG, period: "2026-10" },
  { org: ORG },
  { status: ["failed"], code: "OAR_010", spec: "none", cause: "transport" },
  { status: ["rejected"], kind: "oar", code: "OAR_005", spec: "OAR_1009" },
  { bulk: ORG },
  { from: "2026-11-20T08:15", to: "2026-11-21T17:00", q: "Prøvestad" },
];

describe("the submissions filter form and the list agree", () => {
  it.each(LINKS.map((link) => [filterToSearchParams(link).toString(), link]))(
    "applying the form unchanged on %s asks for the same rows and URL",
    (query) => {
      const filter = parseSubmissionListFilter(new URLSearchParams(query));
      const sent = submitUnchanged(filter);
      const redirectedTo = canonicalListUrl("/innsendinger", sent) ?? `/innsendinger?${sent}`;
      const after = new URL(redirectedTo, "http://x").searchParams;
      expect(parseSubmissionListFilter(after)).toEqual(filter);
      expect([...after.entries()].sort()).toEqual([...new URLSearchParams(query).entries()].sort());
    },
  );

  it("shows every status of a several-status link as checked, not only the first", () => {
    const filter = parseSubmissionListFilter(new URLSearchParams("status=rejected&status=conflict&status=failed"));
    expect(submissionFilterFormValues(filter).status).toEqual(["rejected", "conflict", "failed"]);
  });

  it("keeps the valid statuses of a URL with an unknown one, once each, in the form's order", () => {
    expect(
      parseSubmissionListFilter(new URLSearchParams("status=failed&status=bogus&status=rejected&status=failed")),
    ).toMatchObject({ status: ["rejected", "failed"] });
  });
});
