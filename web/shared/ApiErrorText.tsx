import { useTranslation } from 'react-i18next';
import { apiErrorMessage, type ApiErrorOptions } from './apiErrorMessage';

/**
 * The reader-language message for an API error, with the server's English text (when it adds something)
 * as a small muted line marked lang="en". Render it inside the element that carries role="alert" or the
 * field-error id, so screen readers announce both.
 */
export function ApiErrorText({ error, ...opts }: { error: unknown } & ApiErrorOptions) {
  const { t } = useTranslation('errors');
  const { message, detail } = apiErrorMessage(error, t, opts);
  return (
    <>
      {message}
      {detail && detail !== message && (
        <span className="error-detail" lang="en">
          {detail}
        </span>
      )}
    </>
  );
}
