"use client";

import { useTranslations } from "next-intl";
import { ErrorMessage } from "@/components/forms/error-message";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { createOrganisationAction } from "@/lib/organisations/actions";
import { createOrganisationSchema } from "@/lib/organisations/validation";

export function CreateOrganisationForm() {
  const t = useTranslations("organisations");
  const { handleSubmit, pending, fieldErrors, hasFieldErrors, error, succeeded } = useActionForm({
    action: createOrganisationAction,
    schema: createOrganisationSchema,
    onSuccess: (_, form) => form?.reset(),
  });
  const labels = { orgnr: t("orgnr"), name: t("name") };
  return (
    <form onSubmit={handleSubmit} noValidate className="rounded border border-line bg-white p-6">
      <h2 className="mb-4 text-lg font-semibold">{t("create")}</h2>
      <ErrorSummary fieldErrors={fieldErrors} labels={labels} idPrefix="new-org" />
      {!hasFieldErrors && <ErrorMessage error={error} />}
      {succeeded && <Alert tone="success">{t("created_ok")}</Alert>}
      <TextField
        idPrefix="new-org"
        name="orgnr"
        label={labels.orgnr}
        hint={t("orgnrHint")}
        inputMode="numeric"
        errors={fieldErrors.orgnr}
        required
      />
      <TextField idPrefix="new-org" name="name" label={labels.name} errors={fieldErrors.name} required />
      <Button type="submit" disabled={pending}>
        {t("createSubmit")}
      </Button>
    </form>
  );
}
