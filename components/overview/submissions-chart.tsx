"use client";

import { useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDate, formatDayMonth } from "@/lib/i18n/format";
import type { DailyPoint } from "@/lib/overview/overview-queries";

/** Submissions and rejections per day. The same figures are in the table below it for screen readers. */
export function SubmissionsChart({ points }: { points: DailyPoint[] }) {
  const t = useTranslations("overview.chart");
  const locale = useLocale();
  return (
    <div aria-hidden="true" className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="#d8d8d8" />
          <XAxis
            dataKey="day"
            tickFormatter={(d: string) => formatDayMonth(locale, d)}
            tick={{ fill: "#333", fontSize: 12 }}
          />
          <YAxis allowDecimals={false} tick={{ fill: "#333", fontSize: 12 }} />
          <Tooltip labelFormatter={(d) => (typeof d === "string" ? formatDate(locale, d) : d)} />
          <Legend />
          <Bar dataKey="submitted" name={t("submitted")} fill="#1362ae" />
          <Bar dataKey="rejected" name={t("rejected")} fill="#b3261e" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
