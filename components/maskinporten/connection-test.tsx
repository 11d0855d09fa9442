"use client";

import { useLocale, useTranslations } from "next-intl";
import { ErrorMessage } from "@/components/forms/error-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ScrollableCode } from "@/components/ui/scrollable-code";
import { formatter } from "@/lib/i18n/format";
import { testMaskinportenConnectionAction } from "@/lib/maskinporten/diagnostics-actions";

export function ConnectionTest({ organisationId, scope }: { organisationId: string; scope: string }) {
  const t = useTranslations();
  const format = formatter(useLocale());
  const form = useActionForm({ action: testMaskinportenConnectionAction });
  const result = form.data;
  return (
    <div>
      <Button
        type="button"
        variant="secondary"
        disabled={form.pending}
        onClick={() => form.submit({ organisationId, scope: scope as never })}
      >
        {form.pending ? t("maskinporten.testing") : t("maskinporten.test")}
      </Button>
      {form.error && (
        <div className="mt-2" data-testid="connection-result">
          <ErrorMessage error={form.error} title={t("maskinporten.failed")} />
        </div>
      )}
      {result && (
        <div className="mt-2" data-testid="connection-result">
          {result.ok ? (
            <Alert tone="success">
              <p className="font-medium">
                {t("maskinporten.ok")} {result.fromCache && `(${t("maskinporten.fromCache")})`} ·{" "}
                {t("maskinporten.expires", {
                  time: format.time(new Date(result.expiresAt), { seconds: true }),
                })}
              </p>
              <details className="mt-1">
                <summary className="cursor-pointer text-sm">{t("maskinporten.claims")}</summary>
                <ScrollableCode className="mt-1 max-h-80 text-xs">
                  {JSON.stringify(result.claims, null, 2)}
                </ScrollableCode>
              </details>
            </Alert>
          ) : (
            <Alert tone="danger">
              <p className="font-medium">{t("maskinporten.failed")}</p>
              <p>
                {result.mpCode && <span className="font-mono">{result.mpCode} </span>}
                {t(`maskinportenErrors.${result.key}.explanation`, result.values)}
              </p>
              <p>
                {t("maskinporten.hint")}: {t(`maskinportenErrors.${result.key}.hint`, result.values)}
              </p>
            </Alert>
          )}
        </div>
      )}
    </div>
  );
}
