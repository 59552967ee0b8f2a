import { useTranslation } from 'react-i18next';
import { codeText } from './codeText';

/**
 * A warning or row problem from the server, said in the reader's language from its code and params. Only a code
 * this web build does not know yet falls back to the server's English `message`, marked lang="en".
 */
export function CodeMessage({ code, params, message, label }: { code: string; params?: Record<string, unknown>; message: string; label?: string }) {
  const { t } = useTranslation();
  const text = codeText(code, params, t, label);
  return text ? <>{text}</> : <span lang="en">{message}</span>;
}
