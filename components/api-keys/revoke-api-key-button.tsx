"use client";

import { useTranslations } from "next-intl";
import { ErrorMessage } from "@/components/forms/error-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { revokeApiKeyAction } from "@/lib/api-keys/actions";
import { revokeApiKeySchema } from "@/lib/api-keys/validation";

export function RevokeApiKeyButton({ apiKeyId, name }: { apiKeyId: string; name: string }) {
  const t = useTranslations("apiKeys");
  const revoke = useActionForm({ action: revokeApiKeyAction, schema: revokeApiKeySchema });
  return (
    <>
      <Button
        variant="danger"
        type="button"
        disabled={revoke.pending}
        onClick={() => {
          if (window.confirm(t("revokeConfirm", { name }))) revoke.submit({ apiKeyId });
        }}
      >
        {t("revoke")}
      </Button>
      <ErrorMessage error={revoke.error} />
    </>
  );
}
