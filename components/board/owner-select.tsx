"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorMessage } from "@/components/forms/error-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { setOrganisationOwnerAction } from "@/lib/board/actions";

/** An admin's choice of who is responsible for one organisation (lib/board/owners.ts checks it again). */
export function OwnerSelect({
  organisationId,
  organisationName,
  ownerUserId,
  candidates,
}: {
  organisationId: string;
  organisationName: string;
  ownerUserId: string | null;
  candidates: { id: string; name: string }[];
}) {
  const t = useTranslations("board");
  const [value, setValue] = useState(ownerUserId ?? "");
  const [saved, setSaved] = useState(false);
  const save = useActionForm({ action: setOrganisationOwnerAction, onSuccess: () => setSaved(true) });
  const selectId = `owner-${organisationId}`;
  return (
    <form
      className="flex items-center gap-1"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        save.submit({ organisationId, ownerUserId: value });
      }}
    >
      <label htmlFor={selectId} className="sr-only">
        {t("ownerForm.label", { organisation: organisationName })}
      </label>
      <select
        id={selectId}
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setSaved(false);
        }}
        className="max-w-40 rounded border border-muted px-1 py-0.5 text-xs"
      >
        <option value="">{t("noOwner")}</option>
        {candidates.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <Button type="submit" size="xs" variant="secondary" disabled={save.pending}>
        {t("ownerForm.save")}
      </Button>
      <span role="status" className="text-xs text-success">
        {saved ? t("ownerForm.saved") : ""}
      </span>
      <ErrorMessage error={save.error} />
    </form>
  );
}
