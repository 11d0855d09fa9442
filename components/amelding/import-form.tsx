"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { ErrorMessage } from "@/components/forms/error-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/action-result";
import type { ImportChecked, ImportIntent, ImportRejected, ImportSaved } from "@/lib/amelding/import/import-result";
import { formatter } from "@/lib/i18n/format";
import { ImportErrors } from "./import-errors";
import { ImportSummary } from "./import-summary";

type ImportAnswer = ImportChecked | ImportRejected | ImportSaved;

/**
 * Upload or paste an A-melding; the server validates it (the page only sends the bytes), then
 * shows a summary to save or send, or every error by person. The file is sent again to save:
 * the server never trusts what it answered before. It posts to a route handler (an A-melding
 * may exceed a server action's body limit), through the same form hook as every other form.
 */
export function ImportForm() {
  const t = useTranslations("ameldingImport");
  const format = formatter(useLocale());
  const router = useRouter();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState("");
  const [intent, setIntent] = useState<ImportIntent>("check");
  /** The last answer to "check": what saving sends again, shown while it is saved. */
  const [checked, setChecked] = useState<ImportChecked | null>(null);

  /** Sends the bytes; an answer the page cannot read is a failure with the server's reference, never a success. */
  async function send(sent: ImportIntent): Promise<ActionResult<ImportAnswer>> {
    const response = await fetch(`/api/amelding/import?intent=${sent}`, {
      method: "POST",
      body: file ?? text,
      // A File carries its own type; pasted text is UTF-8, whatever its XML declaration says.
      headers: file ? undefined : { "Content-Type": "text/plain;charset=UTF-8" },
    }).catch(() => null);
    const json = (await response?.json().catch(() => null)) as
      | ImportAnswer
      | { reference?: unknown; messageKey?: unknown }
      | null;
    if (json && "ok" in json) return { ok: true, data: json };
    const reference = json && "reference" in json && typeof json.reference === "string" ? json.reference : undefined;
    // A refusal the server names (e.g. errors.forbidden for a replacement without submission:resend)
    // is shown as such; anything else is a failure with the server's reference.
    const named = json && "messageKey" in json && typeof json.messageKey === "string" ? json.messageKey : undefined;
    const messageKey = named?.startsWith("errors.") ? named : "ameldingImport.failed";
    return { ok: false, error: { code: "internal", messageKey, reference } };
  }

  const form = useActionForm({
    action: send,
    check: () => (!file && text.trim() === "" ? { source: ["missingSource"] } : undefined),
    translateField: (key) => t(key as "missingSource"),
    onSuccess: (answer) => {
      if (answer.ok && "submissionId" in answer) router.push(`/innsendinger/${answer.submissionId}`);
      else if (answer.ok) setChecked(answer);
    },
  });
  const answer = form.data;
  const busy = form.pending;
  const saving = form.pending && intent !== "check" ? intent : null;
  const missingSource = form.fieldErrors.source?.[0];

  function run(next: ImportIntent) {
    setIntent(next);
    form.submit(next);
  }

  function reset() {
    setChecked(null);
    if (answer || form.error) form.clear();
  }

  return (
    <div className="max-w-4xl">
      <form
        className="rounded border border-line bg-white p-4"
        aria-busy={busy}
        onSubmit={(e) => {
          e.preventDefault();
          run("check");
        }}
      >
        <div className="mb-4">
          <label htmlFor={`${id}-file`} className="block font-medium">
            {t("fileLabel")}
          </label>
          <p id={`${id}-file-hint`} className="text-sm text-muted">
            {t("fileHint")}
          </p>
          <input
            ref={fileInput}
            id={`${id}-file`}
            type="file"
            accept=".json,.xml,application/json,application/xml,text/xml"
            aria-describedby={`${id}-file-hint`}
            className="mt-1 block"
            disabled={busy}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              reset();
            }}
          />
          {file && (
            <p className="mt-1 text-sm" data-testid="chosen-file">
              {t("fileChosen", {
                name: file.name,
                size: format.number(file.size / 1024, { maximumFractionDigits: 0 }),
              })}{" "}
              <Button
                type="button"
                variant="link"
                disabled={busy}
                onClick={() => {
                  setFile(null);
                  if (fileInput.current) fileInput.current.value = "";
                  reset();
                }}
              >
                {t("removeFile")}
              </Button>
            </p>
          )}
        </div>
        <div className="mb-4">
          <label htmlFor={`${id}-text`} className="block font-medium">
            {t("pasteLabel")}
          </label>
          <p id={`${id}-text-hint`} className="text-sm text-muted">
            {file ? t("pasteIgnored") : t("pasteHint")}
          </p>
          <textarea
            id={`${id}-text`}
            rows={8}
            spellCheck={false}
            value={text}
            disabled={busy || file !== null}
            aria-describedby={`${id}-text-hint${missingSource ? ` ${id}-missing` : ""}`}
            aria-invalid={missingSource ? true : undefined}
            className={`mt-1 w-full rounded border bg-white px-3 py-2 font-mono text-sm ${missingSource ? "border-2 border-danger" : "border-muted"}`}
            onChange={(e) => {
              setText(e.target.value);
              reset();
            }}
          />
          {missingSource && (
            <p id={`${id}-missing`} className="text-sm font-medium text-danger">
              {missingSource}
            </p>
          )}
        </div>
        <Button type="submit" disabled={busy}>
          {busy && intent === "check" ? t("checking") : t("check")}
        </Button>
        <p role="status" className="mt-2 text-sm text-muted" data-testid="import-progress">
          {busy && intent === "check" && t("checkingStatus")}
          {saving && t(saving === "submit" ? "submittingStatus" : "savingStatus")}
        </p>
      </form>

      {form.error && (
        <div className="mt-6">
          <ErrorMessage error={form.error} />
        </div>
      )}
      {answer && !answer.ok && <ImportErrors result={answer} />}
      {checked && (saving || answer === checked) && <ImportSummary result={checked} saving={saving} onSave={run} />}
    </div>
  );
}
