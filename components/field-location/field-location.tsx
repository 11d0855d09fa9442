import Link from "next/link";
import { useTranslations } from "next-intl";
import type { FieldLocation as Location } from "@/lib/field-location/locate-field";

/** `base` (a form's URL, with or without a query) with `felt=<model path>`, which the form focuses. */
function fieldHref(base: string, modelPath: string | null): string {
  if (!modelPath) return base;
  const [path, query = ""] = base.split("?", 2);
  const params = new URLSearchParams(query);
  params.set("felt", modelPath);
  return `${path}?${params}`;
}

/**
 * A field a path points at, named as the form names it ("Ola Prøvestad (021292·····) ›
 * Arbeidsforhold"), linked to that field in the form that fixes it when `fixUrl` is given. A path
 * the forms do not have is shown humanised with the raw path beside it in small monospace, for
 * support. Locate with lib/field-location/locate-field.ts where the report is at hand (on the
 * server for stored reports, so a full fødselsnummer never reaches a browser that may not see it).
 * No state of its own: it renders in server and client components alike.
 */
export function FieldLocation({ location, fixUrl }: { location: Location; fixUrl?: string | null }) {
  const t = useTranslations("fieldLocation");
  const label = location.crumbs.join(" › ");
  return (
    <span data-testid="field-location">
      {label &&
        (fixUrl ? (
          <Link href={fieldHref(fixUrl, location.modelPath)} className="underline" data-testid="field-location-link">
            {label}
          </Link>
        ) : (
          <span>{label}</span>
        ))}
      {!location.known && label && " "}
      {!location.known && (
        <code className="break-all font-mono text-xs text-muted" data-testid="field-location-raw">
          <span className="sr-only">{t("rawPath")}</span>
          {location.raw}
        </code>
      )}
    </span>
  );
}
