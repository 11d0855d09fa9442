"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

/**
 * The error summary at the top of a form (Skatteetaten/Designsystemet pattern): focused when it
 * appears so screen readers announce it, each entry a link to the field it concerns.
 */
export function ErrorSummary({
  fieldErrors,
  labels,
  idPrefix,
}: {
  fieldErrors: Record<string, string[]>;
  labels: Record<string, string>;
  idPrefix: string;
}) {
  const t = useTranslations("form");
  const ref = useRef<HTMLElement>(null);
  const entries = Object.entries(fieldErrors);
  // Each new set of errors takes the focus, so a screen reader reads the summary.
  useEffect(() => {
    if (Object.keys(fieldErrors).length > 0) ref.current?.focus();
  }, [fieldErrors]);
  if (entries.length === 0) return null;
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby={`${idPrefix}-error-summary-title`}
      className="mb-4 border-2 border-danger bg-danger-light p-4"
    >
      <h2 id={`${idPrefix}-error-summary-title`} className="font-semibold text-danger">
        {t("errorSummary")}
      </h2>
      <ul className="mt-2 list-disc pl-5">
        {entries.map(([field, messages]) => (
          <li key={field}>
            <a href={`#${idPrefix}-${field}`} className="text-danger underline">
              {labels[field] ? `${labels[field]}: ` : ""}
              {messages[0]}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
