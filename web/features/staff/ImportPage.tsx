import { useState, type FormEvent } from 'react';
import { ApiErrorText } from '../../shared/ApiErrorText';
import { CodeMessage } from '../../shared/CodeMessage';
import { useTranslation } from 'react-i18next';
import { useImport } from './api';
import type { ImportReport } from './types';

/** Import a CSV / GeoJSON / Overpass JSON file: a dry run first shows what would happen, then "Impor" for real. Plus export links. */
export function ImportPage() {
  const { t } = useTranslation('staff');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<(ImportReport & { rejected: boolean }) | null>(null);
  const [result, setResult] = useState<(ImportReport & { rejected: boolean }) | null>(null);
  const imp = useImport();
  const dryRun = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setResult(null);
    imp.mutate({ file, dryRun: true }, { onSuccess: setPreview });
  };
  const doImport = () => file && imp.mutate({ file, dryRun: false }, { onSuccess: setResult });
  const canImport = preview && preview.errors.length === 0 && !result;
  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="import-title">
        <h1 id="import-title">{t('import.title')}</h1>
        <p className="muted">{t('import.intro')}</p>
        <form className="stack" onSubmit={dryRun}>
          <div className="field">
            <label htmlFor="import-file">{t('import.file')}</label>
            <input
              id="import-file"
              type="file"
              accept=".csv,.geojson,.json,text/csv,application/geo+json,application/json"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setPreview(null);
                setResult(null);
                imp.reset();
              }}
            />
          </div>
          <div className="row">
            <button type="submit" className="btn btn--ghost" disabled={!file || imp.isPending}>
              {t('import.preview')}
            </button>
            <button type="button" className="btn" disabled={!canImport || imp.isPending} onClick={doImport}>
              {t('import.run')}
            </button>
          </div>
        </form>
        {imp.isPending && <p className="muted">{t('import.working')}</p>}
        {imp.isError && (
          <p role="alert" className="error-text">
            <ApiErrorText error={imp.error} />
          </p>
        )}
        {preview && !result && <ImportSummary report={preview} dryRun />}
        {result && <ImportSummary report={result} dryRun={false} />}
      </section>
      <section className="card stack" aria-labelledby="export-title">
        <h2 id="export-title">{t('export.title')}</h2>
        <p className="muted">{t('export.intro')}</p>
        <div className="row">
          <a className="btn btn--ghost" href="/api/points.csv" download>
            {t('export.csv')}
          </a>
          <a className="btn btn--ghost" href="/api/points.geojson" download>
            {t('export.geojson')}
          </a>
        </div>
      </section>
    </div>
  );
}

/**
 * "5 masalah di 3 baris": problems and the rows they are on, counted apart (a row can have several problems). When
 * the server listed only the first problems, the rows are counted from those, as a lower bound.
 */
function problemCount(report: ImportReport, t: (key: string, o: Record<string, unknown>) => string): string {
  const problems = report.error_count ?? report.errors.length;
  const rows = new Set(report.errors.map((e) => e.line)).size;
  return t(problems > report.errors.length ? 'import.problemsAtLeastRows' : 'import.problemsInRows', { problems, rows, count: problems });
}

/** Counts and the per-line errors of a dry run or an import. */
function ImportSummary({ report, dryRun }: { report: ImportReport & { rejected: boolean }; dryRun: boolean }) {
  const { t } = useTranslation('staff');
  const ok = report.errors.length === 0;
  return (
    <div className={`notice ${ok ? 'notice--good' : 'notice--warn'} stack`} role="status">
      <p>
        <strong>
          {dryRun ? t('import.dryRunResult', { created: report.created, updated: report.updated })
          : report.rejected ? t('import.rejected')
          : t('import.done', { created: report.created, updated: report.updated })}
        </strong>
      </p>
      {(report.unchanged ?? 0) > 0 && <p>{t('import.unchanged', { count: report.unchanged })}</p>}
      {dryRun && ok && <p>{t('import.readyHint')}</p>}
      {!ok && (
        <>
          <p>{problemCount(report, t)}</p>
          <table className="diff import-errors">
            <thead>
              <tr>
                <th scope="col">{report.format === 'csv' || !report.format ? t('import.line') : t('import.feature')}</th>
                <th scope="col">{t('import.field')}</th>
                <th scope="col">{t('import.message')}</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.slice(0, 200).map((e, i) => (
                <tr key={i}>
                  <td>{e.line}</td>
                  <td>
                    <code>{e.field}</code>
                  </td>
                  <td>
                    <CodeMessage code={e.code} params={e.params} message={e.message} label={e.field} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {(report.error_count ?? report.errors.length) > 200 && <p className="muted">{t('import.moreErrors', { count: (report.error_count ?? report.errors.length) - 200 })}</p>}
        </>
      )}
    </div>
  );
}
