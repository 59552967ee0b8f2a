import type { ReactNode } from 'react';

/** The (translated) message for one field, shown under its input (the input points here via aria-describedby). */
export function FieldError({ id, message }: { id: string; message: ReactNode }) {
  if (!message) return null;
  return (
    <p id={id} className="error-text field-error">
      {message}
    </p>
  );
}
