import { useState } from 'react';
import type { Message } from '../../../../shared/chat.js';
import { ERROR_KIND_LABELS } from '../../../../shared/errors.js';
import { formatMs } from '../../lib/format.js';
import { ChainList, SkippedList } from './ChainLists.js';
import { useProviderName } from '../../lib/provider-names.js';

/** "Why this provider?": what the router considered, skipped, and tried. */
export function DecisionTrace({ message }: { message: Message }) {
  const [open, setOpen] = useState(false);
  const name = useProviderName();
  const { trace, attempts = [] } = message;
  return (
    <div className="trace">
      <button type="button" className="link" aria-expanded={open} data-testid="trace-toggle" onClick={() => setOpen(!open)}>
        {open ? '▾' : '▸'} Why this provider?
      </button>
      {open && (
        <div className="trace-body" data-testid="trace">
          {trace && (
            <>
              <p>
                Task <strong>{trace.taskType}</strong> ({trace.taskReason}), strategy {trace.strategy}
                {trace.sticky ? `, sticky to ${trace.sticky}` : ''}
                {trace.offline ? ', offline: cloud skipped' : ''}.
              </p>
              {trace.engine && <p data-testid="trace-engine">Answered by the {trace.engine}.</p>}
              <h4>Considered, in order</h4>
              <ChainList chain={trace.considered} />
              <SkippedList skipped={trace.skipped} />
            </>
          )}
          {attempts.length > 0 && (
            <>
              <h4>Attempts</h4>
              <div className="table-wrap">
                <table className="attempts">
                  <thead>
                    <tr>
                      <th>Provider·model</th>
                      <th>Outcome</th>
                      <th>Error</th>
                      <th>Status</th>
                      <th>Time</th>
                      <th>Request id</th>
                    </tr>
                  </thead>
                  <tbody>
                    {attempts.map((a, i) => (
                      <tr key={i}>
                        <td>
                          {name(a.provider)}·{a.model}
                          {a.hedge ? ' (hedge)' : ''}
                          {a.continuation ? ' (continued)' : ''}
                        </td>
                        <td>{a.outcome}</td>
                        <td>{a.errorKind ? `${ERROR_KIND_LABELS[a.errorKind]}${a.message ? `: ${a.message}` : ''}` : ''}</td>
                        <td>{a.status ?? ''}</td>
                        <td>{formatMs(a.ms)}</td>
                        <td className="mono">{a.requestId ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </div>
      )}
    </div>
  );
}
