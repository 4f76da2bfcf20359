import { Button } from '@mantine/core';
import { IconDatabaseImport, IconSparkles } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLoadDemo } from '../../api/queries';
import { notifyError, notifySuccess } from '../../components/notify';
import { Placeholder } from '../../components/Placeholder';
import { ShortcutButton } from '../../components/shortcuts';

/** The first thing a new user sees: where to begin, or demo data to look around. */
export function StartScreen() {
  const { t } = useTranslation();
  const loadDemo = useLoadDemo();

  const load = async () => {
    try {
      const loaded = await loadDemo.mutateAsync();
      notifySuccess(t('start.demoLoaded', loaded));
    } catch (error) {
      notifyError(t, error);
    }
  };

  return (
    <Placeholder
      icon={<IconSparkles size={36} aria-hidden />}
      title={t('start.title')}
      description={t('start.description')}
      actions={
        <>
          <ShortcutButton name="newEvent">{t('events.create')}</ShortcutButton>
          <ShortcutButton name="newContact" variant="light">
            {t('contacts.create')}
          </ShortcutButton>
          <Button
            variant="default"
            leftSection={<IconDatabaseImport size={18} aria-hidden />}
            onClick={load}
            loading={loadDemo.isPending}
          >
            {t('start.loadDemo')}
          </Button>
        </>
      }
    />
  );
}
