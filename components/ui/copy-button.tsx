"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

export function CopyValue({ value, label }: { value: string; label: string }) {
  const t = useTranslations("detail");
  const [copied, setCopied] = useState(false);
  return (
    <span className="inline-flex items-center gap-2">
      <code className="break-all">{value}</code>
      <button
        type="button"
        className="rounded border border-interactive px-2 py-0.5 text-xs text-interactive"
        aria-label={`${t("copy")} ${label}`}
        onClick={async () => {
          await navigator.clipboard?.writeText(value).catch(() => {});
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        }}
      >
        {copied ? t("copied") : t("copy")}
      </button>
    </span>
  );
}
