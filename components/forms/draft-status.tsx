"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatter } from "@/lib/i18n/format";
import { ErrorMessage } from "./error-message";
import type { DraftState } from "./use-action-form";

/**
 * Where the autosaved draft stands, read out politely by screen readers: "Lagrer …", "Lagret
 * 21:04", "Ikke lagret", or (another tab saved since) why nothing more is saved here.
 */
export function DraftStatus({
  draft,
}: {
  draft: {
    state: DraftState;
    savedAt: Date | null;
    dirty: boolean;
    error: Parameters<typeof ErrorMessage>[0]["error"];
  };
}) {
  const t = useTranslations("drafts");
  const format = formatter(useLocale());
  const text =
    draft.state === "saving"
      ? t("saving")
      : draft.state === "failed" || draft.state === "conflict"
        ? t("notSaved")
        : draft.savedAt && !draft.dirty
          ? t("savedAt", { time: format.time(draft.savedAt) })
          : draft.dirty
            ? t("unsaved")
            : "";
  return (
    <div className="mb-4">
      <p role="status" aria-live="polite" className="text-sm text-muted" data-testid="draft-status">
        {text}
      </p>
      {draft.state === "conflict" || draft.state === "failed" ? <ErrorMessage error={draft.error} /> : null}
    </div>
  );
}
