import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../common/domain.ts';
import { type Me, updateMe } from '../api/auth.ts';
import { queryKeys } from '../api/keys.ts';
import { useMe } from '../app/session.ts';
import i18n, { currentLocale, LANGUAGE_NAMES } from '../i18n/index.ts';

/** Switches the interface language at once and, when signed in, saves it to the profile. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const active = currentLocale();
  const save = useMutation({
    mutationFn: (locale: Locale) => updateMe({ locale }),
    onSuccess: (user) => {
      queryClient.setQueryData<Me | null>(queryKeys.me, (old) => (old ? { ...old, user } : old));
    },
    onError: () => notifications.show({ color: 'red', message: t('language.saveFailed') }),
  });

  const choose = (locale: Locale) => {
    void i18n.changeLanguage(locale);
    if (me && me.user.locale !== locale) save.mutate(locale);
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconLanguage size={18} />}
          aria-label={`${t('language.label')}: ${LANGUAGE_NAMES[active]}`}
          px="xs"
        >
          {active.toUpperCase()}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('language.label')}</Menu.Label>
        {LOCALES.map((locale) => (
          <Menu.Item
            key={locale}
            lang={locale}
            onClick={() => choose(locale)}
            rightSection={locale === active ? <IconCheck size={14} /> : null}
          >
            {LANGUAGE_NAMES[locale]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
