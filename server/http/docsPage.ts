/** Renders the OpenAPI document as a plain, script-free HTML page (no CDN is reachable in the field). */
export function renderDocsPage(doc: { info: { title: string; version: string; description?: string }; paths?: Record<string, Record<string, any>> }): string {
  const esc = (s: unknown) => String(s ?? '').replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);
  const rows: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(ops)) {
      const params = (op.parameters ?? [])
        .map((p: any) => `<li><code>${esc(p.name)}</code> <small>(${esc(p.in)}${p.required ? ', required' : ''})</small> ${esc(p.schema?.description ?? '')}</li>`)
        .join('');
      const responses = Object.entries(op.responses ?? {})
        .map(([code, r]: [string, any]) => `<li><code>${esc(code)}</code> ${esc(r.description)}</li>`)
        .join('');
      rows.push(`<section><h2><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h2>
<p>${esc(op.summary)}</p>${params ? `<h3>Parameters</h3><ul>${params}</ul>` : ''}<h3>Responses</h3><ul>${responses}</ul></section>`);
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(doc.info.title)} API</title><link rel="stylesheet" href="/api/docs.css"></head><body><main>
<h1>${esc(doc.info.title)} API <small>${esc(doc.info.version)}</small></h1><p>${esc(doc.info.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Errors are <code>{"error":{"field","message"}}</code>.</p>
${rows.join('\n')}</main></body></html>`;
}

/** Styles for the docs page, served as a file so the strict CSP needs no inline styles. */
export const DOCS_CSS = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}main{max-width:860px;margin:auto;padding:1rem}
section{background:#fff;border:1px solid #ddd;border-radius:8px;padding:.5rem 1rem;margin:1rem 0}h2{font-size:1.05rem}code{background:#f1f1f1;padding:0 .25rem;border-radius:4px}
.m{display:inline-block;min-width:4.5rem;text-align:center;color:#fff;border-radius:4px;padding:0 .4rem;background:#0b6e4f}.m.post{background:#1d4ed8}.m.patch{background:#92400e}.m.delete{background:#b91c1c}`;
