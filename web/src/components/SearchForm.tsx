import { TextInput, type TextInputProps } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface SearchFormProps extends Omit<TextInputProps, 'value' | 'onChange' | 'onSubmit'> {
  /** Agents search everything they may see, customers their tickets: the placeholder says which. */
  area: 'agent' | 'portal';
  initial?: string;
  /** Empty the box after a non-empty search (the header's box, which leaves the page). */
  clearOnSubmit?: boolean;
  /** Called with the trimmed query, which may be empty. */
  onSearch: (q: string) => void;
}

/** A search box: submitting (Enter) searches. Shared by the header and the results page. */
export function SearchForm({ area, initial = '', clearOnSubmit = false, onSearch, ...props }: SearchFormProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const q = text.trim();
        if (clearOnSubmit && q) setText('');
        onSearch(q);
      }}
    >
      <TextInput
        aria-label={t('search.label')}
        placeholder={t(area === 'agent' ? 'search.placeholder' : 'search.placeholderPortal')}
        leftSection={<IconSearch size={16} />}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        type="search"
        {...props}
      />
    </form>
  );
}
