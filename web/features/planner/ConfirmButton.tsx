import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A button that asks once more inline (no window.confirm: it blocks and is easy to tap by mistake). The two answers
 * say what happens ("Ya, batalkan kunjungan" / "Tidak jadi"), never "Batalkan" beside "Batal".
 */
export function ConfirmButton({ label, yesLabel, question, onConfirm, disabled }: { label: string; yesLabel: string; question: string; onConfirm: () => void; disabled?: boolean }) {
  const { t } = useTranslation('planner');
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="btn btn--ghost btn--small planner-danger" disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm__q">{question}</span>
      <button type="button" className="btn btn--small planner-danger-solid" onClick={() => { setAsking(false); onConfirm(); }} autoFocus>
        {yesLabel}
      </button>
      <button type="button" className="btn btn--ghost btn--small" onClick={() => setAsking(false)}>
        {t('list.keep')}
      </button>
    </span>
  );
}
