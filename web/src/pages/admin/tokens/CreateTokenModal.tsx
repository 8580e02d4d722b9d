import { Alert, Button, Group, Modal, Radio, SimpleGrid, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import {
  type CreateTokenInput,
  createToken,
  fetchTokenScopes,
  type TokenReach,
  tokenQueryKeys,
} from '../../../api/tokens.ts';
import { formatDateTime } from '../../../app/format.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { ShownOnceSecret } from '../../../components/ShownOnceSecret.tsx';
import { PermissionGroupCard } from '../PermissionsTab.tsx';

/** Lifetimes offered, in days; the server allows any instant up to two years ahead. */
const EXPIRY_CHOICES = ['30', '90', '365', 'never'] as const;
type ExpiryChoice = (typeof EXPIRY_CHOICES)[number];

interface FormValues {
  name: string;
  mode: 'all' | 'chosen';
  scopes: string[];
  expiry: ExpiryChoice;
}

/** The instant a choice means, counted from `now`; null = never. */
function expiryInstant(choice: ExpiryChoice, now: number): string | null {
  return choice === 'never' ? null : new Date(now + Number(choice) * 86_400_000).toISOString();
}

/** The scope checklist: the caller's own permissions, grouped as the role editor groups them. */
function ScopePicker({
  reach,
  value,
  onChange,
  error,
}: {
  reach: TokenReach;
  value: string[];
  onChange: (v: string[]) => void;
  error?: string;
}) {
  const groups = useQuery({
    queryKey: tokenQueryKeys[reach].scopes,
    queryFn: async () => (await fetchTokenScopes(reach)).groups,
  });
  const chosen = new Set(value);
  const toggle = (names: string[], on: boolean) => {
    const next = new Set(chosen);
    for (const name of names) {
      if (on) next.add(name);
      else next.delete(name);
    }
    onChange([...next].sort());
  };
  return (
    <Stack gap="xs">
      {error && (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      )}
      {groups.error && <ErrorAlert error={groups.error} />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {groups.isPending && [0, 1].map((i) => <Skeleton key={i} h={200} />)}
        {groups.data?.map((group) => (
          <PermissionGroupCard
            key={group.key}
            groupKey={group.key}
            permissions={group.permissions}
            granted={chosen}
            onToggle={toggle}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function CreateTokenForm({
  reach,
  onCreated,
  onCancel,
}: {
  reach: TokenReach;
  onCreated: (token: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<FormValues>({
    // A limited lifetime by default: a forgotten token should not work for ever.
    initialValues: { name: '', mode: 'all', scopes: [], expiry: '90' },
    validate: {
      name: (value) => (value.trim() ? null : t('common.required')),
      scopes: (value, values) => (values.mode === 'chosen' && value.length === 0 ? t('apiTokens.noScopes') : null),
    },
  });
  const create = useMutation({
    mutationFn: (input: CreateTokenInput) => createToken(reach, input),
    onSuccess: ({ token }) => {
      void queryClient.invalidateQueries({ queryKey: tokenQueryKeys[reach].list });
      onCreated(token);
    },
    onError: (error) => {
      if (isApiError(error) && error.fields?.includes('scopes')) form.setFieldError('scopes', t('apiTokens.badScopes'));
    },
  });
  const submit = (values: FormValues) =>
    create.mutate({
      name: values.name.trim(),
      scopes: values.mode === 'all' ? null : values.scopes,
      expiresAt: expiryInstant(values.expiry, Date.now()),
    });
  const expiresAt = expiryInstant(form.values.expiry, Date.now());

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        {create.error && <ErrorAlert error={create.error} />}
        <TextInput
          label={t('apiTokens.name')}
          description={t('apiTokens.nameHint')}
          required
          data-autofocus
          maxLength={100}
          {...form.getInputProps('name')}
        />
        <Radio.Group
          label={t('apiTokens.expiry')}
          description={t('apiTokens.expiryHint')}
          {...form.getInputProps('expiry')}
        >
          <Group gap="lg" mt="xs">
            {EXPIRY_CHOICES.map((choice) => (
              <Radio
                key={choice}
                value={choice}
                label={t(choice === 'never' ? 'apiTokens.expiryNever' : `apiTokens.expiry${choice}`)}
              />
            ))}
          </Group>
          {expiresAt && (
            <Text size="xs" c="dimmed" mt={6} data-testid="token-expires-on">
              {t('apiTokens.expiresOn', { date: formatDateTime(expiresAt) })}
            </Text>
          )}
        </Radio.Group>
        <Radio.Group
          label={t('apiTokens.scopes')}
          description={t('apiTokens.scopesHint')}
          {...form.getInputProps('mode')}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="all" label={t('apiTokens.allMine')} description={t('apiTokens.allMineHint')} />
            <Radio value="chosen" label={t('apiTokens.chosen')} description={t('apiTokens.chosenHint')} />
          </Stack>
        </Radio.Group>
        {form.values.mode === 'chosen' && (
          <ScopePicker
            reach={reach}
            value={form.values.scopes}
            onChange={(scopes) => form.setFieldValue('scopes', scopes)}
            error={typeof form.errors.scopes === 'string' ? form.errors.scopes : undefined}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('apiTokens.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Creates a token acting as the signed-in user (through token administration or their own
 * tokens, per `reach`), limited to chosen scopes or with all of their permissions. The secret
 * lives only in this dialog's state and is gone when it closes.
 */
export function CreateTokenModal({
  reach,
  opened,
  onClose,
}: {
  reach: TokenReach;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [token, setToken] = useState<string | null>(null);
  const close = () => {
    setToken(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('apiTokens.create')} size="xl">
      {opened &&
        (token ? (
          <ShownOnceSecret
            title={t('apiTokens.created')}
            hint={t('apiTokens.createdHint')}
            value={token}
            testId="new-api-token"
            fz="sm"
            onDone={close}
          />
        ) : (
          <CreateTokenForm reach={reach} onCreated={setToken} onCancel={close} />
        ))}
    </Modal>
  );
}
