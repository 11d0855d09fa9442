"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorMessage } from "@/components/forms/error-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { tableCellClass } from "@/components/ui/table";
import { Tag } from "@/components/ui/tag";
import { ROLES } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/schema";
import { setUserActiveAction, updateUserAction } from "@/lib/users/actions";
import { setUserActiveSchema, updateUserSchema } from "@/lib/users/validation";

type Org = { id: string; name: string };
type UserRowData = {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  organisationIds: string[];
};

export function UserRow({ user, organisations, isSelf }: { user: UserRowData; organisations: Org[]; isSelf: boolean }) {
  const t = useTranslations();
  const [editing, setEditing] = useState(false);
  const toggle = useActionForm({ action: setUserActiveAction, schema: setUserActiveSchema });
  const edit = useActionForm({ action: updateUserAction, schema: updateUserSchema });
  const orgNames = organisations.filter((o) => user.organisationIds.includes(o.id)).map((o) => o.name);

  return (
    <tr className="border-b border-line align-top" data-testid={`user-row-${user.email}`}>
      <td className={tableCellClass}>
        <div className="font-medium">
          {user.name} {isSelf && <span className="text-sm text-muted">({t("users.you")})</span>}
        </div>
        <div className="text-sm text-muted">{user.email}</div>
      </td>
      <td className={tableCellClass}>{t(`roles.${user.role}`)}</td>
      <td className={tableCellClass}>{orgNames.join(", ") || "–"}</td>
      <td className={tableCellClass}>
        <Tag tone={user.active ? "success" : "neutral"}>{user.active ? t("users.active") : t("users.inactive")}</Tag>
      </td>
      <td className={tableCellClass}>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" type="button" onClick={() => setEditing((v) => !v)} aria-expanded={editing}>
            {t("users.edit")}
          </Button>
          {!isSelf && (
            <Button
              variant={user.active ? "danger" : "secondary"}
              type="button"
              disabled={toggle.pending}
              onClick={() => toggle.submit({ userId: user.id, active: !user.active })}
            >
              {user.active ? t("users.deactivate") : t("users.activate")}
            </Button>
          )}
        </div>
        <ErrorMessage error={toggle.error} />
        {editing && (
          <form onSubmit={edit.handleSubmit} noValidate className="mt-3 rounded border border-line p-3">
            <input type="hidden" name="userId" value={user.id} />
            <ErrorMessage error={edit.error} />
            {edit.hasFieldErrors && !edit.error && (
              <Alert tone="danger">
                {[t("errors.validation"), ...Object.values(edit.fieldErrors).flat()].join(" ")}
              </Alert>
            )}
            {edit.succeeded && <Alert tone="success">{t("users.saved")}</Alert>}
            <label className="block font-medium" htmlFor={`role-${user.id}`}>
              {t("users.role")}
            </label>
            <select
              id={`role-${user.id}`}
              name="role"
              defaultValue={user.role}
              disabled={isSelf}
              className="mb-2 rounded border border-muted px-2 py-1"
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
            {isSelf && <input type="hidden" name="role" value={user.role} />}
            <fieldset className="mb-2">
              <legend className="font-medium">{t("users.organisations")}</legend>
              {organisations.map((o) => (
                <label key={o.id} className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    name="organisationIds[]"
                    value={o.id}
                    defaultChecked={user.organisationIds.includes(o.id)}
                  />
                  {o.name}
                </label>
              ))}
            </fieldset>
            <Button type="submit" disabled={edit.pending}>
              {t("users.save")}
            </Button>
          </form>
        )}
      </td>
    </tr>
  );
}
