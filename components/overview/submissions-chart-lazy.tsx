"use client";

import dynamic from "next/dynamic";

/**
 * The overview's chart, loaded by the browser after the page: recharts is about 100 KB of gzipped
 * JavaScript, more than half the budget of a page (bench/js-budget.ts), and only this page has a
 * chart. Not rendered on the server: its ResponsiveContainer draws nothing before it can measure
 * its box, and the same figures are in the table below it. The placeholder keeps the chart's
 * height so nothing moves when it arrives.
 */
export const SubmissionsChartLazy = dynamic(() => import("./submissions-chart").then((m) => m.SubmissionsChart), {
  ssr: false,
  loading: () => <div aria-hidden="true" className="h-64 w-full" />,
});
