import type { InputHTMLAttributes } from "react";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  multiline?: boolean;
};

/** A labelled input with its hint and error wired to aria-describedby. */
export function Field({ label, name, error, hint, multiline, className, ...rest }: FieldProps) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const inputClass =
    "mt-1 block w-full rounded-md border border-border bg-surface px-3 py-2 text-fg placeholder:text-muted " +
    (error ? "border-danger" : "");
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {multiline ? (
        <textarea
          id={id}
          name={name}
          rows={3}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={inputClass}
          defaultValue={rest.defaultValue as string | undefined}
          maxLength={rest.maxLength}
        />
      ) : (
        <input
          id={id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={inputClass}
          {...rest}
        />
      )}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
