import { getLocale, getTranslations } from "next-intl/server";
import { formatDate, formatDayMonth } from "@/lib/i18n/format";
import type { DailyPoint } from "@/lib/overview/overview-queries";

/*
 * Submissions and rejections per day, drawn as SVG on the server: no chart library reaches the
 * browser (the first-load JavaScript budget, docs/benchmarks.md), and the chart is there in the
 * first HTML, before any script. The same figures are in the table below it for screen readers,
 * so the drawing is hidden from them; each day's group has a native tooltip (<title>).
 */

const WIDTH = 720;
const HEIGHT = 256;
const PLOT = { left: 40, right: 8, top: 8, bottom: 28 };
const COLOURS = { submitted: "#1362ae", rejected: "#b3261e" } as const;
// The legend's swatches as classes, not style attributes (the CSP allows no inline styles).
const SWATCH = { submitted: "bg-[#1362ae]", rejected: "bg-[#b3261e]" } as const;

/** At most five round steps from 0 to at least `max` (1, 2 or 5 times a power of ten). */
export function yTicks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const whole = Math.max(1, Math.round(step));
  const ticks: number[] = [];
  for (let v = 0; v < max + whole; v += whole) ticks.push(v);
  return ticks;
}

export async function SubmissionsChart({ points }: { points: DailyPoint[] }) {
  const t = await getTranslations("overview.chart");
  const locale = await getLocale();
  const ticks = yTicks(Math.max(0, ...points.map((p) => Math.max(p.submitted, p.rejected))));
  const top = ticks.at(-1) ?? 1;
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const slot = plotWidth / Math.max(1, points.length);
  const bar = Math.max(1, Math.min(14, (slot - 2) / 2));
  const y = (value: number) => PLOT.top + plotHeight - (value / top) * plotHeight;
  // About eight day labels along the axis, however many days there are.
  const labelEvery = Math.max(1, Math.ceil(points.length / 8));

  return (
    <div aria-hidden="true" className="w-full" data-testid="submissions-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-64 w-full" role="presentation">
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={PLOT.left}
              x2={WIDTH - PLOT.right}
              y1={y(tick)}
              y2={y(tick)}
              stroke="#d8d8d8"
              strokeDasharray="3 3"
            />
            <text x={PLOT.left - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle" fontSize={12} fill="#333">
              {tick}
            </text>
          </g>
        ))}
        {points.map((p, i) => {
          const x = PLOT.left + i * slot + (slot - 2 * bar) / 2;
          return (
            <g key={p.day}>
              <title>
                {`${formatDate(locale, p.day)}: ${t("submitted")} ${p.submitted}, ${t("rejected")} ${p.rejected}`}
              </title>
              <rect x={x} y={y(p.submitted)} width={bar} height={y(0) - y(p.submitted)} fill={COLOURS.submitted} />
              <rect x={x + bar} y={y(p.rejected)} width={bar} height={y(0) - y(p.rejected)} fill={COLOURS.rejected} />
              {i % labelEvery === 0 ? (
                <text x={x + bar} y={HEIGHT - 8} textAnchor="middle" fontSize={12} fill="#333">
                  {formatDayMonth(locale, p.day)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <ul className="mt-1 flex gap-4 text-sm">
        {(["submitted", "rejected"] as const).map((series) => (
          <li key={series} className="flex items-center gap-1">
            <span className={`inline-block h-3 w-3 ${SWATCH[series]}`} />
            {t(series)}
          </li>
        ))}
      </ul>
    </div>
  );
}
