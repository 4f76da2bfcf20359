import { Button, Group, Menu } from '@mantine/core';
import { IconChevronDown, IconFileDownload, IconPrinter, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { localDate } from '../../../shared/days';
import type { Contact } from '../../../shared/schemas/contact';
import { call } from '../../api/client';
import { saveFile } from '../../components/download';
import { notifyError, notifySuccess } from '../../components/notify';
import { EraseModal } from '../privacy/EraseModal';

/** A name as it can stand in a file name: "Müller-Lüdenscheidt" → "mueller-luedenscheidt". */
export function fileNamePart(text: string): string {
  const german = text.toLocaleLowerCase('de').replaceAll('ä', 'ae').replaceAll('ö', 'oe').replaceAll('ü', 'ue').replaceAll('ß', 'ss');
  return german
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The DSGVO actions on a contact's page: access (Art. 15) as a JSON file or a printout, and anonymisation (Art. 17). */
export function PrivacyActions({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [erasing, setErasing] = useState(false);
  const name = `${contact.firstName} ${contact.lastName}`;

  const downloadJson = async () => {
    try {
      const report = await call('privacy.access', { contactId: contact.id });
      const parts = [t('privacy.access.fileName'), fileNamePart(contact.lastName), fileNamePart(contact.firstName), localDate()].filter(Boolean);
      const fileName = `${parts.join('-')}.json`;
      saveFile(fileName, new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' }));
      notifySuccess(t('privacy.access.saved', { fileName }));
    } catch (error) {
      notifyError(t, error);
    }
  };

  return (
    <Group gap="xs">
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="default" rightSection={<IconChevronDown size={16} aria-hidden />} aria-label={t('privacy.access.menuLabel', { name })}>
            {t('privacy.access.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconFileDownload size={16} aria-hidden />} onClick={downloadJson}>
            {t('privacy.access.json')}
          </Menu.Item>
          <Menu.Item leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => navigate(`/print/privacy/${contact.id}`)}>
            {t('privacy.access.print')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Button variant="outline" color="red" leftSection={<IconUserOff size={18} aria-hidden />} onClick={() => setErasing(true)}>
        {t('privacy.erase.button')}
      </Button>
      <EraseModal contact={erasing ? contact : null} onClose={() => setErasing(false)} onErased={() => navigate('/contacts')} />
    </Group>
  );
}
