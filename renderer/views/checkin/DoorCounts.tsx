import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';

const keys = ['invited', 'accepted', 'arrived', 'walkIns', 'notArrived'] as const;

/** The live counts at the top of the door view, in large type; each reads "12 eingeladen" (the number above its word). */
export function DoorCounts({ counts }: { counts: OutputOf<'checkin.state'>['counts'] }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm" role="status" aria-label={t('checkin.counts.label')}>
      {keys.map((key) => (
        <Paper key={key} withBorder p="sm" radius="md" bg={key === 'arrived' ? 'green.0' : undefined}>
          <Text component="p" m={0} lh={1.1}>
            <Text span display="block" fz={44} fw={800} c={key === 'arrived' ? 'green.9' : 'dark.9'}>
              {counts[key]}
            </Text>{' '}
            <Text span fz={22} fw={600} c="dark.7">
              {t(`checkin.counts.${key}`)}
            </Text>
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
