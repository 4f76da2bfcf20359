import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import QRCode from 'qrcode';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CameraModal } from '../../renderer/views/checkin/CameraModal';
import { createFrameScanner, type Frame } from '../../renderer/views/checkin/qrScan';

/** A camera frame showing the QR code of `text` as printed on the cards: black modules on white, with a quiet zone. */
function frameOf(text: string, scale = 4, margin = 4): Frame {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const width = (modules.size + 2 * margin) * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (let y = 0; y < width; y++) {
    for (let x = 0; x < width; x++) {
      const [row, column] = [Math.floor(y / scale) - margin, Math.floor(x / scale) - margin];
      const dark = row >= 0 && column >= 0 && row < modules.size && column < modules.size && modules.get(row, column);
      if (dark) data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
  }
  return { data, width, height: width };
}

describe('QR codes from the camera', () => {
  it('reads an invitation code from a frame, once while the card is held up', () => {
    let now = 0;
    const codes: string[] = [];
    const scan = createFrameScanner((code) => codes.push(code), { repeatAfterMs: 3000, now: () => now });
    const card = frameOf('K7XQ2M');

    scan(card);
    now += 150;
    scan(card);
    expect(codes).toEqual(['K7XQ2M']);

    // Taken away and shown again later: read again (the door then says she is already there).
    now += 5000;
    scan(card);
    expect(codes).toEqual(['K7XQ2M', 'K7XQ2M']);
  });

  it('ignores QR codes that are no invitation code, and frames without one', () => {
    const codes: string[] = [];
    const scan = createFrameScanner((code) => codes.push(code));
    scan(frameOf('https://example.de/angebot'));
    scan({ data: new Uint8ClampedArray(64 * 64 * 4).fill(255), width: 64, height: 64 });
    expect(codes).toEqual([]);
  });
});

describe('Camera view', () => {
  const mediaDevices = Object.getOwnPropertyDescriptor(navigator, 'mediaDevices');
  afterEach(() => {
    if (mediaDevices) Object.defineProperty(navigator, 'mediaDevices', mediaDevices);
    else delete (navigator as { mediaDevices?: unknown }).mediaDevices;
  });

  const show = () =>
    render(
      <MantineProvider env="test">
        <CameraModal onCode={() => undefined} onClose={() => undefined}>
          {null}
        </CameraModal>
      </MantineProvider>,
    );

  it('says in words when the camera may not be used', async () => {
    const getUserMedia = vi.fn().mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: { getUserMedia } });
    show();
    expect(await screen.findByRole('alert')).toHaveTextContent('Der Zugriff auf die Kamera ist nicht erlaubt.');
    expect(getUserMedia).toHaveBeenCalledWith({ video: { facingMode: 'environment' }, audio: false });
  });

  it('says so when there is no camera', async () => {
    Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: undefined });
    show();
    expect(await screen.findByRole('alert')).toHaveTextContent('Keine Kamera gefunden');
  });

  it('stops the camera when the view closes', async () => {
    const stop = vi.fn();
    const stream = Object.assign(new MediaStream(), { getTracks: () => [{ stop }] });
    const getUserMedia = vi.fn().mockResolvedValue(stream);
    Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: { getUserMedia } });
    const { unmount } = show();
    const video = screen.getByLabelText('Kamerabild') as HTMLVideoElement;
    await vi.waitFor(() => expect(video.srcObject).toBe(stream));
    expect(stop).not.toHaveBeenCalled();
    unmount();
    expect(stop).toHaveBeenCalled();
  });
});
