import type { InputHTMLAttributes, ReactNode } from 'react';

export interface FormFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  /** The form's field name (`targets.0.date`), also what tests and server issues use. */
  readonly field: string;
  readonly label: ReactNode;
  readonly value: string;
  readonly onValue: (value: string) => void;
  readonly error: string | undefined;
  readonly hint?: ReactNode;
  /** Visually hidden label, for table cells whose column header already says what the input is. */
  readonly hideLabel?: boolean;
}

export const fieldId = (field: string): string => `field-${field.replaceAll('.', '-')}`;

/** A labelled input whose error is announced with it (aria-describedby) and shown right below it. */
export function FormField({ field, label, value, onValue, error, hint, hideLabel, ...rest }: FormFieldProps) {
  const id = fieldId(field);
  const describedBy = [error === undefined ? null : `${id}-error`, hint === undefined ? null : `${id}-hint`]
    .filter((s) => s !== null)
    .join(' ');
  return (
    <div className="form-field" data-field={field}>
      <label htmlFor={id} className={hideLabel === true ? 'visually-hidden' : 'form-field__label'}>
        {label}
      </label>
      <input
        {...rest}
        id={id}
        name={field}
        className="form-field__input"
        value={value}
        onChange={(event) => onValue(event.target.value)}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy === '' ? undefined : describedBy}
      />
      {hint !== undefined && (
        <span id={`${id}-hint`} className="form-field__hint muted">
          {hint}
        </span>
      )}
      {error !== undefined && <FieldError id={`${id}-error`} field={field} message={error} />}
    </div>
  );
}

export function FieldError({ id, field, message }: { id?: string; field: string; message: string }) {
  return (
    <span id={id} className="form-field__error" data-testid="field-error" data-field={field}>
      {message}
    </span>
  );
}
