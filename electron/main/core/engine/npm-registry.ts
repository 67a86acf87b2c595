/**
 * Reads one version of a package from an npm registry's metadata (the
 * "packument": `versions[v].dist.{tarball, integrity, unpackedSize}`), and the
 * tarball's size from the registry's answer to a HEAD, so a user sees how much
 * will be fetched before they agree to it.
 */
import { DownloadError, fetchOrExplain } from './download-io.js';

export const DEFAULT_NPM_REGISTRY = 'https://registry.npmjs.org';

export interface PackageDist {
  tarball: string;
  /** Subresource Integrity, as npm publishes it: `sha512-<base64>`. */
  integrity: string;
  /** What the files take once unpacked, when the registry says. */
  unpackedSize?: number;
  /** The tarball's own size, when the registry says. */
  downloadBytes?: number;
}

export async function fetchPackageDist(registry: string, name: string, version: string, signal: AbortSignal, doFetch: typeof fetch = fetch): Promise<PackageDist> {
  // A scoped name keeps its @ and has its slash escaped, as npm's own client asks for it.
  const url = `${registry.replace(/\/+$/, '')}/${name.replace('/', '%2f')}`;
  const response = await fetchOrExplain(doFetch, url, signal, { accept: 'application/json' });
  if (response.status === 404) {
    await response.body?.cancel();
    throw new DownloadError('http', `The package registry has no ${name}`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new DownloadError('http', `The package registry answered ${response.status} ${response.statusText}`.trim());
  }
  let doc: unknown;
  try {
    doc = await response.json();
  } catch {
    throw new DownloadError('http', `The package registry sent something that is not package metadata for ${name}`);
  }
  const dist = distOf(doc, version);
  if (!dist) throw new DownloadError('http', `The package registry lists no usable ${name}@${version} (the version the built-in engine needs)`);
  const downloadBytes = await tarballSize(dist.tarball, signal, doFetch);
  return { ...dist, ...(downloadBytes !== undefined ? { downloadBytes } : {}) };
}

function distOf(doc: unknown, version: string): Omit<PackageDist, 'downloadBytes'> | undefined {
  const versions = (doc as { versions?: Record<string, { dist?: Record<string, unknown> }> } | null)?.versions;
  const dist = versions && typeof versions === 'object' ? versions[version]?.dist : undefined;
  if (!dist || typeof dist.tarball !== 'string' || typeof dist.integrity !== 'string') return undefined;
  if (!/^https?:\/\//.test(dist.tarball)) return undefined;
  const unpacked = dist.unpackedSize;
  return { tarball: dist.tarball, integrity: dist.integrity, ...(typeof unpacked === 'number' && unpacked > 0 ? { unpackedSize: unpacked } : {}) };
}

/** Only a figure to show: a registry that will not say is no reason to stop. */
async function tarballSize(url: string, signal: AbortSignal, doFetch: typeof fetch): Promise<number | undefined> {
  try {
    const response = await doFetch(url, { method: 'HEAD', signal });
    await response.body?.cancel();
    const length = Number(response.headers.get('content-length'));
    return response.ok && Number.isFinite(length) && length > 0 ? length : undefined;
  } catch {
    return undefined;
  }
}
