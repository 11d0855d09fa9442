import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { errorText, type ShownError } from "@/lib/actions/error-text";

/**
 * An error from a server action or route handler, as one alert: the translated message and, when
 * the server logged the cause, the reference to quote to support. Every such error is shown
 * through here so none loses its reference.
 */
export function ErrorMessage({ error, title }: { error: ShownError | null | undefined; title?: string }) {
  const t = useTranslations();
  if (!error) return null;
  const text = errorText(t, error);
  return (
    <Alert tone="danger">
      {title ? (
        <>
          <p className="font-medium">{title}</p>
          <p>{text}</p>
        </>
      ) : (
        text
      )}
    </Alert>
  );
}
