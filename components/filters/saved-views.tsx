"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { ErrorMessage } from "@/components/forms/error-message";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { deleteViewAction, saveViewAction } from "@/lib/saved-views/actions";
import {
  SAVED_VIEW_LISTS,
  SAVED_VIEW_NAME_MAX,
  type SavedViewList,
  saveViewSchema,
} from "@/lib/saved-views/saved-view-schema";

/**
 * The user's own saved filters for a list: each opens the list with its filter (a plain link),
 * can be deleted, and the current filter can be saved under a name.
 */
export function SavedViews({
  list,
  views,
  currentQuery,
}: {
  list: SavedViewList;
  views: { id: string; name: string; query: string }[];
  /** The list's current filter as its URL query, without the page cursor. */
  currentQuery: string;
}) {
  const t = useTranslations("savedViews");
  const router = useRouter();
  const headingId = useId();
  const save = useActionForm({
    action: saveViewAction,
    schema: saveViewSchema,
    onSuccess: (_, form) => {
      form?.reset();
      router.refresh();
    },
  });
  const remove = useActionForm({ action: deleteViewAction, onSuccess: () => router.refresh() });
  const path = SAVED_VIEW_LISTS[list];
  return (
    <section
      aria-labelledby={headingId}
      className="mb-4 rounded border border-line bg-white p-4"
      data-testid="saved-views"
    >
      <h2 id={headingId} className="text-base font-semibold">
        {t("heading")}
      </h2>
      {views.length === 0 ? (
        <p className="mt-1 text-sm text-muted">{t("none")}</p>
      ) : (
        <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
          {views.map((view) => (
            <li key={view.id} className="flex items-center gap-2">
              <a
                href={view.query ? `${path}?${view.query}` : path}
                aria-current={view.query === currentQuery ? "page" : undefined}
              >
                {view.name}
              </a>
              <Button
                type="button"
                variant="link"
                className="text-sm"
                disabled={remove.pending}
                onClick={() => remove.submit({ viewId: view.id })}
                aria-label={t("delete", { name: view.name })}
              >
                {t("deleteShort")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage error={remove.error} />
      <form onSubmit={save.handleSubmit} noValidate className="mt-3 flex flex-wrap items-end gap-3">
        <input type="hidden" name="list" value={list} />
        <input type="hidden" name="query" value={currentQuery} />
        <div className="min-w-0 grow sm:max-w-xs [&>*]:mb-0">
          <TextField
            idPrefix={`saved-view-${list}`}
            name="name"
            label={t("name")}
            maxLength={SAVED_VIEW_NAME_MAX}
            errors={save.fieldErrors.name}
          />
        </div>
        <Button type="submit" variant="secondary" disabled={save.pending}>
          {t("save")}
        </Button>
      </form>
      {!save.hasFieldErrors && <ErrorMessage error={save.error} />}
    </section>
  );
}
