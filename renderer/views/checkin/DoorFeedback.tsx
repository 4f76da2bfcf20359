import { Box, Paper, Text, Transition } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Feedback } from './useDoor';

const looks = {
  success: { bg: 'green.8', c: 'white' },
  warning: { bg: 'yellow.3', c: 'dark.9' },
  error: { bg: 'red.8', c: 'white' },
} as const;

/** How long a message stays: a warning or an error must be read, a confirmation only glanced at. */
const showFor = { success: 5000, warning: 10000, error: 12000 } as const;

/**
 * The answer to every action in large type, readable from a metre away, that
 * fades after a while; a tiny notification in a corner would go unnoticed at the door.
 */
export function DoorFeedback({ feedback }: { feedback: Feedback | null }) {
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    if (!feedback) return;
    setVisible(true);
    const timer = setTimeout(() => setVisible(false), showFor[feedback.kind]);
    return () => clearTimeout(timer);
  }, [feedback]);

  return (
    // The live region stays in place, so screen readers announce each new message.
    <Box aria-live="polite" aria-atomic>
      {feedback && (
        <Transition mounted={visible} transition="fade" duration={400}>
          {(styles) => (
            <Paper role={feedback.kind === 'success' ? 'status' : 'alert'} p="md" radius="md" style={styles} {...looks[feedback.kind]}>
              <Text fz={32} fw={750} lh={1.2}>
                {feedback.title}
              </Text>
              {feedback.detail && (
                <Text fz={22} fw={500}>
                  {feedback.detail}
                </Text>
              )}
            </Paper>
          )}
        </Transition>
      )}
    </Box>
  );
}
