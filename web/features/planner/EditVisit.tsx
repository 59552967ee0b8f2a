import { useTranslation } from 'react-i18next';
import { ApiErrorText } from '../../shared/ApiErrorText';
import type { SavedVisit } from '../../api/types';
import { useVisitRecord } from './api';
import { VisitForm } from './VisitForm';

/**
 * The edit form of one visit, series or occurrence, filled from a fresh read of that id (with its ETag),
 * not from the month list, so the save's If-Match names exactly the version the planner saw.
 */
export function EditVisit({ id, date, onSaved, onDone }: { id: string; date: string; onSaved: (saved: SavedVisit, summary: string) => void; onDone: () => void }) {
  const { t } = useTranslation('common');
  const record = useVisitRecord(id);
  if (record.isPending) return <p className="muted">{t('loading')}</p>;
  if (record.isError) {
    return (
      <p role="alert" className="error-text">
        <ApiErrorText error={record.error} />
      </p>
    );
  }
  return <VisitForm point={null} hasRule={false} date={date} editing={record.data} onSaved={onSaved} onDone={onDone} />;
}
