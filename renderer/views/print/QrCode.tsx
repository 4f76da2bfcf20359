import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A value as an SVG QR code in a data: URL (the CSP allows img data:; SVG prints sharp at any size). */
export function QrCode({ value, alt }: { value: string; alt: string }) {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let current = true;
    void QRCode.toString(value, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' }).then((svg) => {
      if (current) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      current = false;
    };
  }, [value]);
  return src ? <img className="qr" src={src} alt={alt} /> : <div className="qr" />;
}
