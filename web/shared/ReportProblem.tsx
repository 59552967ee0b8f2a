import './report.css';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { sendJson } from '../api/client';
import type { NewReportBody } from '../../server/http/contract';
import { ApiErrorText } from './ApiErrorText';

// In the order the form lists them; `satisfies` keeps them to the reasons the server takes.
const REASONS = ['closed', 'wrong_location', 'wrong_phone', 'other'] as const satisfies readonly NewReportBody['reason'][];
type Reason = (typeof REASONS)[number];
const COMMENT_MAX = 500;

/**
 * The public "Info salah?" button for one point: a small dialog with a reason and an optional comment,
 * sent to POST /api/points/:id/reports. Asks for no personal data. Staff see it in their review queue.
 */
export function ReportProblem({ pointId, pointName }: { pointId: number; pointName: string }) {
  const { t } = useTranslation('report');
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button ref={buttonRef} type="button" className="report-button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        {t('button')}
        <span className="visually-hidden"> — {pointName}</span>
      </button>
      {open && (
        <ReportDialog
          pointId={pointId}
          pointName={pointName}
          onClose={() => {
            setOpen(false);
            buttonRef.current?.focus();
          }}
        />
      )}
    </>
  );
}

function ReportDialog({ pointId, pointName, onClose }: { pointId: number; pointName: string; onClose: () => void }) {
  const { t } = useTranslation('report');
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [reason, setReason] = useState<Reason | null>(null);
  const [comment, setComment] = useState('');
  const send = useMutation({
    mutationFn: (body: NewReportBody & { reason: Reason }) => sendJson<{ report: { id: number } }>('POST', `/api/points/${pointId}/reports`, body),
  });
  useEffect(function openAsModal() {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason) return;
    send.mutate({ reason, ...(comment.trim() ? { comment: comment.trim() } : {}) });
  };
  return (
    <dialog ref={ref} className="report-dialog" aria-labelledby={titleId} onClose={onClose} onCancel={onClose}>
      {send.isSuccess ? (
        <div className="report-dialog__body">
          <h2 id={titleId}>{t('thanksTitle')}</h2>
          <p role="status">{t('thanks')}</p>
          <button type="button" className="btn" onClick={onClose} autoFocus>
            {t('close')}
          </button>
        </div>
      ) : (
        <form className="report-dialog__body" onSubmit={submit}>
          <h2 id={titleId}>{t('title', { name: pointName })}</h2>
          <fieldset className="report-dialog__reasons">
            <legend>{t('what')}</legend>
            {REASONS.map((r) => (
              <label key={r} className="report-dialog__reason">
                <input type="radio" name="reason" value={r} checked={reason === r} onChange={() => setReason(r)} />
                {t(`reasons.${r}`)}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={`${titleId}-comment`}>{t('comment')}</label>
            <textarea id={`${titleId}-comment`} rows={3} maxLength={COMMENT_MAX} value={comment} onChange={(e) => setComment(e.target.value)} aria-describedby={`${titleId}-hint`} />
            <p id={`${titleId}-hint`} className="muted report-dialog__hint">
              {t('privacy')}
            </p>
          </div>
          {send.error && (
            <p role="alert" className="error-text">
              {t('failed')} <ApiErrorText error={send.error} labels={{ comment: t('comment'), reason: t('what') }} />
            </p>
          )}
          <div className="report-dialog__actions">
            <button type="button" className="btn btn--ghost" onClick={onClose}>
              {t('cancel')}
            </button>
            <button type="submit" className="btn" disabled={!reason || send.isPending}>
              {send.isPending ? t('sending') : t('send')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
