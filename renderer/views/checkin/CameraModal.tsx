import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useEffectEvent, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cameraProblem, createFrameScanner, SCAN_INTERVAL_MS, type CameraProblem } from './qrScan';

/** Wide frames are scaled down before decoding: a card's QR code needs no more, and it keeps each frame quick. */
const MAX_FRAME_WIDTH = 640;

/**
 * The laptop camera reads the QR code of an invitation card and checks the
 * guest in, then keeps scanning for the next one. The camera is asked for only
 * here and is stopped when the view closes.
 */
export function CameraModal({ onCode, onClose, children }: { onCode: (code: string) => void; onClose: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const handleCode = useEffectEvent(onCode);

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    const scan = createFrameScanner((code) => handleCode(code));
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });

    const grab = (video: HTMLVideoElement) => {
      if (!context || video.readyState < video.HAVE_CURRENT_DATA || video.videoWidth === 0) return;
      const scale = Math.min(1, MAX_FRAME_WIDTH / video.videoWidth);
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      scan(context.getImageData(0, 0, canvas.width, canvas.height));
    };

    async function start() {
      if (!navigator.mediaDevices?.getUserMedia) {
        setProblem('noCamera');
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      } catch (error) {
        if (!stopped) setProblem(cameraProblem(error));
        return;
      }
      const video = videoRef.current;
      if (stopped || !video) {
        stream.getTracks().forEach((track) => track.stop());
        return;
      }
      video.srcObject = stream;
      await video.play().catch(() => undefined); // autoplay of a muted video is allowed; frames are read either way
      timer = setInterval(() => grab(video), SCAN_INTERVAL_MS);
    }

    void start();
    return () => {
      stopped = true;
      clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return (
    <Modal opened onClose={onClose} title={t('checkin.camera.title')} size="lg">
      <Stack>
        {problem ? (
          <Alert color="red" role="alert">
            {t(`checkin.camera.${problem}`)}
          </Alert>
        ) : (
          <>
            <video ref={videoRef} muted playsInline aria-label={t('checkin.camera.video')} style={{ width: '100%', borderRadius: 8, background: '#000' }} />
            <Text fz="lg">{t('checkin.camera.hint')}</Text>
          </>
        )}
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
