// A picked or dropped file as the API's RegistryFileInput wants it: base64 text. FileReader's data
// URL is `data:<type>;base64,<payload>`; the payload is what is sent.

export function readFileBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      const comma = url.indexOf(',');
      resolve(comma >= 0 ? url.slice(comma + 1) : '');
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

/** Bytes base64 turns `n` bytes into (what the request carries). */
export function base64Size(n: number): number {
  return 4 * Math.ceil(n / 3);
}

/** `1.4 MB`, `820 kB`, `312 B` (decimal units, as upload limits are written: BODY_LIMIT=100kb). */
export function formatBytes(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)} MB`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(n >= 1e4 ? 0 : 1)} kB`;
  return `${n} B`;
}

/** The extensions the API reads; anything else is refused before it is sent. */
export const ACCEPTED = ['.xlsx', '.csv'] as const;

export function isAccepted(name: string): boolean {
  const lower = name.toLowerCase();
  return ACCEPTED.some((ext) => lower.endsWith(ext));
}
