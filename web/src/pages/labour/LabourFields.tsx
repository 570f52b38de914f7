/** Small labelled form fields for the labour-market unit's forms (label + input, one id). */
import { useId, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  hint?: string;
}

function Hint({ id, hint }: { id: string; hint: string | undefined }) {
  return hint ? (
    <span className="hint" id={id}>
      {hint}
    </span>
  ) : null;
}

export function DateField({ label, value, onChange, required }: FieldProps) {
  const id = useId();
  return (
    <div className="field field-date">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={value}
        required={required}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

export function TextField({
  label,
  value,
  onChange,
  required,
  hint,
  inputMode,
  maxLength,
}: FieldProps & { inputMode?: 'numeric' | 'text'; maxLength?: number }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        required={required}
        inputMode={inputMode}
        maxLength={maxLength}
        autoComplete="off"
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <Hint id={`${id}-hint`} hint={hint} />
    </div>
  );
}

export function TextAreaField({
  label,
  value,
  onChange,
  required,
  rows = 3,
}: FieldProps & { rows?: number }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        required={required}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

export function SelectField({
  label,
  value,
  onChange,
  required,
  children,
}: FieldProps & { children: ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} required={required} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  );
}
