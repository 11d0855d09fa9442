import { getLocale, getTranslations } from "next-intl/server";
import { FieldLocation } from "@/components/field-location/field-location";
import { CopyValue } from "@/components/ui/copy-button";
import { Tag } from "@/components/ui/tag";
import { type IdentityView, locateField } from "@/lib/field-location/locate-field";
import type { DecodedSkatteetatenError } from "@/lib/reporting/errors/decoded-error";
import type { CatalogueEntry } from "@/lib/reporting/errors/error-catalogue";

/** Where the fields an answer points at are: the version it answered, and the form that corrects it. */
export type FieldContext = {
  /** The payload of the version the answer is about; names the person or party of each field. */
  payload?: unknown;
  identity: IdentityView;
  /** The form that corrects the report, if the reader may; each field links into it. */
  fixUrl?: string | null;
};

/**
 * Skatteetaten's answer in words: code, its text in the reader's language, category and detail entries. What to
 * do about it is said once, on top of the page (NextStep), not under every attempt.
 */
export async function DecodedErrorView({
  decoded,
  mask,
  fields = { identity: "masked" },
}: {
  decoded: DecodedSkatteetatenError;
  mask: (text: string) => string;
  fields?: FieldContext;
}) {
  const t = await getTranslations("detail");
  const translate = await getTranslations();
  const locale = await getLocale();
  const text = (e: CatalogueEntry) => (locale === "nb" ? e.textNb : e.textEn);
  return (
    <div className="mt-2 rounded border border-danger bg-danger-light p-3" data-testid="decoded-error">
      <p>
        <span className="font-mono font-semibold">{decoded.code ?? "–"}</span>{" "}
        {decoded.entry ? (
          <span className="font-medium">{text(decoded.entry)}</span>
        ) : (
          <span className="text-sm">{t("unknownCode")}</span>
        )}
      </p>
      {decoded.category && (
        <p className="mt-1 text-sm">
          {t("category")}:{" "}
          <Tag tone="danger">
            {t.has(`categories.${decoded.category}`) ? t(`categories.${decoded.category}`) : decoded.category}
          </Tag>
        </p>
      )}
      {decoded.melding && (
        <p className="mt-1 text-sm">
          {t("melding")}: {mask(decoded.melding)}
        </p>
      )}
      {decoded.specifications.length > 0 && (
        <div className="mt-3">
          <p className="font-medium">{t("specifications")}</p>
          <table className="mt-1 w-full text-left text-sm">
            <thead>
              <tr className="border-b border-danger">
                <th scope="col" className="py-1 pr-3">
                  {t("errorCode")}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t("sti")}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t("angittVerdi")}
                </th>
                <th scope="col" className="py-1">
                  {t("melding")}
                </th>
              </tr>
            </thead>
            <tbody>
              {decoded.specifications.map((s, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a list rendered once from one answer and never reordered; its items have no identity of their own
                <tr key={i} className="align-top">
                  <td className="py-1 pr-3 font-mono">
                    {s.kode ?? "–"}
                    {s.entry && <div className="font-sans text-xs">{text(s.entry)}</div>}
                  </td>
                  <td className="py-1 pr-3">
                    {s.sti ? (
                      <FieldLocation
                        location={locateField(decoded.api, s.sti, {
                          t: translate,
                          payload: fields.payload,
                          identity: fields.identity,
                        })}
                        fixUrl={fields.fixUrl}
                      />
                    ) : (
                      "–"
                    )}
                  </td>
                  <td className="py-1 pr-3 font-mono">{s.angittVerdi ? mask(s.angittVerdi) : "–"}</td>
                  <td className="py-1">{s.melding ? mask(s.melding) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {decoded.korrelasjonsid && (
        <p className="mt-3 text-sm">
          {t("korrelasjonsid")}: <CopyValue value={decoded.korrelasjonsid} label={t("korrelasjonsid")} />
          <br />
          <span className="text-muted">{t("korrelasjonsidNote")}</span>
        </p>
      )}
    </div>
  );
}
