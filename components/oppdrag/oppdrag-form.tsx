"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useRef, useState } from "react";
import { DraftStatus } from "@/components/forms/draft-status";
import { ErrorMessage } from "@/components/forms/error-message";
import { ErrorSummary } from "@/components/forms/error-summary";
import { RadioGroup } from "@/components/forms/radio-group";
import { SelectField } from "@/components/forms/select-field";
import { TextAreaField } from "@/components/forms/text-area-field";
import { TextField } from "@/components/forms/text-field";
import { useActionForm } from "@/components/forms/use-action-form";
import { useFocusField } from "@/components/forms/use-focus-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ScrollableCode } from "@/components/ui/scrollable-code";
import { parseFormData } from "@/lib/actions/form-data";
import { locateField } from "@/lib/field-location/locate-field";
import { saveOppdragAction } from "@/lib/oppdrag/actions";
import { oppdragDraftSchema } from "@/lib/oppdrag/oppdrag-draft-schema";
import { oppdragFormSchema, REPORTING_THRESHOLD_NOK, VEDLEGG_TYPES } from "@/lib/oppdrag/oppdrag-form-schema";
import { oppdragsgiverFrom, oppdragsgiverIsOrganisation } from "@/lib/oppdrag/oppdragsgiver";
import { oarBody } from "@/lib/reporting/oar/oar-adapter";
import { parseDecimal } from "@/lib/validation/decimal";
import { ArbeidstakerFields } from "./arbeidstaker-fields";
import { createFieldLookup } from "./field-lookup";
import { PartyFields, type PartyIdentity } from "./party-fields";

const ID = "oppdrag";

export type OppdragFormProps = {
  organisations: { id: string; name: string; orgnr: string }[];
  initial: Record<string, unknown>;
  organisationId?: string;
  submissionId?: string;
  oppdragsreferanse?: string;
  /** The loaded draft's version token (lib/submissions/operations/operations.ts draftToken). */
  draftToken?: string;
  existsAtSkatteetaten: boolean;
  /** Fields Skatteetaten's last rejection points at (path → its message). */
  rejectedFields?: Record<string, string>;
  /** A model path or sti (`?felt=`) to bring into view and focus, e.g. from a rejection's field link. */
  focusPath?: string;
};

