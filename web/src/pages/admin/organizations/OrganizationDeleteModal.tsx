import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLink } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { deleteOrganization, type Organization } from '../../../api/organizations.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useOrganizationsChanged } from './useOrganizations.ts';

const REFERENCES = ['members', 'tickets', 'contracts'] as const;

/**
 * Confirms deleting an organization. While members, tickets or SLA contracts refer to it the
 * server refuses with 409 `in_use` and names which; that is explained right here.
 */
export function OrganizationDeleteModal({
  organization,
  onClose,
}: {
  organization: Organization | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const changed = useOrganizationsChanged();
  const remove = useMutation({
    mutationFn: (target: Organization) => deleteOrganization(target.id),
    onSuccess: (_, target) => {
      changed();
      notifications.show({ color: 'green', message: t('orgAdmin.deleted', { name: target.name }) });
      close();
    },
  });
  const close = () => {
    remove.reset();
    onClose();
  };
  const inUse = isApiError(remove.error) && remove.error.code === 'in_use' ? remove.error.fields : null;

  return (
    <Modal opened={organization !== null} onClose={close} title={t('orgAdmin.deleteTitle')}>
      {organization && (
        <Stack>
          {inUse ? (
            <Alert
              color="orange"
              variant="light"
              icon={<IconLink size={18} />}
              title={t('admin.catalog.notDeleted')}
              data-testid="in-use"
            >
              <Text size="sm">{t('orgAdmin.inUse', { name: organization.name })}</Text>
              <List size="sm" mt="xs">
                {REFERENCES.filter((ref) => inUse.includes(ref)).map((ref) => (
                  <List.Item key={ref}>{t(`orgAdmin.inUseBy.${ref}`)}</List.Item>
                ))}
              </List>
            </Alert>
          ) : (
            <>
              <ErrorAlert error={remove.error} title={t('admin.catalog.notDeleted')} />
              <Text size="sm">{t('orgAdmin.deleteConfirm', { name: organization.name })}</Text>
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {inUse ? t('common.done') : t('common.cancel')}
            </Button>
            {!inUse && (
              <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(organization)}>
                {t('admin.catalog.delete')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
