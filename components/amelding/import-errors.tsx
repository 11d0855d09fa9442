"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { FieldLocation } from "@/components/field-location/field-location";
import { Button } from "@/components/ui/button";
import { type DocumentError, formatImportPath, formatIssueParams } from "@/lib/amelding/import/import-issues";
import type { ImportRejected } from "@/lib/amelding/import/import-result";
import { locateField } from "@/lib/field-location/locate-field";
import { formatter } from "@/lib/i18n/format";
import { formatOrgnr } from "@/lib/validation/orgnr";
import { UnknownElements } from "./import-unknown-elements";

/**
 * A person group's errors name fields within the person ("inntekt.0.beloep"); the group's heading
 * names the person, so the field is located under any person, with the parties left out.
 */
const IN_A_PERSON = "oppgave.virksomhet.0.inntektsmottaker.0";

/** Rendering 10 000 persons at once would freeze the page; the rest come on request. */
const FIRST_GROUPS = 50;

function documentErrorMessage(
  t: ReturnType<typeof useTranslations>,
  error: DocumentError,
  formatNumber: (n: number) => string,
): string {
  switch (error.code) {
    case "json_malformed":
    case "xml_malformed":
      return error.line !== undefined
        ? t(`documentErrors.${error.code}At`, { line: error.line, column: error.column ?? 1, detail: error.detail })
        : t(`documentErrors.${error.code}`, { detail: error.detail });
    case "xml_wrong_root":
      return t("documentErrors.xml_wrong_root", { found: error.found });
    case "xml_wrong_namespace":
      return t("documentErrors.xml_wrong_namespace", { found: error.found ?? "–" });
    case "xml_repeated_element":
    case "xml_expected_elements":
    case "xml_expected_value":
      return t(`documentErrors.${error.code}`, { path: formatImportPath(error.path) });
    case "rules_blocked":
      return t("documentErrors.rules_blocked", { rules: error.rules.join(", ") });
    case "organisation_not_accessible":
      return t("documentErrors.organisation_not_accessible", { orgnr: formatOrgnr(error.orgnr) });
    case "too_large":
      return t("documentErrors.too_large", { max: formatNumber(error.maxMegabytes) });
    case "input_refused": {
      const where =
        error.path && error.path.length > 0
          ? t("documentErrors.where.path", { path: formatImportPath(error.path) })
          : error.line !== undefined
            ? t("documentErrors.where.position", { line: error.line, column: error.column ?? 1 })
            : "";
      const name = error.path?.at(-1);
      return t(`documentErrors.input_refused.${error.reason}`, {
        where,
        limit: formatNumber(error.limit ?? 0),
        name: typeof name === "string" ? name : "",
      });
    }
    default:
      return t(`documentErrors.${error.code}`);
  }
}

export function ImportErrors({ result }: { result: ImportRejected }) {
  const t = useTranslations("ameldingImport");
  const tv = useTranslations("ameldingValidation");
  const translate = useTranslations();
  const format = formatter(useLocale());
  const formatNumber = (n: number) => format.number(n);
  const heading = useRef<HTMLHeadingElement>(null);
  const [showAll, setShowAll] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the focus moves to the heading for each new result, which the effect does not otherwise read
  useEffect(() => heading.current?.focus(), [result]);
  const groups = showAll ? result.groups : result.groups.slice(0, FIRST_GROUPS);

  return (
    <section
      className="mt-6 rounded border-2 border-danger bg-white p-4"
      aria-labelledby="import-errors-title"
      data-testid="import-errors"
    >
      <h2 id="import-errors-title" ref={heading} tabIndex={-1} className="text-lg font-semibold text-danger">
        {t("errorsTitle")}
      </h2>
      <p className="mt-1" data-testid="import-error-counts">
        {result.personCount > 0
          ? t("errorCountPersons", { errors: result.errorCount, persons: result.personCount })
          : t("errorCount", { errors: result.errorCount })}
      </p>
      {result.listedCount !== undefined && (
        <p className="mt-1" data-testid="import-errors-truncated">
          {t("errorsTruncated", {
            shown: formatNumber(result.listedCount),
            total: formatNumber(result.errorCount),
          })}
        </p>
      )}
      {result.documentErrors.length > 0 && (
        <ul className="mt-3 list-disc pl-5">
          {result.documentErrors.map((error, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a list rendered once from one answer and never reordered; its items have no identity of their own
            <li key={i}>{documentErrorMessage(t, error, formatNumber)}</li>
          ))}
        </ul>
      )}
      {groups.map((group, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a list rendered once from one answer and never reordered; its items have no identity of their own
        <div key={i} className="mt-4 border-t border-line pt-3" data-testid="import-error-group">
          <h3 className="font-semibold">
            {group.person ?? t("wholeMessage")}
            {group.virksomhet && (
              <span className="ml-2 text-sm font-normal text-muted">
                {t("inVirksomhet", { orgnr: formatOrgnr(group.virksomhet) })}
              </span>
            )}
          </h3>
          <ul className="mt-1 list-disc pl-5">
            {group.errors.map((error, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a list rendered once from one answer and never reordered; its items have no identity of their own
              <li key={j}>
                <FieldLocation
                  location={{
                    ...locateField("amelding", group.person === null ? error.field : `${IN_A_PERSON}.${error.field}`, {
                      t: translate,
                      identity: "birthdate",
                      parties: group.person === null,
                    }),
                    raw: error.field,
                  }}
                />
                : {tv(error.key, formatIssueParams(error.params, formatNumber))}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {!showAll && result.groups.length > FIRST_GROUPS && (
        <Button type="button" variant="link" className="mt-4" onClick={() => setShowAll(true)}>
          {t("showAllGroups", { count: result.groups.length })}
        </Button>
      )}
      <UnknownElements warnings={result.warnings} />
    </section>
  );
}
