import { Badge, type MantineSize } from '@mantine/core';
import type { ReactNode } from 'react';

/** A state as a coloured word, sized to its text: a status must never be cut off. */
export function StatusBadge({
  color,
  variant = 'light',
  size,
  children,
}: {
  color?: string;
  variant?: 'light' | 'outline' | 'filled';
  size?: MantineSize;
  children: ReactNode;
}) {
  return (
    <Badge color={color} variant={variant} size={size} style={{ overflow: 'visible' }} styles={{ label: { overflow: 'visible' } }}>
      {children}
    </Badge>
  );
}
