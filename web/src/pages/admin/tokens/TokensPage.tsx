import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconKeyOff, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiToken, listTokens, revokeToken, type TokenReach, tokenQueryKeys } from '../../../api/tokens.ts';
import { formatDateTime } from '../../../app/format.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { CreateTokenModal } from './CreateTokenModal.tsx';

/** When the token stops working: a date, "never", or marked expired (refused, still listed). */
function Expiry({ token }: { token: ApiToken }) {
  const { t } = useTranslation();
  if (token.expiresAt === null) return <Text size="sm">{t('apiTokens.neverExpires')}</Text>;
  if (!token.expired) return <Text size="sm">{formatDateTime(token.expiresAt)}</Text>;
  return (
    <Stack gap={2} align="flex-start">
      <Badge color="red" variant="light" style={{ flexShrink: 0 }}>
        {t('apiTokens.expired')}
      </Badge>
      <Text size="xs" c="dimmed">
        {formatDateTime(token.expiresAt)}
      </Text>
    </Stack>
  );
}

/** The token's scopes as badges, or one badge when it may use all of its user's permissions. */
function ScopeBadges({ scopes }: { scopes: string[] | null }) {
  const { t } = useTranslation();
  if (scopes === null) {
    return (
      <Badge variant="light" color="indigo" tt="none">
        {t('apiTokens.allOfUser')}
      </Badge>
    );
  }
  return (
    <Group gap={4}>
      {scopes.map((scope) => (
        <Badge key={scope} variant="light" color="gray" tt="none" title={scope} data-scope={scope}>
          {t(`permission.${scope}.label`, { defaultValue: scope })}
        </Badge>
      ))}
    </Group>
  );
}

function RevokeModal({ reach, token, onClose }: { reach: TokenReach; token: ApiToken | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (id: number) => revokeToken(reach, id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: tokenQueryKeys[reach].list });
      notifications.show({ color: 'green', message: t('apiTokens.revoked', { name: token?.name }) });
      close();
    },
  });
  const close = () => {
    revoke.reset();
    onClose();
  };
  return (
    <Modal opened={token !== null} onClose={close} title={t('apiTokens.revoke')}>
      {token && (
        <Stack>
          {revoke.error && <ErrorAlert error={revoke.error} />}
          <Text size="sm">{t('apiTokens.revokeConfirm', { name: token.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate(token.id)}>
              {t('apiTokens.revoke')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/**
 * API tokens: every user's for token administration (who each acts as, what it may do,
 * revocation), or with `reach="own"` the signed-in user's own, from the user menu.
 */
export default function TokensPage({ reach = 'any' }: { reach?: TokenReach }) {
  const { t } = useTranslation();
  const [createOpened, createModal] = useDisclosure(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const tokens = useQuery({
    queryKey: tokenQueryKeys[reach].list,
    queryFn: async () => (await listTokens(reach)).items,
  });
  // Own tokens all act as the signed-in user: the "acts as" column would only repeat their name.
  const own = reach === 'own';
  const title = t(own ? 'apiTokens.myTitle' : 'apiTokens.title');
  const columns = own ? 6 : 7;

  return (
    <>
      <Group justify="space-between" mb="xs">
        <Title order={1} size="h3">
          {title}
        </Title>
        <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
          {t('apiTokens.create')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t(own ? 'apiTokens.myIntro' : 'apiTokens.intro')}
      </Text>
      {tokens.error && <ErrorAlert error={tokens.error} mb="md" />}
      {tokens.data?.length === 0 ? (
        <EmptyState title={t('apiTokens.none')} />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={880}>
            <Table verticalSpacing="xs" aria-label={title}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('apiTokens.name')}</Table.Th>
                  {!own && <Table.Th>{t('apiTokens.actsAs')}</Table.Th>}
                  <Table.Th>{t('apiTokens.scopes')}</Table.Th>
                  <Table.Th>{t('apiTokens.createdAt')}</Table.Th>
                  <Table.Th>{t('apiTokens.lastUsed')}</Table.Th>
                  <Table.Th>{t('apiTokens.expires')}</Table.Th>
                  <Table.Th w={48}>
                    <VisuallyHidden>{t('admin.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.isPending && (
                  <Table.Tr>
                    <Table.Td colSpan={columns}>
                      <Skeleton h={24} />
                    </Table.Td>
                  </Table.Tr>
                )}
                {tokens.data?.map((token) => (
                  <Table.Tr key={token.id} data-token={token.name} data-expired={token.expired || undefined}>
                    <Table.Td fw={600} c={token.expired ? 'dimmed' : undefined}>
                      {token.name}
                    </Table.Td>
                    {!own && <Table.Td>{token.userName}</Table.Td>}
                    <Table.Td maw={420} miw={232}>
                      <ScopeBadges scopes={token.scopes} />
                    </Table.Td>
                    <Table.Td>{formatDateTime(token.createdAt)}</Table.Td>
                    <Table.Td>
                      {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('apiTokens.neverUsed')}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Expiry token={token} />
                    </Table.Td>
                    <Table.Td ta="center">
                      {/* An icon with a tooltip: the table stays within the page at laptop widths. */}
                      <Tooltip label={t('apiTokens.revoke')} withArrow>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          onClick={() => setRevoking(token)}
                          aria-label={t('apiTokens.revokeNamed', { name: token.name })}
                        >
                          <IconKeyOff size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <CreateTokenModal reach={reach} opened={createOpened} onClose={createModal.close} />
      <RevokeModal reach={reach} token={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}
