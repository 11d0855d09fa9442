"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { ErrorMessage } from "@/components/forms/error-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { saveNotificationSettingsAction } from "@/lib/notifications/actions";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notifications/notification-kinds";
import { notificationSettingsSchema } from "@/lib/notifications/validation";

type Settings = {
  emailEnabled: boolean;
  emailMode: "immediate" | "daily";
  mutedKinds: NotificationKind[];
  organisationIds: string[] | null;
};

/** What the user is notified about, for which organisations, and how e-mail comes. */
export function NotificationSettingsForm({
  settings,
  organisations,
}: {
  settings: Settings;
  organisations: { id: string; name: string; orgnr: string }[];
}) {
  const t = useTranslations("notifications");
  const [saved, setSaved] = useState(false);
  const save = useActionForm({
    action: saveNotificationSettingsAction,
    schema: notificationSettingsSchema,
    onSuccess: () => setSaved(true),
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const form = new FormData(event.currentTarget);
    const some = form.get("scope") === "some";
    save.submit({
      emailEnabled: form.get("emailEnabled") === "on",
      emailMode: form.get("emailMode") === "daily" ? "daily" : "immediate",
      mutedKinds: NOTIFICATION_KINDS.filter((k) => form.get(`kind-${k}`) !== "on"),
      organisationIds: some ? organisations.filter((o) => form.get(`org-${o.id}`) === "on").map((o) => o.id) : null,
    });
  };
  return (
    <form onSubmit={onSubmit} className="space-y-4" data-testid="notification-settings">
      <fieldset>
        <legend className="font-medium">{t("settings.kinds")}</legend>
        {NOTIFICATION_KINDS.map((kind) => (
          <label key={kind} className="flex items-center gap-2">
            <input type="checkbox" name={`kind-${kind}`} defaultChecked={!settings.mutedKinds.includes(kind)} />
            {t(`kindNames.${kind}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend className="font-medium">{t("settings.organisations")}</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="scope" value="all" defaultChecked={settings.organisationIds === null} />
          {t("settings.allOrganisations")}
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="scope" value="some" defaultChecked={settings.organisationIds !== null} />
          {t("settings.someOrganisations")}
        </label>
        <div className="ml-6 max-h-48 overflow-y-auto">
          {organisations.map((o) => (
            <label key={o.id} className="flex items-center gap-2">
              <input type="checkbox" name={`org-${o.id}`} defaultChecked={settings.organisationIds?.includes(o.id)} />
              {o.name} ({o.orgnr})
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="font-medium">{t("settings.email")}</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="emailEnabled" defaultChecked={settings.emailEnabled} />
          {t("settings.emailEnabled")}
        </label>
        <p className="mt-2">{t("settings.emailMode")}</p>
        <label className="flex items-center gap-2">
          <input type="radio" name="emailMode" value="immediate" defaultChecked={settings.emailMode === "immediate"} />
          {t("settings.immediate")}
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="emailMode" value="daily" defaultChecked={settings.emailMode === "daily"} />
          {t("settings.daily")}
        </label>
      </fieldset>
      <Button type="submit" disabled={save.pending}>
        {t("settings.save")}
      </Button>
      <p role="status">{saved ? t("settings.saved") : ""}</p>
      <ErrorMessage error={save.error} />
    </form>
  );
}
