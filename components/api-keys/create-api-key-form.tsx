"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorMessage } from "@/components/forms/error-message";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyValue } from "@/components/ui/copy-button";
import { createApiKeyAction } from "@/lib/api-keys/actions";
import { API_KEY_SCOPES, createApiKeySchema } from "@/lib/api-keys/validation";

type Org = { id: string; name: string; orgnr: string };

export function CreateApiKeyForm({ organisations }: { organisations: Org[] }) {
  const t = useTranslations("apiKeys");
  const [created, setCreated] = useState<string | null>(null);
  const { handleSubmit, pending, fieldErrors, hasFieldErrors, error } = useActionForm({
    action: createApiKeyAction,
    schema: createApiKeySchema,
    translateField: (key) => (t.has(`validation.${key}`) ? t(`validation.${key}`) : key),
    onSuccess: (data, form) => {
      setCreated(data.key);
      form?.reset();
    },
  });
  const labels = {
    name: t("name"),
    scopes: t("scopes"),
    organisationIds: t("organisations"),
    expiresInDays: t("expiresInDays"),
  };
  return (
    <form onSubmit={handleSubmit} noValidate className="rounded border border-line bg-white p-6">
      <h2 className="mb-4 text-lg font-semibold">{t("create")}</h2>
      <ErrorSummary fieldErrors={fieldErrors} labels={labels} idPrefix="new-key" />
      {!hasFieldErrors && <ErrorMessage error={error} />}
      {created && (
        <Alert tone="success">
          <p className="font-semibold">{t("createdTitle")}</p>
          <p className="mb-2">{t("createdText")}</p>
          <span data-testid="created-api-key">
            <CopyValue value={created} label={t("hint")} />
          </span>
        </Alert>
      )}
      <TextField idPrefix="new-key" name="name" label={labels.name} errors={fieldErrors.name} required />
      <fieldset className="mb-4" id="new-key-scopes">
        <legend className="font-medium">{labels.scopes}</legend>
        {API_KEY_SCOPES.map((s) => (
          <label key={s} className="flex items-center gap-2">
            <input type="checkbox" name="scopes[]" value={s} defaultChecked />
            {t(`scope.${s}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="mb-4" id="new-key-organisationIds">
        <legend className="font-medium">{labels.organisationIds}</legend>
        {organisations.map((o) => (
          <label key={o.id} className="flex items-center gap-2">
            <input type="checkbox" name="organisationIds[]" value={o.id} />
            {o.name} ({o.orgnr})
          </label>
        ))}
      </fieldset>
      <TextField
        idPrefix="new-key"
        name="expiresInDays"
        type="number"
        defaultValue="90"
        label={labels.expiresInDays}
        hint={t("expiresInDaysHint")}
        errors={fieldErrors.expiresInDays}
        required
      />
      <Button type="submit" disabled={pending}>
        {t("createSubmit")}
      </Button>
    </form>
  );
}
