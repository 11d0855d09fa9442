"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/forms/text-field";
import { loginAction } from "@/lib/auth/login-action";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("login");
  const [state, action, pending] = useActionState(loginAction, null);
  return (
    <form action={action} noValidate>
      {state?.error && (
        <div className="mb-4">
          <Alert tone="danger">{t(state.error)}</Alert>
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
