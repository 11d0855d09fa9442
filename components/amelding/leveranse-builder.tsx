"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { DraftStatus } from "@/components/forms/draft-status";
import { ErrorMessage } from "@/components/forms/error-message";
import { ErrorSummary } from "@/components/forms/error-summary";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFocusField } from "@/components/forms/use-focus-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ScrollableCode } from "@/components/ui/scrollable-code";
import { saveAmeldingAction } from "@/lib/amelding/actions";
import { deadlineWarning, osloDate } from "@/lib/amelding/deadlines";
import {
  appendAt,
  type FormValues,
  getAt,
  listAt,
  newPensjonsinnretning,
  newVirksomhet,
  removeAt,
  setAt,
  textAt,
} from "@/lib/amelding/form-values";
import { leveranseDraftSchema } from "@/lib/amelding/leveranse-draft-schema";
import { leveranseSchema, leveranseUnsentSchema } from "@/lib/amelding/leveranse-schema";
import { ameldingMessageKey } from "@/lib/amelding/validation-messages";
import { locateField } from "@/lib/field-location/locate-field";
import { formatter } from "@/lib/i18n/format";
import { type BuilderKit, FIELD_ID_PREFIX, fieldId } from "./builder-kit";
import { ItemGroup } from "./item-group";
import { Lines } from "./lines";
import { ModelSelect, ModelText } from "./model-fields";
import { RULE_MESSAGE_PREFIX, RuleChecks } from "./rule-checks";
import { SumsPanel } from "./sums-panel";
import { VirksomhetFields } from "./virksomhet-fields";

export type LeveranseBuilderProps = {
  organisations: { id: string; name: string; orgnr: string }[];
  initial: FormValues;
  /** Editing a draft or correcting a rejected one: saving adds a version to it. */
  submissionId?: string;
  /** Building a replacement of this accepted A-melding. */
  replacesSubmissionId?: string;
  /** The loaded draft's version token (lib/submissions/operations/operations.ts draftToken). */
  draftToken?: string;
  /** A dotted model path (`?felt=`) to bring into view and mark, e.g. from a feedback deviation. */
  focusPath?: string;
};

