import { Badge, Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import {
  CreateRewardDocument,
  UpdateRewardDocument,
  type RewardFieldsFragment,
} from '@rewardgraph/api-client';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { apiProblem, fieldProblems } from '../graphql/api-error';
import { notifyDone } from '../ui/notify';
import { ErrorNotice } from '../ui/query-state';
import {
  changedInput,
  createInput,
  EMPTY_REWARD,
  rewardProblems,
  valuesOf,
  type RewardFormErrors,
  type RewardFormValues,
} from './reward-form-values';
import { isRewardType, REWARD_TYPES, TYPE_FIELDS, TYPE_LABEL } from './reward-kinds';
import { RewardTypeFields } from './reward-type-fields';

/** The fields on screen: the type only while creating, and the chosen type's own. */
function shownFields(values: RewardFormValues, creating: boolean): string[] {
  return [...(creating ? ['type'] : []), 'name', ...(values.type ? TYPE_FIELDS[values.type] : [])];
}

/**
 * Creates a reward (the type first, then exactly that type's fields) or edits one (its
 * type fixed; only what changed is sent). Mistakes show on their fields, the client's
 * and the server's (BAD_USER_INPUT) alike; any other refusal above the form.
 */
export function RewardFormModal({ reward, onClose }: { reward?: RewardFieldsFragment; onClose: () => void }) {
  const [initial] = useState(() => (reward ? valuesOf(reward) : EMPTY_REWARD));
  const [values, setValues] = useState<RewardFormValues>(initial);
  const [errors, setErrors] = useState<RewardFormErrors>({});
  const [failure, setFailure] = useState<unknown>();
  const [created, create] = useMutation(CreateRewardDocument);
  const [updated, update] = useMutation(UpdateRewardDocument);
  const saving = created.fetching || updated.fetching;
  const changes = reward ? changedInput(initial, values) : undefined;
  const unchanged = changes !== undefined && Object.keys(changes).length === 0;

  const change = (next: Partial<RewardFormValues>) => {
    setValues((current) => ({ ...current, ...next }));
    setErrors((current) => {
      const rest = { ...current };
      for (const field of Object.keys(next)) delete rest[field as keyof RewardFormValues];
      return rest;
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = rewardProblems(values);
    setErrors(problems);
    setFailure(undefined);
    if (Object.keys(problems).length > 0 || !values.type) return;
    const result = reward
      ? await update({ id: reward.id, input: changes ?? {} })
      : await create({ input: createInput({ ...values, type: values.type }) });
    if (!result.error) {
      notifyDone(reward ? `Saved “${values.name.trim()}”` : `Created “${values.name.trim()}”`);
      onClose();
      return;
    }
    // A problem with a field not on screen would be lost there: it goes above the form.
    const fields = shownFields(values, !reward);
    const answered = Object.entries(fieldProblems(apiProblem(result.error)));
    if (answered.length > 0 && answered.every(([field]) => fields.includes(field))) {
      setErrors(Object.fromEntries(answered));
    } else setFailure(result.error);
  };

  return (
    <Modal opened onClose={onClose} title={reward ? 'Edit reward' : 'New reward'} size="lg">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          {failure !== undefined && (
            <ErrorNotice error={failure} title={reward ? 'Could not save' : 'Could not create'} />
          )}
          {reward ? (
            <Group gap="xs">
              <Text size="sm" fw={500}>
                Type
              </Text>
              <Badge variant="outline" color="dark">
                {TYPE_LABEL[reward.type]}
              </Badge>
              <Text size="sm">(a reward's type never changes)</Text>
            </Group>
          ) : (
            <Radio.Group
              label="Type"
              description="Pick it first: each type has its own fields"
              required
              value={values.type}
              onChange={(type) => isRewardType(type) && change({ type })}
              error={errors.type}
            >
              <Group mt="xs">
                {REWARD_TYPES.map((type) => (
                  <Radio key={type} value={type} label={TYPE_LABEL[type]} />
                ))}
              </Group>
            </Radio.Group>
          )}
          <TextInput
            label="Name"
            required
            value={values.name}
            onChange={(event) => change({ name: event.currentTarget.value })}
            error={errors.name}
          />
          <RewardTypeFields values={values} errors={errors} onChange={change} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving} disabled={saving || unchanged}>
              {reward ? 'Save changes' : 'Create reward'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
