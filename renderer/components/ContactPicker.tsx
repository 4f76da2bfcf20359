import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../shared/schemas/contact';
import { useContact, useContactSearch } from '../api/queries';

const nameOf = (contact: Pick<Contact, 'firstName' | 'lastName'>) => `${contact.firstName} ${contact.lastName}`;

/**
 * Picks one contact by typing part of the name (the server matches
 * phonetically, so "Meyer" finds Maier). Answers the whole contact, so a form
 * can take over the address; clearing answers null.
 */
export function ContactPicker({
  value,
  onChange,
  excludeIds = [],
  ...props
}: {
  value: string | null;
  onChange: (contact: Contact | null) => void;
  excludeIds?: readonly string[];
} & Omit<SelectProps, 'value' | 'onChange' | 'data' | 'searchValue' | 'onSearchChange'>) {
  const { t } = useTranslation();
  const selected = useContact(value ?? undefined);
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 120);
  const selectedName = selected.data ? nameOf(selected.data) : '';
  // Mantine writes the chosen name into the search field; that is no new search.
  const results = useContactSearch(query === selectedName ? '' : query);

  const found = (results.data ?? []).filter((contact) => !excludeIds.includes(contact.id));
  const options = new Map<string, Contact>(found.map((contact) => [contact.id, contact]));
  if (selected.data) options.set(selected.data.id, selected.data);

  return (
    <Select
      {...props}
      searchable
      clearable
      value={value}
      searchValue={search}
      onSearchChange={(text) => {
        setSearch(text);
        // Erasing the name clears the choice, as the clear button does.
        if (text === '' && value) onChange(null);
      }}
      clearButtonProps={{ 'aria-label': t('picker.clear') }}
      // The server has already matched (phonetically); filtering again by letters would hide "Maier" for "Meyer".
      filter={({ options: all }) => all}
      data={[...options.values()].map((contact) => ({ value: contact.id, label: nameOf(contact) }))}
      renderOption={({ option }) => {
        const contact = options.get(option.value);
        return (
          <span>
            {option.label}
            {contact?.city && <span style={{ opacity: 0.65 }}> · {contact.city}</span>}
          </span>
        );
      }}
      nothingFoundMessage={query ? t('picker.nothingFound') : t('picker.typeToSearch')}
      onChange={(id) => onChange(id ? (options.get(id) ?? null) : null)}
    />
  );
}
