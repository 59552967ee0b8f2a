import { useTranslation } from 'react-i18next';

/** Placeholder until the coverage feature lands. */
export default function Page() {
  const { t } = useTranslation();
  return <h1>{t('nav.coverage')}</h1>;
}
