import { ActionIcon, Button, Group, Input, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { VendorForm } from './useVendorForm.ts';
import { emptyContact, VENDOR_LIMITS } from './vendor-form.ts';

const CAPTIONS = [
  ['admin.vendors.contactName', 1.2],
  ['admin.vendors.email', 1.2],
  ['admin.vendors.phone', 1],
] as const;

/** The vendor's people: name, e-mail and phone per row; rows are added and removed freely. */
export function ContactsEditor({ form }: { form: VendorForm }) {
  const { t } = useTranslation();
  const contacts = form.values.contacts;
  const full = contacts.length >= VENDOR_LIMITS.contacts;

  return (
    <Input.Wrapper
      label={t('admin.vendors.contacts')}
      description={t('admin.vendors.contactsHint')}
      error={form.errors.contacts}
    >
      <Stack gap="xs" mt={8}>
        {contacts.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('admin.vendors.noContacts')}
          </Text>
        )}
        {contacts.length > 0 && (
          // Column captions: the inputs themselves only carry placeholders, which vanish once typed in.
          <Group gap="xs" wrap="nowrap" px="xs" pr={46} aria-hidden>
            {CAPTIONS.map(([key, flex]) => (
              <Text key={key} size="xs" fw={500} c="dimmed" style={{ flex }}>
                {t(key)}
              </Text>
            ))}
          </Group>
        )}
        {contacts.map((contact, i) => {
          const n = i + 1;
          return (
            <Paper key={contact.key} withBorder p="xs" bg="gray.0" data-testid={`contact-${n}`}>
              <Group gap="xs" align="flex-start" wrap="nowrap">
                <TextInput
                  style={{ flex: 1.2 }}
                  placeholder={t('admin.vendors.contactName')}
                  aria-label={t('admin.vendors.contactNameN', { n })}
                  required
                  maxLength={VENDOR_LIMITS.name}
                  {...form.getInputProps(`contacts.${i}.name`)}
                />
                <TextInput
                  style={{ flex: 1.2 }}
                  type="email"
                  placeholder={t('admin.vendors.email')}
                  aria-label={t('admin.vendors.contactEmailN', { n })}
                  maxLength={VENDOR_LIMITS.email}
                  {...form.getInputProps(`contacts.${i}.email`)}
                />
                <TextInput
                  style={{ flex: 1 }}
                  type="tel"
                  placeholder={t('admin.vendors.phone')}
                  aria-label={t('admin.vendors.contactPhoneN', { n })}
                  maxLength={VENDOR_LIMITS.phone}
                  {...form.getInputProps(`contacts.${i}.phone`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  mt={4}
                  aria-label={t('admin.vendors.removeContact', { n })}
                  onClick={() => form.removeListItem('contacts', i)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            </Paper>
          );
        })}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconUserPlus size={14} />}
            disabled={full}
            onClick={() => form.insertListItem('contacts', emptyContact())}
          >
            {t('admin.vendors.addContact')}
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
