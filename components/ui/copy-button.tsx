"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "./button";

export function CopyValue({ value, label }: { value: string; label: string }) {
  const t = useTranslations("detail");
  const [copied, setCopied] = useState(false);
  return (
    <span className="inline-flex items-center gap-2">
      <code className="break-all">{value}</code>
      <Button
        type="button"
        variant="secondary"
        size="xs"
        aria-label={`${t("copy")} ${label}`}
        onClick={async () => {
          await navigator.clipboard?.writeText(value).catch(() => {});
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        }}
      >
        {copied ? t("copied") : t("copy")}
      </Button>
    </span>
  );
}
