import { useEngine } from '../../../services-context.js';
import { formatBytes } from '../../../lib/format.js';

const BACKEND_NAMES = { cpu: 'the CPU', metal: 'the GPU (Metal)', vulkan: 'the GPU (Vulkan)', cuda: 'the GPU (CUDA)' } as const;

/** Whether the built-in engine is loaded, the memory it holds and its speed; shown in Health and Settings. */
export function EngineStatusLine() {
  const status = useEngine((s) => s.view?.status);
  if (!status) return null;
  const text = !status.available
    ? 'Not available in this window.'
    : status.loaded
      ? `Loaded${status.backend ? ` on ${BACKEND_NAMES[status.backend]}` : ''} · ${formatBytes(status.memoryBytes)} of memory${status.contextSize ? ` · ${status.contextSize} tokens of context` : ''}${status.tokensPerSec ? ` · ${status.tokensPerSec.toFixed(1)} tokens/s` : ''}`
      : 'Not loaded (it loads on first use and unloads after 5 minutes unused).';
  return (
    <>
      <p className="small" data-testid="engine-status">
        {text}
      </p>
      {status.gpuNote && (
        <p className="small muted" data-testid="engine-gpu-note">
          {status.gpuNote}.
        </p>
      )}
    </>
  );
}
