"use client";

import { useTranslations } from "next-intl";
import { ErrorMessage } from "@/components/forms/error-message";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ROLES } from "@/lib/auth/permissions";
import { createUserAction } from "@/lib/users/actions";
import { createUserSchema } from "@/lib/users/validation";

type Org = { id: string; name: string; orgnr: string };

export function CreateUserForm({ organisations }: { organisations: Org[] }) {
  const t = useTranslations();
  const { handleSubmit, pending, fieldErrors, hasFieldErrors, error, succeeded } = useActionForm({
    action: createUserAction,
    schema: createUserSchema,
    onSuccess: (_, form) => form?.reset(),
  });
  const labels = {
    email: t("users.email"),
    name: t("users.name"),
    role: t("users.role"),
    password: t("users.password"),
    organisationIds: t("users.organisations"),
  };
  return (
    <form onSubmit={handleSubmit} noValidate className="rounded border border-line bg-white p-6">
      <h2 className="mb-4 text-lg font-semibold">{t("users.create")}</h2>
      <ErrorSummary fieldErrors={fieldErrors} labels={labels} idPrefix="new-user" />
      {!hasFieldErrors && <ErrorMessage error={error} />}
      {succeeded && <Alert tone="success">{t("users.created_ok")}</Alert>}
      <TextField
        idPrefix="new-user"
        name="email"
        type="email"
        label={labels.email}
        errors={fieldErrors.email}
        required
      />
      <TextField idPrefix="new-user" name="name" label={labels.name} errors={fieldErrors.name} required />
      <div className="mb-4">
        <label htmlFor="new-user-role" className="block font-medium">
          {labels.role}
        </label>
        {fieldErrors.role && <p className="text-sm font-medium text-danger">{fieldErrors.role[0]}</p>}
        <select
          id="new-user-role"
          name="role"
          defaultValue="manager"
          className="mt-1 rounded border border-muted px-3 py-2"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField
        idPrefix="new-user"
        name="password"
        type="password"
        autoComplete="new-password"
        label={labels.password}
        hint={t("users.passwordHint")}
        errors={fieldErrors.password}
      />
      <fieldset className="mb-4" id="new-user-organisationIds">
        <legend className="font-medium">{labels.organisationIds}</legend>
        {organisations.map((o) => (
          <label key={o.id} className="flex items-center gap-2">
            <input type="checkbox" name="organisationIds[]" value={o.id} />
            {o.name} ({o.orgnr})
          </label>
        ))}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {t("users.createSubmit")}
      </Button>
    </form>
  );
}
