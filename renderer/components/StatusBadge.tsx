import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';

/** A state as a coloured word, sized to its text: a status must never be cut off. */
export function StatusBadge({ color, variant = 'light', children }: { color?: string; variant?: 'light' | 'outline'; children: ReactNode }) {
  return (
    <Badge color={color} variant={variant} style={{ overflow: 'visible' }} styles={{ label: { overflow: 'visible' } }}>
      {children}
    </Badge>
  );
}