export function OppdragForm(props: OppdragFormProps) {
  const tf = useTranslations("oppdragForm");
  const t = useTranslations();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [preview, setPreview] = useState<string | null>(null);
  // Set by the first save of a new form, so later saves and a reload continue the same draft.
  const [saved, setSaved] = useState({
    submissionId: props.submissionId,
    oppdragsreferanse: props.oppdragsreferanse,
    draftToken: props.draftToken,
  });
  const savedRef = useRef(saved);
  const [showHoved, setShowHoved] = useState(Boolean(props.initial.hovedoppdragsgiver));
  const initialOppdrag = (props.initial.oppdrag ?? {}) as {
    arbeidssted?: { type?: string };
    kontraktsverdiNok?: unknown;
  };
  const [arbeidssted, setArbeidssted] = useState(initialOppdrag.arbeidssted?.type ?? "land");
  const [amount, setAmount] = useState(String(initialOppdrag.kontraktsverdiNok ?? ""));
  const [vedlegg, setVedlegg] = useState<number[]>(
    ((props.initial.vedlegg as unknown[] | undefined) ?? []).map((_, i) => i),
  );
  // The oppdragsgiver follows "Rapporterer for" until the user makes it another (lib/oppdrag/oppdragsgiver.ts).
  const [reportingId, setReportingId] = useState(props.organisationId ?? props.organisations[0]?.id ?? "");
  const initialGiver = (props.initial.oppdragsgiver ?? {}) as Partial<PartyIdentity>;
  const [giver, setGiver] = useState<PartyIdentity>({
    variant: initialGiver.variant ?? "norsk",
    navn: initialGiver.navn ?? "",
    organisasjonsnummer: initialGiver.organisasjonsnummer ?? "",
  });
  const reporting = props.organisations.find((o) => o.id === reportingId);
  const giverDiffers = reporting !== undefined && !oppdragsgiverIsOrganisation(giver, reporting);

  function changeReporting(id: string) {
    const next = props.organisations.find((o) => o.id === id);
    const followed =
      !reporting ||
      oppdragsgiverIsOrganisation(giver, reporting) ||
      (giver.navn === "" && giver.organisasjonsnummer === "");
    if (next && followed) setGiver(oppdragsgiverFrom(next));
    setReportingId(id);
  }

  const rejected = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(props.rejectedFields ?? {}).map(([path, message]) => [path, [tf("rejectedField", { message })]]),
      ),
    [props.rejectedFields, tf],
  );
  const form = useActionForm({
    action: saveOppdragAction,
    schema: oppdragFormSchema,
    // The server action checks the same.
    check: (data) =>
      giverDiffers && !data?.oppdragsgiverAvvikBekreftet
        ? { oppdragsgiverAvvikBekreftet: ["oppdragsgiverNotConfirmed"] }
        : undefined,
    // "Lagre utkast" and sending go to the submission; autosave keeps the user here (draft.onSaved).
    onSuccess: (data) => router.push(`/innsendinger/${data.submissionId}`),
    draft: {
      schema: oppdragDraftSchema,
      read: () => {
        if (!formRef.current) return null;
        const formData = new FormData(formRef.current);
        formData.set("intent", "draft");
        const parsed = parseFormData(formData);
        return parsed.ok ? { input: formData, values: parsed.value } : null;
      },
      latest: (input) => {
        for (const [name, value] of Object.entries(savedRef.current)) if (value) input.set(name, value);
        return input;
      },
      onSaved: (data) => {
        savedRef.current = {
          submissionId: data.submissionId,
          oppdragsreferanse: data.oppdragsreferanse,
          draftToken: data.draftToken,
        };
        setSaved({
          submissionId: data.submissionId,
          oppdragsreferanse: data.oppdragsreferanse,
          draftToken: data.draftToken,
        });
      },
      addressOf: (data) => `/oppdrag/${data.submissionId}/rediger`,
    },
  });
  const { pending } = form;
  const errors = form.hasFieldErrors ? form.fieldErrors : rejected;
  const f = createFieldLookup(ID, props.initial, errors);
  const summaryLabels = Object.fromEntries(
    Object.keys(errors).map((p) => [p, locateField("oar", p, { t, identity: "birthdate" }).crumbs.join(" › ")]),
  );
  useFocusField(props.focusPath, "oar", ID);

  function togglePreview() {
    if (preview !== null) return setPreview(null);
    if (!formRef.current) return;
    const values = form.validateForm(formRef.current);
    if (!values) return setPreview("");
    // A change without its date cannot be sent (the server says which field); nor previewed.
    if (props.existsAtSkatteetaten && !values.endringsdato) return setPreview("");
    const body = oarBody(
      { ...values, oppdragsreferanse: props.oppdragsreferanse ?? "(tildeles ved lagring)" },
      props.existsAtSkatteetaten,
    );
    setPreview(JSON.stringify(body, null, 2));
  }

  const amountNumber = parseDecimal(amount);
  const belowThreshold = amountNumber !== null && amountNumber >= 0 && amountNumber < REPORTING_THRESHOLD_NOK;

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={form.handleSubmit}
      onChange={form.draft.changed}
      onBlur={form.draft.saveNow}
      className="max-w-3xl"
    >
      <ErrorSummary fieldErrors={errors} labels={summaryLabels} idPrefix={ID} />
      {props.rejectedFields && Object.keys(props.rejectedFields).length > 0 && !form.hasFieldErrors && (
        <div className="mb-4">
          <Alert tone="warning">{tf("markedFromRejection")}</Alert>
        </div>
      )}
      {form.error && (
        <div className="mb-4">
          <ErrorMessage error={form.error} />
        </div>
      )}
      <DraftStatus draft={form.draft} />
      {saved.submissionId && <input type="hidden" name="submissionId" value={saved.submissionId} />}
      {saved.oppdragsreferanse && <input type="hidden" name="oppdragsreferanse" value={saved.oppdragsreferanse} />}
      {saved.draftToken && <input type="hidden" name="draftToken" value={saved.draftToken} />}

      <section className="mb-6 rounded border border-line bg-white p-6">
        {props.organisationId ? (
          <input type="hidden" name="organisationId" value={props.organisationId} />
        ) : (
          <SelectField
            idPrefix={ID}
            name="organisationId"
            label={tf("organisation")}
            hint={tf("organisationHint")}
            options={props.organisations.map((o) => ({ value: o.id, label: `${o.name} (${o.orgnr})` }))}
            errors={errors.organisationId}
            value={reportingId}
            onChange={(e) => changeReporting(e.target.value)}
          />
        )}
        <p className="font-medium">{tf("innsendingstype")}</p>
        <p data-testid="innsendingstype">
          {props.existsAtSkatteetaten ? tf("innsendingstypeChange") : tf("innsendingstypeNew")}
        </p>
        <p className="text-sm text-muted">{tf("innsendingstypeHint")}</p>
        {props.existsAtSkatteetaten && (
          <div className="mt-4 max-w-xs">
            <TextField
              {...f.props("endringsdato")}
              type="date"
              label={tf("endringsdato")}
              hint={tf("endringsdatoHint")}
            />
          </div>
        )}
      </section>

      <section className="mb-6 rounded border border-line bg-white p-6" aria-labelledby="oppdragsgiver-heading">
        <h2 id="oppdragsgiver-heading" className="mb-4 text-lg font-semibold">
          {tf("oppdragsgiver")}
        </h2>
        <PartyFields
          prefix="oppdragsgiver"
          party="oppdragsgiver"
          f={f}
          identity={{ value: giver, onChange: setGiver }}
        />
        {giverDiffers && reporting && (
          <div className="mb-4" data-testid="oppdragsgiver-differs">
            <Alert tone="warning">
              <p>
                {tf("oppdragsgiverDiffers", {
                  oppdragsgiver:
                    giver.variant === "norsk" ? `${giver.navn} (${giver.organisasjonsnummer})` : giver.navn,
                  organisation: `${reporting.name} (${reporting.orgnr})`,
                })}
              </p>
              <label className="mt-2 flex items-center gap-2">
                <input
                  type="checkbox"
                  id={`${ID}-oppdragsgiverAvvikBekreftet`}
                  name="oppdragsgiverAvvikBekreftet"
                  aria-invalid={errors.oppdragsgiverAvvikBekreftet ? true : undefined}
                  aria-describedby={
                    errors.oppdragsgiverAvvikBekreftet ? `${ID}-oppdragsgiverAvvikBekreftet-error` : undefined
                  }
                />
                {tf("oppdragsgiverAvvikBekreftet")}
              </label>
              {errors.oppdragsgiverAvvikBekreftet && (
                <p id={`${ID}-oppdragsgiverAvvikBekreftet-error`} className="text-sm font-medium text-danger">
                  {errors.oppdragsgiverAvvikBekreftet[0]}
                </p>
              )}
            </Alert>
          </div>
        )}
        <label className="mt-2 flex items-center gap-2">
          <input
            type="checkbox"
            name="hovedoppdragsgiverErAnnen"
            checked={showHoved}
            onChange={(e) => setShowHoved(e.target.checked)}
          />
          {tf("hovedoppdragsgiverErAnnen")}
        </label>
        {showHoved && (
          <div className="mt-4 border-t border-line pt-4">
            <h3 className="mb-3 font-semibold">{tf("hovedoppdragsgiver")}</h3>
            <PartyFields prefix="hovedoppdragsgiver" party="oppdragsgiver" f={f} />
          </div>
        )}
      </section>

      <section className="mb-6 rounded border border-line bg-white p-6" aria-labelledby="oppdragstaker-heading">
        <h2 id="oppdragstaker-heading" className="mb-4 text-lg font-semibold">
          {tf("oppdragstaker")}
        </h2>
        <PartyFields prefix="oppdragstaker" party="oppdragstaker" f={f} />
      </section>

      <section className="mb-6 rounded border border-line bg-white p-6" aria-labelledby="oppdraget-heading">
        <h2 id="oppdraget-heading" className="mb-4 text-lg font-semibold">
          {tf("oppdraget")}
        </h2>
        <TextAreaField {...f.props("oppdrag.beskrivelse")} label={tf("beskrivelse")} />
        <RadioGroup
          id={`${ID}-oppdrag.arbeidssted.type`}
          name="oppdrag.arbeidssted.type"
          legend={tf("arbeidssted")}
          value={arbeidssted}
          onChange={setArbeidssted}
          options={[
            { value: "land", label: tf("arbeidsstedLand") },
            { value: "sokkel", label: tf("arbeidsstedSokkel") },
          ]}
        />
        {arbeidssted === "land" ? (
          <fieldset className="mb-4 border-l-4 border-line pl-4">
            <legend className="mb-2 font-semibold">{tf("arbeidssted")}</legend>
            <TextField {...f.props("oppdrag.arbeidssted.adresse.adresselinje")} label={tf("adresselinje")} />
            <div className="grid max-w-md grid-cols-[8rem_1fr] gap-x-4">
              <TextField
                {...f.props("oppdrag.arbeidssted.adresse.postnummer")}
                label={tf("postnummer")}
                inputMode="numeric"
              />
              <TextField {...f.props("oppdrag.arbeidssted.adresse.poststed")} label={tf("poststed")} />
            </div>
            <input type="hidden" name="oppdrag.arbeidssted.adresse.landkode" value="NO" />
          </fieldset>
        ) : (
          <TextField {...f.props("oppdrag.arbeidssted.felt")} label={tf("felt")} />
        )}
        <div className="grid max-w-md grid-cols-2 gap-x-4">
          <TextField {...f.props("oppdrag.startdato")} type="date" label={tf("startdato")} hint={tf("deadlineHint")} />
          <TextField {...f.props("oppdrag.forventetSluttdato")} type="date" label={tf("forventetSluttdato")} />
        </div>
        <TextField
          {...f.props("oppdrag.kontraktsverdiNok")}
          label={tf("kontraktsverdiNok")}
          inputMode="decimal"
          onChange={(e) => setAmount(e.target.value)}
        />
        {belowThreshold && (
          <div className="mb-4" data-testid="threshold-notice">
            <Alert>{tf("belowThreshold")}</Alert>
          </div>
        )}
      </section>

      <ArbeidstakerFields
        f={f}
        initialCount={((props.initial.arbeidstakere as unknown[] | undefined) ?? []).length}
        onChanged={form.draft.changed}
      />

      <section className="mb-6 rounded border border-line bg-white p-6" aria-labelledby="vedlegg-heading">
        <h2 id="vedlegg-heading" className="mb-1 text-lg font-semibold">
          {tf("vedlegg")}
        </h2>
        <p className="mb-4 text-sm text-muted">{tf("vedleggIntro")}</p>
        {vedlegg.map((key, index) => (
          <div key={key} className="mb-2 flex flex-wrap items-end gap-4">
            <SelectField
              {...f.props(`vedlegg.${index}.type`)}
              label={tf("vedleggType")}
              options={VEDLEGG_TYPES.map((v) => ({ value: v, label: tf(`vedleggTypes.${v}`) }))}
            />
            <TextField {...f.props(`vedlegg.${index}.referanse`)} label={tf("vedleggReferanse")} />
            <Button
              type="button"
              variant="secondary"
              className="mb-4"
              onClick={() => {
                setVedlegg((v) => v.filter((k) => k !== key));
                form.draft.changed();
              }}
            >
              {tf("removeVedlegg")}
            </Button>
          </div>
        ))}
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setVedlegg((v) => [...v, Math.max(-1, ...v) + 1]);
            form.draft.changed();
          }}
        >
          {tf("addVedlegg")}
        </Button>
      </section>

      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="intent" value="submit" disabled={pending}>
          {pending ? tf("saving") : tf("submit")}
        </Button>
        <Button type="submit" name="intent" value="draft" variant="secondary" disabled={pending}>
          {tf("saveDraft")}
        </Button>
        <Button type="button" variant="secondary" onClick={togglePreview} aria-expanded={preview !== null}>
          {preview !== null ? tf("hidePreview") : tf("preview")}
        </Button>
      </div>
      {preview !== null && (
        <section className="mt-6 rounded border border-line bg-white p-6" aria-labelledby="preview-heading">
          <h2 id="preview-heading" className="mb-2 text-lg font-semibold">
            {tf("previewTitle")}
          </h2>
          {preview === "" ? (
            <p>{tf("previewInvalid")}</p>
          ) : (
            <ScrollableCode className="max-h-[32rem] text-sm" testId="json-preview">
              {preview}
            </ScrollableCode>
          )}
        </section>
      )}
    </form>
  );
}
