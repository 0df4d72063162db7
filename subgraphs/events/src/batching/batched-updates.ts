import DataLoader from 'dataloader';
import { type ReturnModelType } from '@typegoose/typegoose';
import { type AnyParamConstructor } from '@typegoose/typegoose/lib/types';
import { type Model, type UpdateQuery } from 'mongoose';

export interface UpdateOne<T> {
  filter: Record<string, unknown>;
  update: UpdateQuery<T>;
}

/**
 * Single-document updates made in the same tick go to the database as one unordered
 * bulkWrite: one round trip for all the requests a storm decides at once. Each caller
 * learns only whether its own update failed.
 */
export function batchedUpdates<T>(typed: ReturnModelType<AnyParamConstructor<T>>, maxBatch = 256) {
  const model = typed as unknown as Model<T>;
  const loader = new DataLoader<UpdateOne<T>, void>(
    async (updates) => {
      try {
        await model.bulkWrite(
          updates.map(({ filter, update }) => ({ updateOne: { filter, update } })) as never,
          { ordered: false },
        );
        return updates.map(() => undefined);
      } catch (error) {
        const failures = (error as { writeErrors?: { index: number }[] }).writeErrors;
        if (!failures) return updates.map(() => error as Error);
        const failed = new Set(failures.map((failure) => failure.index));
        return updates.map((_, index) => (failed.has(index) ? (error as Error) : undefined));
      }
    },
    { cache: false, maxBatchSize: maxBatch },
  );
  return (update: UpdateOne<T>): Promise<void> => loader.load(update);
}
