/**
 * Small accessible SVG bar charts. Each chart is an <svg role="img"> named by its title and described by a
 * visually-hidden data table with the same numbers (the text alternative), so no charting library is needed.
 */
import type { ReactNode } from 'react';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** Shown at the end of the bar and in the table, e.g. "12" or "42,5%". */
  display: string;
  /** A shorter label under a column (e.g. "Jul"); the table keeps the full label. */
  tick?: string;
}

function DataTable({ id, caption, headers, bars }: { id: string; caption: string; headers: [string, string]; bars: Bar[] }) {
  return (
    <table id={id} className="visually-hidden">
      <caption>{caption}</caption>
      <thead><tr><th scope="col">{headers[0]}</th><th scope="col">{headers[1]}</th></tr></thead>
      <tbody>
        {bars.map((b) => <tr key={b.key}><th scope="row">{b.label}</th><td>{b.display}</td></tr>)}
      </tbody>
    </table>
  );
}

interface ChartProps {
  id: string;
  title: string;
  headers: [string, string];
  bars: Bar[];
  /** The scale's top value; defaults to the largest bar (at least 1). */
  max?: number;
  /** CSS class per bar, for colour (e.g. before/after). */
  barClass?: (b: Bar, i: number) => string;
  empty?: ReactNode;
  /** Hide the caption visually when a heading right above already says the same (it still names the chart). */
  hideCaption?: boolean;
}

/** Horizontal bars: label on the left, value at the end; grows one row per bar (phone friendly). */
export function HBarChart({ id, title, headers, bars, max, barClass, empty, hideCaption }: ChartProps) {
  if (bars.length === 0) return <>{empty}</>;
  const top = max ?? Math.max(1, ...bars.map((b) => b.value));
  const row = 34;
  // Room for the longest label (about 6.6 units a character at 12 px), so "Sesudah (post-test)" is not cut off.
  const labelW = Math.min(150, Math.max(104, Math.ceil(Math.max(...bars.map((b) => b.label.length)) * 6.6) + 12));
  const width = 300;
  const barMax = width - labelW - 56;
  const height = bars.length * row + 4;
  return (
    <figure className="impact-chart">
      <figcaption id={`${id}-title`} className={hideCaption ? 'visually-hidden' : undefined}>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-table`} className="impact-chart__svg">
        {bars.map((b, i) => {
          const y = i * row + 4;
          const w = top > 0 ? Math.max(b.value > 0 ? 2 : 0, (b.value / top) * barMax) : 0;
          return (
            <g key={b.key} data-key={b.key}>
              <text x={labelW - 8} y={y + 18} textAnchor="end" className="impact-chart__label">{b.label}</text>
              <rect x={labelW} y={y + 3} width={barMax} height={row - 10} className="impact-chart__track" rx="4" />
              <rect x={labelW} y={y + 3} width={w} height={row - 10} className={`impact-chart__bar ${barClass?.(b, i) ?? ''}`} rx="4" />
              <text x={labelW + w + 6} y={y + 18} className="impact-chart__value">{b.display}</text>
            </g>
          );
        })}
      </svg>
      <DataTable id={`${id}-table`} caption={title} headers={headers} bars={bars} />
    </figure>
  );
}

/** Vertical columns over time (one per month), value labels above the columns. */
export function ColumnChart({ id, title, headers, bars, empty, hideCaption }: ChartProps) {
  if (bars.length === 0) return <>{empty}</>;
  const top = Math.max(1, ...bars.map((b) => b.value));
  const width = 320;
  const height = 190;
  const base = 160;
  const plotH = 130;
  const slot = (width - 8) / bars.length;
  const barW = Math.min(32, slot * 0.7);
  // With many months only every second or third label fits under the columns.
  const every = Math.ceil(bars.length / 12);
  return (
    <figure className="impact-chart">
      <figcaption id={`${id}-title`} className={hideCaption ? 'visually-hidden' : undefined}>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-table`} className="impact-chart__svg">
        <line x1="4" x2={width - 4} y1={base} y2={base} className="impact-chart__axis" />
        {bars.map((b, i) => {
          const h = (b.value / top) * plotH;
          const x = 4 + i * slot + (slot - barW) / 2;
          return (
            <g key={b.key} data-key={b.key}>
              <rect x={x} y={base - h} width={barW} height={h} className="impact-chart__bar" rx="3" />
              {b.value > 0 && <text x={x + barW / 2} y={base - h - 4} textAnchor="middle" className="impact-chart__value">{b.display}</text>}
              {i % every === 0 && <text x={x + barW / 2} y={base + 16} textAnchor="middle" className="impact-chart__tick">{b.tick ?? b.label}</text>}
            </g>
          );
        })}
      </svg>
      <DataTable id={`${id}-table`} caption={title} headers={headers} bars={bars} />
    </figure>
  );
}
