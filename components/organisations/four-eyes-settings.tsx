"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorMessage } from "@/components/forms/error-message";
import { Button } from "@/components/ui/button";
import type { ShownError } from "@/lib/actions/error-text";
import { setFourEyesAction } from "@/lib/submissions/four-eyes/actions";
import { formatOrgnr } from "@/lib/validation/orgnr";

type Row = { id: string; name: string; orgnr: string; fourEyes: boolean };

/** Admins turn each organisation's four-eyes rule on or off (docs/four-eyes.md); the server checks and audits it. */
export function FourEyesSettings({ rows }: { rows: Row[] }) {
  const t = useTranslations("fourEyes.settings");
  const router = useRouter();
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const toggle = async (row: Row) => {
    setPending(row.id);
    setError(null);
    const result = await setFourEyesAction({ organisationId: row.id, fourEyes: !row.fourEyes });
    setPending(null);
    if (!result.ok) setError(result.error);
    router.refresh();
  };
  return (
    <section className="rounded border border-line bg-white p-4" aria-labelledby="four-eyes-heading">
      <h2 id="four-eyes-heading" className="mb-2 text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="mb-3 text-sm">{t("intro")}</p>
      <ul className="divide-y divide-line" data-testid="four-eyes-settings">
        {rows.map((row) => (
          <li key={row.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
            <span>
              {row.name} ({formatOrgnr(row.orgnr)}): <strong>{row.fourEyes ? t("on") : t("off")}</strong>
            </span>
            <Button
              type="button"
              variant="secondary"
              disabled={pending === row.id}
              aria-label={t(row.fourEyes ? "turnOffFor" : "turnOnFor", { name: row.name })}
              onClick={() => toggle(row)}
            >
              {row.fourEyes ? t("turnOff") : t("turnOn")}
            </Button>
          </li>
        ))}
      </ul>
      <ErrorMessage error={error} />
    </section>
  );
}
