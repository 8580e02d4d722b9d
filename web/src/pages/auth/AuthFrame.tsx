import { Box, Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLifebuoy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';

/** The centred card around login and registration, with the language choice before sign-in. */
interface AuthFrameProps {
  title: string;
  subtitle?: string;
  /** Registration has its own language field, so the header switcher would be a second one. */
  withLanguageSwitcher?: boolean;
  children: ReactNode;
}

export function AuthFrame({ title, subtitle, withLanguageSwitcher = true, children }: AuthFrameProps) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="space-between" px="md" py="sm">
        <Group gap={8}>
          <ThemeIcon size={32} radius="md">
            <IconLifebuoy size={20} />
          </ThemeIcon>
          <Text fw={700} size="lg">
            {t('app.name')}
          </Text>
        </Group>
        {withLanguageSwitcher && <LanguageSwitcher />}
      </Group>
      <Center px="md" py={{ base: 'md', sm: 60 }}>
        <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} w="100%" maw={420}>
          <Stack gap="lg">
            <div>
              <Title order={1} size="h2">
                {title}
              </Title>
              {subtitle && (
                <Text c="dimmed" size="sm" mt={4}>
                  {subtitle}
                </Text>
              )}
            </div>
            {children}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
