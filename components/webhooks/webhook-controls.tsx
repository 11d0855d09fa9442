"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorMessage } from "@/components/forms/error-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyValue } from "@/components/ui/copy-button";
import {
  deleteWebhookAction,
  resendWebhookDeliveryAction,
  rotateWebhookSecretAction,
  setWebhookEnabledAction,
} from "@/lib/webhooks/actions";

/** Turn on or off, rotate the secret (the new one shown once), delete. */
export function WebhookControls({ id, name, enabled }: { id: string; name: string; enabled: boolean }) {
  const t = useTranslations("webhooks");
  const [secret, setSecret] = useState<string | null>(null);
  const toggle = useActionForm({ action: setWebhookEnabledAction });
  const rotate = useActionForm({ action: rotateWebhookSecretAction, onSuccess: (data) => setSecret(data.secret) });
  const remove = useActionForm({ action: deleteWebhookAction });
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          disabled={toggle.pending}
          onClick={() => toggle.submit({ subscriptionId: id, enabled: enabled ? "false" : "true" })}
        >
          {enabled ? t("disable") : t("enable")}
        </Button>
        <Button
          type="button"
          variant="secondary"
          disabled={rotate.pending}
          onClick={() => {
            if (window.confirm(t("rotateConfirm", { name }))) rotate.submit({ subscriptionId: id });
          }}
        >
          {t("rotate")}
        </Button>
        <Button
          type="button"
          variant="danger"
          disabled={remove.pending}
          onClick={() => {
            if (window.confirm(t("deleteConfirm", { name }))) remove.submit({ subscriptionId: id });
          }}
        >
          {t("delete")}
        </Button>
      </div>
      <ErrorMessage error={toggle.error ?? rotate.error ?? remove.error} />
      {secret && (
        <Alert tone="success">
          <p className="mb-2">{t("rotatedText")}</p>
          <span data-testid="rotated-webhook-secret">
            <CopyValue value={secret} label={t("secret")} />
          </span>
        </Alert>
      )}
    </div>
  );
}

export function ResendDeliveryButton({ deliveryId }: { deliveryId: string }) {
  const t = useTranslations("webhooks");
  const resend = useActionForm({ action: resendWebhookDeliveryAction });
  return (
    <>
      <Button type="button" variant="secondary" disabled={resend.pending} onClick={() => resend.submit({ deliveryId })}>
        {t("resend")}
      </Button>
      <ErrorMessage error={resend.error} />
    </>
  );
}
