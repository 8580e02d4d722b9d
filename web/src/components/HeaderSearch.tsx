import { TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Me } from '../api/auth.ts';
import { hasPermission } from '../app/session.ts';

/** The search box of the header: agents search everything they may see, customers their tickets. */
export function HeaderSearch({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const area = hasPermission(me, 'menu.agent') ? 'agent' : hasPermission(me, 'menu.portal') ? 'portal' : null;
  if (!area) return null;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const q = text.trim();
        if (!q) return;
        setText('');
        void navigate(`/${area}/search?q=${encodeURIComponent(q)}`);
      }}
    >
      <TextInput
        aria-label={t('search.label')}
        placeholder={t(area === 'agent' ? 'search.placeholder' : 'search.placeholderPortal')}
        leftSection={<IconSearch size={16} />}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        type="search"
        w={260}
        visibleFrom="sm"
      />
    </form>
  );
}
