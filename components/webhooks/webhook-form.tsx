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
import type { ActionResult } from "@/lib/actions/action-result";
import { createWebhookAction, updateWebhookAction } from "@/lib/webhooks/actions";
import { createWebhookSchema, updateWebhookSchema, WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/validation";

type Org = { id: string; name: string; orgnr: string };
type Existing = { id: string; name: string; url: string; events: string[]; organisationIds: string[] };

/** Creates a subscription (showing its secret once) or, given `existing`, changes one. */
export function WebhookForm({ organisations, existing }: { organisations: Org[]; existing?: Existing }) {
  const t = useTranslations("webhooks");
  const [secret, setSecret] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const idPrefix = existing ? `edit-${existing.id.slice(0, 8)}` : "new-webhook";
  const form = useActionForm({
    action: (input: FormData): Promise<ActionResult<{ subscriptionId: string; secret?: string }>> =>
      existing ? updateWebhookAction(input) : createWebhookAction(input),
    schema: existing ? updateWebhookSchema : createWebhookSchema,
    translateField: (key) => (t.has(`validation.${key}`) ? t(`validation.${key}`) : key),
    onSuccess: (data, element) => {
      if (data.secret) {
        setSecret(data.secret);
        element?.reset();
      } else setSaved(true);
    },
  });
  const labels = { name: t("name"), url: t("url"), events: t("events"), organisationIds: t("organisations") };
  return (
    <form onSubmit={form.handleSubmit} noValidate className="rounded border border-line bg-white p-6">
      {!existing && <h2 className="mb-4 text-lg font-semibold">{t("create")}</h2>}
      <ErrorSummary fieldErrors={form.fieldErrors} labels={labels} idPrefix={idPrefix} />
      {!form.hasFieldErrors && <ErrorMessage error={form.error} />}
      {secret && (
        <Alert tone="success">
          <p className="font-semibold">{t("createdTitle")}</p>
          <p className="mb-2">{t("secretText")}</p>
          <span data-testid="created-webhook-secret">
            <CopyValue value={secret} label={t("secret")} />
          </span>
        </Alert>
      )}
      {saved && <Alert tone="success">{t("saved")}</Alert>}
      {existing && <input type="hidden" name="subscriptionId" value={existing.id} />}
      <TextField
        idPrefix={idPrefix}
        name="name"
        label={labels.name}
        defaultValue={existing?.name}
        errors={form.fieldErrors.name}
        required
      />
      <TextField
        idPrefix={idPrefix}
        name="url"
        type="url"
        label={labels.url}
        hint={t("urlHint")}
        defaultValue={existing?.url}
        errors={form.fieldErrors.url}
        required
      />
      <fieldset className="mb-4" id={`${idPrefix}-events`}>
        <legend className="font-medium">{labels.events}</legend>
        {WEBHOOK_EVENT_TYPES.map((e) => (
          <label key={e} className="flex items-center gap-2">
            <input
              type="checkbox"
              name="events[]"
              value={e}
              defaultChecked={existing ? existing.events.includes(e) : true}
            />
            {t(`event.${e.replace(".", "_")}`)} <code className="text-sm text-muted">{e}</code>
          </label>
        ))}
      </fieldset>
      <fieldset className="mb-4" id={`${idPrefix}-organisationIds`}>
        <legend className="font-medium">{labels.organisationIds}</legend>
        {organisations.map((o) => (
          <label key={o.id} className="flex items-center gap-2">
            <input
              type="checkbox"
              name="organisationIds[]"
              value={o.id}
              defaultChecked={existing?.organisationIds.includes(o.id) ?? false}
            />
            {o.name} ({o.orgnr})
          </label>
        ))}
      </fieldset>
      <Button type="submit" disabled={form.pending}>
        {existing ? t("save") : t("createSubmit")}
      </Button>
    </form>
  );
}
