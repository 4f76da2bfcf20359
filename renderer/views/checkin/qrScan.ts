import jsQR from 'jsqr';
import { isInvitationCode } from './door';

/** One camera frame as RGBA pixels, as a canvas's getImageData answers it. */
export type Frame = Pick<ImageData, 'data' | 'width' | 'height'>;

/** Frames are decoded this often: fast enough for a card held up, light enough for an old laptop. */
export const SCAN_INTERVAL_MS = 150;

/**
 * The body of the camera's decode loop: reads a frame and hands on the
 * invitation code it shows. A card held before the camera is in every frame,
 * so a code counts once until it has been out of sight for `repeatAfterMs`.
 */
export function createFrameScanner(onCode: (code: string) => void, { repeatAfterMs = 3000, now = () => Date.now() } = {}) {
  let last: { code: string; seenAt: number } | undefined;
  return (frame: Frame) => {
    // Printed cards are dark on light: not trying the inverted image halves the work per frame.
    const text = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' })?.data.trim();
    if (!text || !isInvitationCode(text)) return;
    const code = text.toUpperCase();
    const seenAt = now();
    const repeated = last !== undefined && last.code === code && seenAt - last.seenAt < repeatAfterMs;
    last = { code, seenAt };
    if (!repeated) onCode(code);
  };
}

export type CameraProblem = 'noCamera' | 'denied' | 'failed';

/** Why the camera did not start, in the words the view has for it. */
export function cameraProblem(error: unknown): CameraProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'NotReadableError') return 'noCamera';
  return 'failed';
}
