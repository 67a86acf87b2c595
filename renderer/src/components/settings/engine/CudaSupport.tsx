import { useEffect } from 'react';
import { useCuda } from '../../../services-context.js';
import { formatBytes } from '../../../lib/format.js';
import { ErrorText } from '../../layout/ErrorText.js';

/** The size as the registry gave it: what is fetched, and what it takes once unpacked. */
function sizeWords(download: number | undefined, unpacked: number | undefined): string {
  if (download && unpacked) return `${formatBytes(download)} download, ${formatBytes(unpacked)} on disk`;
  if (download) return `${formatBytes(download)} download`;
  return unpacked ? `${formatBytes(unpacked)} on disk` : '';
}

/**
 * "NVIDIA GPU (CUDA)": an optional download of node-llama-cpp's CUDA build, offered only
 * where one exists for this OS and processor, with its size before the user agrees.
 */
export function CudaSupport() {
  const status = useCuda((s) => s.status);
  const progress = useCuda((s) => s.progress);
  const error = useCuda((s) => s.error);
  const refresh = useCuda((s) => s.refresh);
  const download = useCuda((s) => s.download);
  const cancel = useCuda((s) => s.cancel);
  const remove = useCuda((s) => s.remove);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  if (!status) return null;

  const running = progress?.state === 'downloading' || progress?.state === 'unpacking';
  const size = sizeWords(status.downloadBytes, status.unpackedBytes);
  const total = progress?.totalBytes ?? status.downloadBytes;
  const state = status.installed ? 'installed' : running ? 'downloading' : status.offered ? 'offered' : 'unavailable';

  async function onRemove(): Promise<void> {
    if (!window.confirm('Remove CUDA support? The built-in engine then runs on Vulkan or the CPU. You can download it again later.')) return;
    await remove();
  }

  return (
    <div className="engine-cuda" data-testid="engine-cuda" data-state={state}>
      <h4>NVIDIA GPU (CUDA)</h4>
      {!status.offered && <p className="muted small" data-testid="engine-cuda-reason">{status.reason}</p>}
      {status.offered && (
        <>
          <p className="muted small">
            Runs models on an NVIDIA graphics card. It needs the NVIDIA driver and the CUDA runtime; without them the engine stays on the CPU. Not part of the installer: download it here.
          </p>
          <div className="row">
            {status.installed ? (
              <>
                <span className="badge good" data-testid="engine-cuda-installed">Installed</span>
                <span className="muted small mono">{status.packageName}@{status.version}</span>
                <span className="spacer" />
                <button type="button" className="danger" onClick={() => void onRemove()} data-testid="engine-cuda-remove">
                  Remove
                </button>
              </>
            ) : running ? (
              <button type="button" onClick={() => void cancel()} data-testid="engine-cuda-cancel">
                Cancel
              </button>
            ) : (
              <button type="button" className="primary" onClick={() => void download()} data-testid="engine-cuda-download">
                {size ? `Download CUDA support (${size})` : 'Download CUDA support'}
              </button>
            )}
          </div>
          {!status.installed && status.sizeError && !running && <p className="muted small" data-testid="engine-cuda-size-error">Size unknown: {status.sizeError}</p>}
          {running && (
            <div className="pull-job">
              <progress max={total} value={progress.state === 'unpacking' ? total : progress.receivedBytes} aria-label="Downloading CUDA support" />
              <span className="small" data-testid="engine-cuda-progress">
                {progress.state === 'unpacking' ? 'Checked; unpacking…' : `${formatBytes(progress.receivedBytes)}${total ? ` of ${formatBytes(total)}` : ''}`}
              </span>
            </div>
          )}
          {!status.installed && progress?.state === 'cancelled' && <p className="small" data-testid="engine-cuda-progress">Cancelled; nothing was kept.</p>}
          {!status.installed && progress?.state === 'error' && <p className="error small" data-testid="engine-cuda-error">{progress.error}</p>}
        </>
      )}
      <ErrorText message={error} />
    </div>
  );
}
