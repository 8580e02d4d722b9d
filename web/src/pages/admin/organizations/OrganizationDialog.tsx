import { Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { createOrganization, type Organization, updateOrganization } from '../../../api/organizations.ts';
import { MAX_NAME_LENGTH, nameRule } from '../CategoryDialogs.tsx';
import { EditorForm, EditorModal } from '../sla/EditorDialog.tsx';
import { useOrganizationsChanged } from './useOrganizations.ts';

/** What the dialog does: create an organization, or change one. */
export type OrganizationDialogTarget = { mode: 'create' } | { mode: 'edit'; organization: Organization };

// The same shape the server accepts (it has the final say); "@" in front is forgiven there too.
const DOMAIN = /^@?([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]{2,63}$/i;

interface Values {
  name: string;
  domain: string;
  sharedTickets: boolean;
}

function OrganizationForm({ target, onDone }: { target: OrganizationDialogTarget; onDone: () => void }) {
  const { t } = useTranslation();
  const changed = useOrganizationsChanged();
  const organization = target.mode === 'edit' ? target.organization : null;
  const form = useForm<Values>({
    initialValues: {
      name: organization?.name ?? '',
      domain: organization?.domain ?? '',
      sharedTickets: organization?.sharedTickets ?? false,
    },
    validate: {
      name: nameRule(t),
      domain: (value) => (value.trim() === '' || DOMAIN.test(value.trim()) ? null : t('orgAdmin.domainInvalid')),
    },
  });
  const save = useMutation({
    mutationFn: async (values: Values) => {
      const input = {
        name: values.name.trim(),
        domain: values.domain.trim() || null,
        sharedTickets: values.sharedTickets,
      };
      if (organization) await updateOrganization(organization.id, input);
      else await createOrganization(input);
      return input.name;
    },
    onSuccess: (name) => {
      changed();
      notifications.show({
        color: 'green',
        message: t(organization ? 'orgAdmin.saved' : 'orgAdmin.created', { name }),
      });
      onDone();
    },
    onError: (error) => {
      if (!isApiError(error)) return;
      if (error.code === 'domain_taken') form.setFieldError('domain', t('orgAdmin.domainTaken'));
      else if (error.fields.includes('domain')) form.setFieldError('domain', t('orgAdmin.domainInvalid'));
      else if (error.fields.includes('name')) form.setFieldError('name', t('common.required'));
    },
  });
  const shownOnField = isApiError(save.error) && save.error.fields.some((f) => f === 'name' || f === 'domain');

  return (
    <EditorForm
      onSubmit={form.onSubmit((values) => save.mutate(values))}
      error={shownOnField ? null : save.error}
      saving={save.isPending}
      creating={organization === null}
      onCancel={onDone}
    >
      <TextInput
        label={t('orgAdmin.name')}
        required
        data-autofocus
        maxLength={MAX_NAME_LENGTH}
        {...form.getInputProps('name')}
      />
      <TextInput
        label={t('orgAdmin.domain')}
        description={t('orgAdmin.domainHint')}
        placeholder="example.com"
        maxLength={253}
        {...form.getInputProps('domain')}
      />
      <Switch
        label={t('orgAdmin.shared')}
        description={t('orgAdmin.sharedHint')}
        {...form.getInputProps('sharedTickets', { type: 'checkbox' })}
      />
    </EditorForm>
  );
}

/** Creates an organization or changes its name, domain and ticket sharing. */
export function OrganizationModal({
  target,
  onClose,
}: {
  target: OrganizationDialogTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const title = target?.mode === 'edit' ? t('orgAdmin.editTitle') : t('orgAdmin.createTitle');
  return (
    <EditorModal target={target} title={title} size="md" onClose={onClose}>
      {(shown) => <OrganizationForm target={shown} onDone={onClose} />}
    </EditorModal>
  );
}
