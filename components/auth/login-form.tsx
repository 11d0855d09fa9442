"use client";

import { useTranslations } from "next-intl";
import { ErrorMessage } from "@/components/forms/error-message";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { loginAction } from "@/lib/auth/login-action";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("login");
  const { handleSubmit, pending, error } = useActionForm({ action: loginAction });
  return (
    <form onSubmit={handleSubmit} noValidate>
      {error && (
        <div className="mb-4">
          <ErrorMessage error={error} />
        </div>
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField idPrefix="login" name="email" type="email" label={t("email")} autoComplete="username" required />
      <TextField
        idPrefix="login"
        name="password"
        type="password"
        label={t("password")}
        autoComplete="current-password"
        required
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
