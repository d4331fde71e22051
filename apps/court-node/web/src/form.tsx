import { FieldError, Refused, upload } from '@enforcement-link/web/http';
import { DOCUMENT_KIND_CODES, documentKindName } from '@enforcement-link/web/names';
import { useState } from 'preact/hooks';
import { useShared } from './shared';
import { Word, word } from './words';

export interface DocumentReference {
  documentId: string;
  kind: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

/** One measure of a result as typed: amounts in yuan, dates as YYYY-MM-DD, blank when absent. */
export interface MeasureRow {
  matterType: string;
  amountFrozen: string;
  expiresOn: string;
}

export type Value = string | string[] | DocumentReference[] | MeasureRow[];
export type Values = Record<string, Value>;

/** One input of a form: what it asks, how it is checked as it is typed, where the API puts it. */
export interface FieldSpec {
  name: string;
  label: Word;
  kind?: 'text' | 'textarea' | 'select' | 'date' | 'yuan' | 'documents' | 'checkboxes' | 'measures';
  options?: { value: string; label: string }[];
  optional?: boolean;
  initial?: Value;
  /** The field of the API's body, for placing the API's own errors next to it. */
  path?: string;
  /** The problem with a value that is there, if any. */
  check?: (value: string, values: Values) => Word | undefined;
  shown?: (values: Values) => boolean;
}

/** Integer fen from yuan as typed; undefined unless positive with at most two decimals. */
export function fenOf(yuan: string): number | undefined {
  return /^\d{1,13}(\.\d{1,2})?$/.test(yuan.trim()) && Number(yuan) > 0
    ? Math.round(Number(yuan) * 100)
    : undefined;
}

export const checkYuan = (value: string): Word | undefined =>
  fenOf(value) === undefined ? 'badAmount' : undefined;

/**
 * A form that checks each field as it is typed and again before sending, shows each problem
 * next to its field, and sends nothing while one remains; the API's own refusals land next to
 * the fields they name.
 */
export function Form({
  id,
  fields,
  submit,
  onSubmit,
}: {
  id: string;
  fields: FieldSpec[];
  submit: string;
  onSubmit: (values: Values) => Promise<void>;
}) {
  const { language } = useShared();
  const [values, setValues] = useState<Values>(() =>
    Object.fromEntries(
      fields.map((field) => [
        field.name,
        field.initial ??
          (field.kind === 'documents' || field.kind === 'checkboxes' || field.kind === 'measures'
            ? []
            : ''),
      ]),
    ),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string>();
  const [sending, setSending] = useState(false);
  const shown = fields.filter((field) => field.shown?.(values) ?? true);

  const problemOf = (field: FieldSpec, all: Values): string | undefined => {
    const value = all[field.name];
    const empty = Array.isArray(value) ? value.length === 0 : value.trim() === '';
    if (empty) return field.optional ? undefined : word(language, 'required');
    if (field.kind === 'measures') {
      const rows = value as MeasureRow[];
      if (rows.some((row) => !row.matterType)) return word(language, 'required');
      const badAmount = rows.some((row) => row.amountFrozen.trim() && checkYuan(row.amountFrozen));
      return badAmount ? word(language, 'badAmount') : undefined;
    }
    if (typeof value !== 'string' || !field.check) return undefined;
    const problem = field.check(value, all);
    return problem ? word(language, problem) : undefined;
  };
  const change = (field: FieldSpec, value: Value) => {
    const next = { ...values, [field.name]: value };
    setValues(next);
    setErrors({ ...errors, [field.name]: problemOf(field, next) ?? '' });
  };
  const send = async (event: Event) => {
    event.preventDefault();
    const found = Object.fromEntries(
      shown.map((field) => [field.name, problemOf(field, values) ?? '']),
    );
    setErrors(found);
    setGeneral(undefined);
    if (Object.values(found).some(Boolean)) return;
    setSending(true);
    try {
      await onSubmit(values);
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      const placed = placeErrors(shown, error.fieldErrors);
      setErrors(placed.byField);
      setGeneral(`${word(language, 'refused')}: ${placed.rest || error.message}`);
    } finally {
      setSending(false);
    }
  };

  return (
    <form class="form" onSubmit={(event) => void send(event)} data-testid={`form-${id}`} noValidate>
      {shown.map((field) => (
        <label key={field.name} class="field">
          <span>{word(language, field.label)}</span>
          <Input
            field={field}
            value={values[field.name]}
            onChange={(value) => change(field, value)}
          />
          {errors[field.name] && (
            <span class="error" data-testid={`error-${field.name}`}>
              {errors[field.name]}
            </span>
          )}
        </label>
      ))}
      {general && (
        <p class="error" data-testid={`error-${id}`}>
          {general}
        </p>
      )}
      <button type="submit" class="primary" disabled={sending} data-testid={`submit-${id}`}>
        {submit}
      </button>
    </form>
  );
}

function placeErrors(fields: FieldSpec[], fieldErrors: FieldError[]) {
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const error of fieldErrors) {
    const field = fields.find((candidate) => {
      const path = candidate.path ?? candidate.name;
      return error.field === path || error.field.startsWith(`${path}.`);
    });
    if (field) byField[field.name] = error.rule;
    else rest.push(`${error.field}: ${error.rule}`);
  }
  return { byField, rest: rest.join('; ') };
}

function Input({
  field,
  value,
  onChange,
}: {
  field: FieldSpec;
  value: Value;
  onChange: (value: Value) => void;
}) {
  const testId = `field-${field.name}`;
  const text = typeof value === 'string' ? value : '';
  const onInput = (event: Event) =>
    onChange((event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value);
  switch (field.kind) {
    case 'textarea':
      return <textarea rows={3} value={text} onInput={onInput} data-testid={testId} />;
    case 'select':
      return (
        <select value={text} onChange={onInput} data-testid={testId}>
          <option value="" />
          {field.options?.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      );
    case 'checkboxes':
      return (
        <span class="choices" data-testid={testId}>
          {field.options?.map((option) => (
            <label key={option.value}>
              <input
                type="checkbox"
                value={option.value}
                checked={(value as string[]).includes(option.value)}
                onChange={(event) =>
                  onChange(
                    event.currentTarget.checked
                      ? [...(value as string[]), option.value]
                      : (value as string[]).filter((chosen) => chosen !== option.value),
                  )
                }
              />
              {option.label}
            </label>
          ))}
        </span>
      );
    case 'measures':
      return (
        <MeasuresInput
          testId={testId}
          rows={value as MeasureRow[]}
          options={field.options ?? []}
          onChange={onChange}
        />
      );
    case 'documents':
      return (
        <DocumentsInput
          testId={testId}
          documents={value as DocumentReference[]}
          onChange={onChange}
        />
      );
    default:
      return (
        <input
          type={field.kind === 'date' ? 'date' : 'text'}
          inputMode={field.kind === 'yuan' ? 'decimal' : undefined}
          value={text}
          onInput={onInput}
          data-testid={testId}
        />
      );
  }
}

/** Uploads each chosen file at once, with its progress, and lists what arrived. */
function DocumentsInput({
  testId,
  documents,
  onChange,
}: {
  testId: string;
  documents: DocumentReference[];
  onChange: (documents: DocumentReference[]) => void;
}) {
  const { language } = useShared();
  const [kind, setKind] = useState('enforcement-ruling');
  const [progress, setProgress] = useState<number>();
  const [problem, setProblem] = useState<string>();
  const choose = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    let added = documents;
    for (const file of Array.from(input.files ?? [])) {
      try {
        const query = `kind=${kind}&fileName=${encodeURIComponent(file.name)}`;
        added = [
          ...added,
          await upload<DocumentReference>(`documents?${query}`, file, setProgress),
        ];
        setProblem(undefined);
      } catch (error) {
        setProblem(error instanceof Refused ? error.message : String(error));
      }
    }
    setProgress(undefined);
    input.value = '';
    onChange(added);
  };
  return (
    <span class="documents" data-testid={testId}>
      <select
        value={kind}
        aria-label={word(language, 'documentKind')}
        onChange={(event) => setKind(event.currentTarget.value)}
      >
        {DOCUMENT_KIND_CODES.map((documentKind) => (
          <option key={documentKind} value={documentKind}>
            {documentKindName(documentKind, language)}
          </option>
        ))}
      </select>
      <input
        type="file"
        multiple
        accept="application/pdf,image/jpeg,image/png"
        onChange={(event) => void choose(event)}
      />
      {progress !== undefined && (
        <progress max={1} value={progress}>
          {word(language, 'uploading')}
        </progress>
      )}
      {problem && <span class="error">{problem}</span>}
      <ul>
        {documents.map((document) => (
          <li key={document.documentId} data-testid="uploaded-document">
            {document.fileName} ({documentKindName(document.kind, language)},{' '}
            {Math.ceil(document.sizeBytes / 1024)} KiB)
          </li>
        ))}
      </ul>
    </span>
  );
}

/** The measures of a result, one row each: what was done, the sum frozen, until when. */
function MeasuresInput({
  testId,
  rows,
  options,
  onChange,
}: {
  testId: string;
  rows: MeasureRow[];
  options: { value: string; label: string }[];
  onChange: (rows: MeasureRow[]) => void;
}) {
  const { language } = useShared();
  const change = (index: number, part: Partial<MeasureRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...part } : row)));
  return (
    <span class="measures" data-testid={testId}>
      {rows.map((row, index) => (
        <span class="measure" key={index}>
          <select
            aria-label={word(language, 'measures')}
            value={row.matterType}
            data-testid={`${testId}-${index}-matterType`}
            onChange={(event) => change(index, { matterType: event.currentTarget.value })}
          >
            <option value="" />
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          <input
            inputMode="decimal"
            placeholder={word(language, 'amountFrozen')}
            value={row.amountFrozen}
            data-testid={`${testId}-${index}-amountFrozen`}
            onInput={(event) => change(index, { amountFrozen: event.currentTarget.value })}
          />
          <input
            type="date"
            aria-label={word(language, 'expiresOn')}
            value={row.expiresOn}
            data-testid={`${testId}-${index}-expiresOn`}
            onInput={(event) => change(index, { expiresOn: event.currentTarget.value })}
          />
          <button
            type="button"
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
            aria-label={word(language, 'removeMeasure')}
          >
            ×
          </button>
        </span>
      ))}
      <button
        type="button"
        data-testid={`${testId}-add`}
        onClick={() => onChange([...rows, { matterType: '', amountFrozen: '', expiresOn: '' }])}
      >
        {word(language, 'addMeasure')}
      </button>
    </span>
  );
}
