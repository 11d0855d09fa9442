"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ErrorMessage } from "@/components/forms/error-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { markNotificationsReadAction } from "@/lib/notifications/actions";
import { markNotificationsReadSchema } from "@/lib/notifications/validation";

/** Marks one notification (`id`) or all of the reader's (`"all"`) as read. */
export function MarkReadButton({ ids }: { ids: string[] | "all" }) {
  const t = useTranslations("notifications");
  const router = useRouter();
  const mark = useActionForm({
    action: markNotificationsReadAction,
    schema: markNotificationsReadSchema,
    onSuccess: () => router.refresh(),
  });
  return (
    <>
      <Button
        type="button"
        variant={ids === "all" ? "secondary" : "link"}
        size="sm"
        disabled={mark.pending}
        onClick={() => mark.submit({ ids })}
      >
        {ids === "all" ? t("markAllRead") : t("markRead")}
      </Button>
      <ErrorMessage error={mark.error} />
    </>
  );
}
