import { Anchor, Box, Container, Group, Text, ThemeIcon } from '@mantine/core';
import { IconLifebuoy } from '@tabler/icons-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';

/** The frame of the public help centre: no account needed, public articles only. */
export default function PublicKbLayout() {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <Group
        justify="space-between"
        px="md"
        py="sm"
        bg="white"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group gap={8}>
          <ThemeIcon size={32} radius="md">
            <IconLifebuoy size={20} />
          </ThemeIcon>
          <Text fw={700} size="lg">
            {t('app.name')}
          </Text>
        </Group>
        <Group gap="sm">
          <LanguageSwitcher />
          <Anchor component={Link} to="/login">
            {t('kb.portal.signIn')}
          </Anchor>
        </Group>
      </Group>
      <Container size="lg" py="lg">
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </Container>
    </Box>
  );
}
