import type { GraphQLErrorShape } from '@rewardgraph/api-client';
import { CombinedError } from 'urql';

/** What the API said went wrong: a message to show, its code, and the fields it names. */
export interface ApiProblem {
  message: string;
  code?: string;
  /** Field path → what is wrong with it (from `extensions.field` / `extensions.fields`). */
  fields: Record<string, string>;
}

/** A failed call outside urql (signing in and out), carrying the API's errors. */
export class ApiError extends Error {
  constructor(readonly errors: GraphQLErrorShape[]) {
    super(errors[0]?.message ?? 'The request failed');
  }
}

type FieldProblems = { field: string; problems: string[] }[];

function fromShape(error: GraphQLErrorShape | undefined, fallback: string): ApiProblem {
  if (!error) return { message: fallback, fields: {} };
  const extensions = error.extensions ?? {};
  const fields: Record<string, string> = {};
  for (const { field, problems } of (extensions.fields as FieldProblems | undefined) ?? []) {
    fields[field] = problems.join('; ');
  }
  if (typeof extensions.field === 'string') fields[extensions.field] = error.message;
  return { message: error.message, code: extensions.code, fields };
}

/**
 * One reading of every error the dashboard meets, so each page shows the server's own
 * words and codes the same way: urql's CombinedError, ApiError, or anything thrown.
 */
export function apiProblem(error: unknown): ApiProblem {
  if (error instanceof CombinedError) {
    if (error.networkError) {
      return {
        message: 'The API cannot be reached. Check your connection and try again.',
        code: 'NETWORK',
        fields: {},
      };
    }
    return fromShape(error.graphQLErrors[0] as GraphQLErrorShape | undefined, error.message);
  }
  if (error instanceof ApiError) return fromShape(error.errors[0], error.message);
  if (error instanceof TypeError) {
    return {
      message: 'The API cannot be reached. Check your connection and try again.',
      code: 'NETWORK',
      fields: {},
    };
  }
  return { message: error instanceof Error ? error.message : String(error), fields: {} };
}

/** The field errors of a form, keyed by the input's field names (`input.name` → `name`). */
export function fieldProblems(problem: ApiProblem | undefined, prefix = 'input.'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(problem?.fields ?? {})) {
    out[path.startsWith(prefix) ? path.slice(prefix.length) : path] = text;
  }
  return out;
}
