import type { openApiDocument } from "./openapi";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

type Doc = ReturnType<typeof openApiDocument>;
type Operation = {
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean; description?: string }[];
  requestBody?: unknown;
  responses?: Record<string, { description?: string }>;
};

/**
 * The API reference as one server-rendered page, read from the OpenAPI document itself (no
 * script, nothing loaded from elsewhere): each operation with its parameters and answers, then
 * every schema as JSON.
 */
export function referenceHtml(doc: Doc): string {
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    ["get", "post"].flatMap((method) => {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (!op) return [];
      const params = (op.parameters ?? [])
        .map(
          (p) =>
            `<li><code>${escapeHtml(p.name)}</code> (${escapeHtml(p.in)}${p.required ? ", required" : ""})${p.description ? `: ${escapeHtml(p.description)}` : ""}</li>`,
        )
        .join("");
      const answers = Object.entries(op.responses ?? {})
        .map(([status, r]) => `<li><code>${escapeHtml(status)}</code> ${escapeHtml(r.description ?? "")}</li>`)
        .join("");
      return [
        `<section><h2><code>${method.toUpperCase()} ${escapeHtml(path)}</code></h2>`,
        `<p>${escapeHtml(op.summary ?? "")}</p>`,
        op.description ? `<p>${escapeHtml(op.description)}</p>` : "",
        params ? `<h3>Parameters</h3><ul>${params}</ul>` : "",
        op.requestBody ? `<h3>Body</h3><pre>${escapeHtml(JSON.stringify(op.requestBody, null, 2))}</pre>` : "",
        `<h3>Answers</h3><ul>${answers}</ul></section>`,
      ].join("");
    }),
  );
  const schemas = Object.entries(doc.components?.schemas ?? {})
    .map(
      ([name, schema]) =>
        `<h3 id="${escapeHtml(name)}">${escapeHtml(name)}</h3><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre>`,
    )
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(doc.info.title)}</title></head><body><main>
<h1>${escapeHtml(doc.info.title)} v${escapeHtml(doc.info.version)}</h1><p>${escapeHtml(doc.info.description ?? "")}</p>
<p><a href="/api/v1/openapi.json">openapi.json</a></p>${operations.join("")}<h2>Schemas</h2>${schemas}</main></body></html>`;
}
