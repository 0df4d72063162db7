import DataLoader from 'dataloader';
import { type ReturnModelType } from '@typegoose/typegoose';
import { type AnyParamConstructor } from '@typegoose/typegoose/lib/types';
import { Document, type Model, type Types } from 'mongoose';

/** A document as code creates it: the database (or mongoose) fills in what is missing. */
export type NewDocument<T> = Omit<T, '_id' | 'createdAt' | 'updatedAt'> & { _id?: Types.ObjectId };

/** How mongoose reports one document's failure in an unordered insertMany. */
interface FailedInsert {
  code?: number;
  err?: { code?: number };
}

/** The error one document of a batch met, shaped like a single insert's (code 11000 for a duplicate). */
class InsertError extends Error {
  constructor(readonly code: number | undefined) {
    super(code === 11000 ? 'duplicate key' : 'insert failed');
    this.name = 'InsertError';
  }
}

const outcomeOf = <T>(result: unknown): T | Error =>
  result instanceof Document
    ? (result.toObject() as T)
    : new InsertError((result as FailedInsert).code ?? (result as FailedInsert).err?.code);

/**
 * Inserts made in the same tick go to the database as one unordered insertMany: one
 * round trip and one transaction instead of one each, which is what lets a storm of
 * requests be recorded at the speed of the database rather than of its commits. Each
 * caller still gets its own outcome: its document, or the error its document met.
 */
export function batchedInserts<T extends object>(
  typed: ReturnModelType<AnyParamConstructor<T>>,
  maxBatch = 256,
) {
  // typegoose's model type and mongoose's generic one describe the same object.
  const model = typed as unknown as Model<T>;
  const loader = new DataLoader<NewDocument<T>, T>(
    async (docs) => {
      try {
        const inserted = await model.insertMany(docs as T[], {
          ordered: false,
          throwOnValidationError: true,
        });
        return inserted.map((doc) => doc.toObject() as T);
      } catch (error) {
        const results = (error as { results?: unknown[] }).results;
        return results ? results.map((result) => outcomeOf<T>(result)) : docs.map(() => error as Error);
      }
    },
    { cache: false, maxBatchSize: maxBatch },
  );
  return (doc: NewDocument<T>): Promise<T> => loader.load(doc);
}
