'use client';
// A labelled text input or text area whose help text turns into the field's error, tied by aria-describedby so a
// screen reader reads the problem with the field.
import { HelpText } from '@twilio-paste/core/help-text';
import { Input } from '@twilio-paste/core/input';
import { Label } from '@twilio-paste/core/label';
import { TextArea } from '@twilio-paste/core/textarea';

interface TextFieldProps {
  id: string;
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  help?: string;
  error?: string;
  required?: boolean;
  multiline?: boolean;
  type?: 'text' | 'tel';
  placeholder?: string;
}

export function TextField({ id, name, label, value, onChange, help, error, required, multiline, type = 'text', placeholder }: TextFieldProps) {
  const helpId = `${id}-help`;
  const describedBy = help || error ? helpId : undefined;
  return (
    <>
      <Label htmlFor={id} required={required}>
        {label}
      </Label>
      {multiline ? (
        <TextArea
          id={id}
          name={name}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          hasError={Boolean(error)}
          aria-describedby={describedBy}
          aria-invalid={Boolean(error)}
          placeholder={placeholder}
          required={required}
        />
      ) : (
        <Input
          id={id}
          name={name}
          type={type}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          hasError={Boolean(error)}
          aria-describedby={describedBy}
          aria-invalid={Boolean(error)}
          placeholder={placeholder}
          required={required}
          autoComplete="off"
        />
      )}
      {error || help ? (
        <HelpText id={helpId} variant={error ? 'error' : 'default'} data-testid={error ? `${name}-error` : undefined}>
          {error ?? help}
        </HelpText>
      ) : null}
    </>
  );
}
