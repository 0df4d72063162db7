import { useState, type FormEvent } from 'react';
import { apiProblem, fieldProblems } from '../graphql/api-error';

export type FormErrors<V> = Partial<Record<keyof V & string, string>>;

/**
 * A form's values, its own checks (shown once the operator tried to save) and the API's
 * refusal: field errors keyed like the values, as the input names them, until that
 * field changes; `unplaced` is a refusal no field shows (e.g. a CONFLICT), for above the
 * form. `onSubmit` saves and answers the error it met (as urql gives it), or null.
 */
export function useCheckedForm<V extends object>({
  initial,
  check,
  onSubmit,
}: {
  initial: V;
  check: (values: V) => FormErrors<V>;
  onSubmit: (values: V) => Promise<unknown>;
}) {
  const [values, setValues] = useState(initial);
  const [attempted, setAttempted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [serverErrors, setServerErrors] = useState<FormErrors<V>>({});

  const clientErrors = attempted ? check(values) : {};
  const errors: FormErrors<V> = { ...serverErrors, ...clientErrors };
  const refused = refusal !== null && refusal !== undefined;
  const placed = refused && Object.keys(fieldProblems(apiProblem(refusal))).some((field) => field in initial);

  const change = <K extends keyof V & string>(key: K, value: V[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setServerErrors((current) => {
      const rest = { ...current };
      delete rest[key];
      return rest;
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (Object.keys(check(values)).length > 0) return;
    setSaving(true);
    const error = await onSubmit(values);
    setSaving(false);
    setRefusal(error ?? null);
    setServerErrors(error ? (fieldProblems(apiProblem(error)) as FormErrors<V>) : {});
  };

  return {
    values,
    change,
    errors,
    serverErrors,
    /** The operator tried to save with errors of the form's own. */
    blocked: Object.keys(clientErrors).length > 0,
    unplaced: refused && !placed ? refusal : null,
    saving,
    submit: (event: FormEvent) => void submit(event),
  };
}
