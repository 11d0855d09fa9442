"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ROLES } from "@/lib/auth/permissions";
import { createUserAction } from "@/lib/users/actions";

type Org = { id: string; name: string; orgnr: string };

export function CreateUserForm({ organisations }: { organisations: Org[] }) {
  const t = useTranslations();
  const { formAction, pending, fieldErrors, formMessage, succeeded, state } = useActionForm(createUserAction);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    // Each successful answer clears the form, also a second one in a row.
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  const labels = {
    email: t("users.email"),
    name: t("users.name"),
    role: t("users.role"),
    password: t("users.password"),
    organisationIds: t("users.organisations"),
  };
  return (
    <form ref={formRef} action={formAction} noValidate className="rounded border border-line bg-white p-6">
      <h2 className="mb-4 text-lg font-semibold">{t("users.create")}</h2>
      <ErrorSummary fieldErrors={fieldErrors} labels={labels} idPrefix="new-user" />
      {formMessage && !Object.keys(fieldErrors).length && <Alert tone="danger">{formMessage}</Alert>}
      {succeeded && <Alert tone="success">{t("users.created_ok")}</Alert>}
      <TextField idPrefix="new-user" name="email" type="email" label={labels.email} errors={fieldErrors.email} required />
      <TextField idPrefix="new-user" name="name" label={labels.name} errors={fieldErrors.name} required />
      <div className="mb-4">
        <label htmlFor="new-user-role" className="block font-medium">
          {labels.role}
        </label>
        {fieldErrors.role && <p className="text-sm font-medium text-danger">{fieldErrors.role[0]}</p>}
        <select id="new-user-role" name="role" defaultValue="manager" className="mt-1 rounded border border-muted px-3 py-2">
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
