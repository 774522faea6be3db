// Draws a QR code as inline SVG elements built from the `qrcode` matrix: no markup injection, no data: URL for a CSP to block.
import QRCode from 'qrcode'
import { useMemo } from 'preact/hooks'

const QUIET_ZONE = 2 // modules of white border, enough for phone cameras

/** One SVG path with a 1x1 square per dark module. */
export const qrPath = (text: string): { size: number; path: string } => {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const parts: string[] = []
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) parts.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`)
    }
  }
  return { size: modules.size + 2 * QUIET_ZONE, path: parts.join('') }
}

export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => qrPath(text), [text])
  return (
    <svg class="qr" role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} width="240" height="240" shape-rendering="crispEdges" data-testid="invite-qr">
      <title>{label}</title>
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  )
}
