/**
 * A file download that looks like a secondary button. A plain link with `download`, so the file
 * streams straight to disk without passing through JavaScript, and it works before hydration.
 */
export function DownloadLink({
  href,
  children,
  describedBy,
}: {
  href: string;
  children: React.ReactNode;
  describedBy?: string;
}) {
  return (
    <a
      href={href}
      download
      aria-describedby={describedBy}
      className="inline-block rounded border border-interactive bg-white px-4 py-2 font-medium text-interactive no-underline hover:bg-brand-light"
    >
      {children}
    </a>
  );
}
