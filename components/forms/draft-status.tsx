"use client";

import { useFormatter, useTranslations } from "next-intl";
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
  const format = useFormatter();
  const text =
    draft.state === "saving"
      ? t("saving")
      : draft.state === "failed" || draft.state === "conflict"
        ? t("notSaved")
        : draft.savedAt && !draft.dirty
          ? t("savedAt", { time: format.dateTime(draft.savedAt, { hour: "2-digit", minute: "2-digit" }) })
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
