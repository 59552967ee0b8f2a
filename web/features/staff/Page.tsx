import { useTranslation } from 'react-i18next';

/** Placeholder until the staff feature lands. */
export default function Page() {
  const { t } = useTranslation();
  return <h1>{t('nav.staff')}</h1>;
}
