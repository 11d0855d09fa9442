import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * Where a page of an offset-paged view stands among all its rows ("Viser 51–100 av 2 000") and the
 * links to the pages before and after. The views count their rows over every page, so the reader
 * always sees how many there are. Lists paged by a keyset cursor (`/innsendinger`) have no total
 * and link "first" and "next" themselves.
 */
export async function Pager({
  label,
  page,
  pageSize,
  shown,
  total,
  href,
  testId,
}: {
  /** What the navigation pages, for screen readers (a page may hold more than one pager). */
  label: string;
  page: number;
  pageSize: number;
  /** Rows on this page. */
  shown: number;
  total: number;
  href: (page: number) => string;
  testId: string;
}) {
  const t = await getTranslations("pager");
  if (shown === 0 && page === 1) return null;
  const first = (page - 1) * pageSize;
  const hasNext = first + shown < total;
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center gap-4 text-sm">
      {shown > 0 && <span data-testid={testId}>{t("showing", { from: first + 1, to: first + shown, total })}</span>}
      {page > 1 && <Link href={href(page - 1)}>{t("previous")}</Link>}
      {hasNext && <Link href={href(page + 1)}>{t("next")}</Link>}
    </nav>
  );
}
