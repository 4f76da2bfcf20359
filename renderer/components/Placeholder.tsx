import { EmptyState, Group, Paper } from '@mantine/core';
import type { ReactNode } from 'react';

/** What a view shows instead of a blank page: an icon, what belongs here, and the next step. */
export function Placeholder({ icon, title, description, actions }: { icon: ReactNode; title: string; description: string; actions?: ReactNode }) {
  return (
    <Paper withBorder p="xl" radius="lg">
      <EmptyState icon={icon} variant="light" size="lg">
        <EmptyState.Title order={2}>{title}</EmptyState.Title>
        <EmptyState.Description maw={560}>{description}</EmptyState.Description>
        {actions && (
          <EmptyState.Actions>
            <Group justify="center">{actions}</Group>
          </EmptyState.Actions>
        )}
      </EmptyState>
    </Paper>
  );
}
