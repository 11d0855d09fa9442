"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ImportChecked, ImportIntent, ImportRejected, ImportSaved } from "@/lib/amelding/import/import-result";
import { ImportErrors } from "./import-errors";
import { ImportSummary } from "./import-summary";

type State =
  | { step: "idle" }
  | { step: "checking" }
  | { step: "checked"; result: ImportChecked }
  | { step: "rejected"; result: ImportRejected }
  | { step: "saving"; intent: "draft" | "submit"; result: ImportChecked }
  | { step: "failed"; reference?: string };

/**
 * Upload or paste an A-melding; the server validates it (the page only sends the bytes), then
 * shows a summary to save or send, or every error by person. The file is sent again to save:
 * the server never trusts what it answered before.
 */
export function ImportForm() {
  const t = useTranslations("ameldingImport");
  const format = useFormatter();
  const router = useRouter();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState("");
  const [state, setState] = useState<State>({ step: "idle" });
  const [missingSource, setMissingSource] = useState(false);

  const busy = state.step === "checking" || state.step === "saving";

  async function send(intent: ImportIntent): Promise<ImportChecked | ImportRejected | ImportSaved | null> {
    const body = file ?? text;
    const response = await fetch(`/api/amelding/import?intent=${intent}`, {
      method: "POST",
      body,
      // A File carries its own type; pasted text is UTF-8, whatever its XML declaration says.
      headers: file ? undefined : { "Content-Type": "text/plain;charset=UTF-8" },
    }).catch(() => null);
    if (!response) return null;
    const json = (await response.json().catch(() => null)) as (ImportChecked | ImportRejected | ImportSaved | { reference?: string }) | null;
    if (json && "ok" in json) return json;
    setState({ step: "failed", reference: json && "reference" in json ? json.reference : undefined });
    return null;
  }

  async function check() {
    if (!file && text.trim() === "") {
      setMissingSource(true);
      return;
    }
    setMissingSource(false);
    setState({ step: "checking" });
    const result = await send("check");
    if (!result) return setState((s) => (s.step === "failed" ? s : { step: "failed" }));
    if (!result.ok) return setState({ step: "rejected", result });
    if ("summary" in result) setState({ step: "checked", result });
  }

  async function save(intent: "draft" | "submit", checked: ImportChecked) {
    setState({ step: "saving", intent, result: checked });
    const result = await send(intent);
    if (!result) return setState((s) => (s.step === "failed" ? s : { step: "failed" }));
    if (!result.ok) return setState({ step: "rejected", result });
    if ("submissionId" in result) router.push(`/innsendinger/${result.submissionId}`);
  }

  function reset() {
    setState({ step: "idle" });
  }

  return (
    <div className="max-w-4xl">
      <form
        className="rounded border border-line bg-white p-4"
        aria-busy={busy}
        onSubmit={(e) => {
          e.preventDefault();
          void check();
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
              {t("fileChosen", { name: file.name, size: format.number(file.size / 1024, { maximumFractionDigits: 0 }) })}{" "}
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
            aria-invalid={missingSource || undefined}
            className={`mt-1 w-full rounded border bg-white px-3 py-2 font-mono text-sm ${missingSource ? "border-2 border-danger" : "border-muted"}`}
            onChange={(e) => {
              setText(e.target.value);
              if (state.step !== "idle") reset();
            }}
          />
          {missingSource && (
            <p id={`${id}-missing`} className="text-sm font-medium text-danger">
              {t("missingSource")}
            </p>
          )}
        </div>
        <Button type="submit" disabled={busy}>
          {state.step === "checking" ? t("checking") : t("check")}
        </Button>
        <p role="status" className="mt-2 text-sm text-muted" data-testid="import-progress">
          {state.step === "checking" && t("checkingStatus")}
          {state.step === "saving" && t(state.intent === "submit" ? "submittingStatus" : "savingStatus")}
        </p>
      </form>

      {state.step === "failed" && (
        <div className="mt-6">
          <Alert tone="danger">
            {t("failed")} {state.reference && t("reference", { reference: state.reference })}
          </Alert>
        </div>
      )}
      {state.step === "rejected" && <ImportErrors result={state.result} />}
      {(state.step === "checked" || state.step === "saving") && (
        <ImportSummary
          result={state.result}
          saving={state.step === "saving" ? state.intent : null}
          onSave={(intent) => void save(intent, state.result)}
        />
      )}
    </div>
  );
}