export function LeveranseBuilder(props: LeveranseBuilderProps) {
  const t = useTranslations();
  const tb = useTranslations("ameldingBuilder");
  const locale = useLocale();
  const router = useRouter();
  const [values, setValues] = useState<FormValues>(props.initial);
  // What autosave reads when its timer fires, which may be before the next render.
  const valuesRef = useRef(values);
  valuesRef.current = values;
  // Set by the first save of a new message, so later saves and a reload continue the same draft.
  const [saved, setSaved] = useState({ submissionId: props.submissionId, draftToken: props.draftToken });
  const savedRef = useRef(saved);
  const [preview, setPreview] = useState<string | null>(null);
  // Sending a month whose deadline has passed or is near asks first (deadlines.ts deadlineWarning).
  const [deadlineConfirm, setDeadlineConfirm] = useState<ReturnType<typeof deadlineWarning>>(null);
  // The Avvisning-level rules the server refused the last send for (lib/amelding/rules/rule-gate.ts).
  const [blockedRuleIds, setBlockedRuleIds] = useState<string[]>([]);
  const format = formatter(locale);
  const deadlineHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (deadlineConfirm) deadlineHeading.current?.focus();
  }, [deadlineConfirm]);
  const focused = useFocusField(props.focusPath, "amelding", FIELD_ID_PREFIX);
  const form = useActionForm({
    action: saveAmeldingAction,
    schema: leveranseUnsentSchema,
    // zod's own texts (a list where an object belongs) read as "structure invalid".
    translateField: (key) => {
      if (key.startsWith("ameldingRules.") && t.has(key)) return t(key);
      if (t.has(`ameldingValidation.${key}`)) return t(`ameldingValidation.${key}`);
      return t.has(`validation.${key}`) ? t(`validation.${key}`) : t(`ameldingValidation.${ameldingMessageKey(key)}`);
    },
    // The builder picks the organisation by its orgnr.
    mapFieldErrors: ({ organisationId, ...rest }) =>
      organisationId ? { ...rest, "opplysningspliktig.norskIdentifikator": organisationId } : rest,
    // "Lagre utkast" and sending go to the submission; autosave keeps the user here (draft.onSaved).
    onSuccess: (data) => router.push(`/innsendinger/${data.submissionId}`),
    onError: (error) => {
      if (error.messageKey !== "ameldingRules.blocked") return setBlockedRuleIds([]);
      const keys = Object.values(error.fieldErrors ?? {}).flat();
      const ids = keys.filter((k) => k.startsWith(RULE_MESSAGE_PREFIX)).map((k) => k.slice(RULE_MESSAGE_PREFIX.length));
      setBlockedRuleIds([...new Set(ids)]);
    },
    draft: {
      schema: leveranseDraftSchema,
      read: () => {
        const input = inputFor("draft", valuesRef.current);
        return input.organisationId ? { input, values: valuesRef.current } : null;
      },
      latest: (input) => ({ ...input, ...savedRef.current }),
      onSaved: (data) => {
        savedRef.current = { submissionId: data.submissionId, draftToken: data.draftToken };
        setSaved(savedRef.current);
      },
      addressOf: (data) => `/a-melding/ny?utkast=${data.submissionId}`,
    },
  });
  const { pending, fieldErrors: errors } = form;

  /** Every change goes through here, so autosave hears of it. */
  function change(update: (v: FormValues) => FormValues) {
    setValues(update);
    form.draft.changed();
  }
  const kit: BuilderKit = {
    values,
    locale,
    text: (path) => textAt(values, path),
    set: (path, value) => change((v) => setAt(v, path, value)),
    update: (path, update) => change((v) => setAt(v, path, update((getAt(v, path) ?? {}) as Record<string, unknown>))),
    append: (listPath, item) => change((v) => appendAt(v, listPath, item)),
    remove: (listPath, index, keepEmpty) => change((v) => removeAt(v, listPath, index, keepEmpty)),
    errors: (path) => errors[path],
  };

  function organisationIdOf(v: FormValues) {
    return props.organisations.find((o) => o.orgnr === textAt(v, "opplysningspliktig.norskIdentifikator"))?.id;
  }
  const locked = Boolean(saved.submissionId || props.replacesSubmissionId);
  /** A field's name as the feedback and error pages give it, with the person it belongs to. */
  const fieldName = (path: string) =>
    locateField("amelding", path, { t, payload: values, identity: "birthdate" }).crumbs.join(" › ");
  const summaryLabels = Object.fromEntries(Object.keys(errors).map((path) => [path, fieldName(path)]));

  function inputFor(intent: "draft" | "submit", v: FormValues) {
    return {
      organisationId: organisationIdOf(v) ?? "",
      intent,
      submissionId: savedRef.current.submissionId,
      replacesSubmissionId: props.replacesSubmissionId,
      draftToken: savedRef.current.draftToken,
      leveranse: v,
    };
  }

  function save(
    intent: "draft" | "submit",
    deadlineConfirmed = false,
    ruleOverride?: { ruleIds: string[]; reason: string },
  ) {
    setPreview(null);
    setDeadlineConfirm(null);
    if (intent === "submit" && !deadlineConfirmed) {
      const warning = deadlineWarning(textAt(values, "kalendermaaned"), osloDate(new Date()));
      // Every field error first; the question comes only for a message that can be sent.
      if (warning && form.validate(values)) return setDeadlineConfirm(warning);
    }
    form.submit({ ...inputFor(intent, values), ...(ruleOverride ? { ruleOverride } : {}) }, values);
  }

  async function togglePreview() {
    if (preview !== null) return setPreview(null);
    if (!form.validate(values)) return setPreview("");
    // leveringstidspunkt is set by the server when the message is submitted; now stands in for it.
    const parsed = leveranseSchema.parse({ ...values, leveringstidspunkt: new Date().toISOString() });
    // The wire writer and its element table load when the preview is asked for, not with the page
    // (docs/benchmarks.md, "First-load JavaScript (`npm run bench:js`)").
    const { ameldingBody } = await import("@/lib/reporting/amelding/amelding-adapter");
    setPreview(JSON.stringify(ameldingBody(parsed), null, 2));
  }

  const virksomheter = listAt(values, "oppgave.virksomhet");

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save("submit");
      }}
      onBlur={form.draft.saveNow}
      className="max-w-4xl"
    >
      <ErrorSummary fieldErrors={errors} labels={summaryLabels} idPrefix={FIELD_ID_PREFIX} />
      <DraftStatus draft={form.draft} />
      {form.error && (
        <div className="mb-4">
          <ErrorMessage error={form.error} />
        </div>
      )}
      {focused && (
        <div className="mb-4" data-testid="focused-field-notice">
          <Alert tone="warning">
            {tb("focusedField")}{" "}
            <a href={`#${fieldId(focused)}`} className="underline">
              {fieldName(focused)}
            </a>
          </Alert>
        </div>
      )}
      {props.replacesSubmissionId && (
        <div className="mb-4">
          <Alert>{tb("replacing", { meldingsId: textAt(values, "erstatterMeldingsId") })}</Alert>
        </div>
      )}

      <section className="mb-6 rounded border border-line bg-white p-6" aria-labelledby="melding-heading">
        <h2 id="melding-heading" className="mb-4 text-lg font-semibold">
          {tb("melding")}
        </h2>
        <div className="grid gap-x-4 md:grid-cols-2">
          {locked ? (
            <ModelText
              kit={kit}
              path="opplysningspliktig.norskIdentifikator"
              label={tb("fields.opplysningspliktig")}
              readOnly
            />
          ) : (
            <ModelSelect
              kit={kit}
              path="opplysningspliktig.norskIdentifikator"
              label={tb("fields.opplysningspliktig")}
              hint={tb("fields.opplysningspliktigHint")}
              options={props.organisations.map((o) => ({ value: o.orgnr, label: `${o.name} (${o.orgnr})` }))}
            />
          )}
          <ModelText
            kit={kit}
            path="kalendermaaned"
            label={tb("fields.kalendermaaned")}
            hint={tb("fields.kalendermaanedHint")}
            readOnly={Boolean(props.replacesSubmissionId)}
          />
          <ModelText
            kit={kit}
            path="meldingsId"
            label={tb("fields.meldingsId")}
            hint={tb("fields.meldingsIdHint")}
            readOnly
          />
          <ModelSelect
            kit={kit}
            path="spraakForTilbakemelding"
            label={tb("fields.spraakForTilbakemelding")}
            list="spraakForTilbakemelding"
          />
        </div>
        <p className="mb-4 text-sm text-muted">
          {tb("kildesystemNote", { kildesystem: textAt(values, "kildesystem") })}
        </p>
        <h3 className="mb-1 font-semibold">{tb("pensjonsinnretninger")}</h3>
        <p className="mb-2 text-sm text-muted">{tb("pensjonsinnretningerIntro")}</p>
        <Lines
          kit={kit}
          listPath="oppgave.pensjonsinnretning"
          legend={(n) => tb("pensjonsinnretning", { n })}
          addLabel={tb("addPensjonsinnretning")}
          removeLabel={(n) => tb("removePensjonsinnretning", { n })}
          newItem={newPensjonsinnretning}
          render={(itemPath) => (
            <ModelText
              kit={kit}
              path={`${itemPath}.identifikator`}
              label={tb("fields.identifikator")}
              hint={tb("fields.pensjonsinnretningHint")}
            />
          )}
        />
      </section>

      <section id={fieldId("oppgave.virksomhet")} tabIndex={-1} className="mb-6" aria-labelledby="virksomheter-heading">
        <h2 id="virksomheter-heading" className="mb-4 text-lg font-semibold">
          {tb("virksomheter")}
        </h2>
        {virksomheter.map((_, i) => (
          <ItemGroup
            // biome-ignore lint/suspicious/noArrayIndexKey: the builder's items are identified by their position (the path into the form values they render)
            key={i}
            path={`oppgave.virksomhet.${i}`}
            legend={tb("virksomhet", { n: i + 1 })}
            removeLabel={tb("removeVirksomhet", { n: i + 1 })}
            onRemove={() => kit.remove("oppgave.virksomhet", i, true)}
          >
            <VirksomhetFields kit={kit} path={`oppgave.virksomhet.${i}`} />
          </ItemGroup>
        ))}
        <Button type="button" variant="secondary" onClick={() => kit.append("oppgave.virksomhet", newVirksomhet())}>
          {tb("addVirksomhet")}
        </Button>
      </section>

      <section className="mb-6 rounded border border-line bg-white p-6" aria-labelledby="betaling-heading">
        <h2 id="betaling-heading" className="mb-2 text-lg font-semibold">
          {tb("betalingsinformasjon")}
        </h2>
        <SumsPanel kit={kit} />
      </section>

      <RuleChecks
        values={values}
        fieldName={fieldName}
        blockedRuleIds={blockedRuleIds}
        pending={pending}
        reasonErrors={errors["ruleOverride.reason"]}
        onOverride={(override) => save("submit", true, override)}
      />

      {deadlineConfirm && (
        <section
          className="mb-4 border-l-4 border-warning bg-warning-light px-4 py-3"
          aria-labelledby="deadline-confirm-heading"
          data-testid="deadline-confirm"
        >
          <h2 id="deadline-confirm-heading" className="font-semibold" tabIndex={-1} ref={deadlineHeading}>
            {tb(deadlineConfirm.kind === "passed" ? "deadlinePassedTitle" : "deadlineSoonTitle")}
          </h2>
          <p className="mb-3">
            {tb(deadlineConfirm.kind === "passed" ? "deadlinePassed" : "deadlineSoon", {
              month: format.month(textAt(values, "kalendermaaned")),
              deadline: format.date(deadlineConfirm.deadline),
            })}
          </p>
          <div className="flex flex-wrap gap-3">
            <Button type="button" disabled={pending} onClick={() => save("submit", true)}>
              {tb("deadlineSendAnyway")}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setDeadlineConfirm(null)}>
              {tb("deadlineCancel")}
            </Button>
          </div>
        </section>
      )}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? tb("saving") : tb("submit")}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => save("draft")}>
          {tb("saveDraft")}
        </Button>
        <Button type="button" variant="secondary" onClick={togglePreview} aria-expanded={preview !== null}>
          {preview !== null ? tb("hidePreview") : tb("preview")}
        </Button>
      </div>
      {preview !== null && (
        <section className="mt-6 rounded border border-line bg-white p-6" aria-labelledby="preview-heading">
          <h2 id="preview-heading" className="mb-2 text-lg font-semibold">
            {tb("previewTitle")}
          </h2>
          {preview === "" ? (
            <p>{tb("previewInvalid")}</p>
          ) : (
            <>
              <p className="mb-2 text-sm text-muted">{tb("previewNote")}</p>
              <ScrollableCode className="max-h-[32rem] text-sm" testId="json-preview">
                {preview}
              </ScrollableCode>
            </>
          )}
        </section>
      )}
    </form>
  );
}
