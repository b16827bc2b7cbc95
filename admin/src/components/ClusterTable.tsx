'use client';

import { formatCount, hostAndPort, projectionsOn, splitKinds, totalOf } from '@/lib/cluster';
import type { ClusterOverview } from '@/lib/types';
import { StatusBadge, td, th, scrollsSideways } from './ui';

const MISSING = 'Its statistics did not come in time';

/** The cluster's members, oldest first, with their shards and live entities per kind. */
export function ClusterTable({ cluster }: { cluster: ClusterOverview }) {
  const kinds = splitKinds(cluster.entityKinds);
  const members = cluster.members;
  return (
    <div {...scrollsSideways('Nodes')}>
      <table className="min-w-full text-sm" aria-label="Nodes">
        <thead className="bg-slate-50">
          <tr>
            <th className={th}>Node</th>
            <th className={th}>Status</th>
            <th className={th}>Reachable</th>
            <th className={th}>Roles</th>
            <th className={`${th} text-right`}>Shards</th>
            {kinds.entities.map((kind) => (
              <th key={kind} className={`${th} text-right`}>
                {kind}
              </th>
            ))}
            <th className={th}>Projections</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {members.map((m) => (
            <tr key={m.address} data-testid={m.self ? 'node-self' : 'node'}>
              <td className={td} title={m.address}>
                <span className="font-mono">{hostAndPort(m.address)}</span>
                {m.self && (
                  <span className="ml-2 rounded bg-indigo-50 px-1.5 py-0.5 text-xs text-indigo-700">
                    this node
                  </span>
                )}
                {m.address === cluster.leader && (
                  <span className="ml-2 text-xs text-slate-500">leader</span>
                )}
                {m.address === cluster.oldest && (
                  <span className="ml-2 text-xs text-slate-500">oldest</span>
                )}
              </td>
              <td className={td}>
                <StatusBadge status={m.status} />
              </td>
              <td className={td}>
                {m.reachable ? 'Yes' : <strong className="text-red-700">Unreachable</strong>}
              </td>
              <td className={`${td} text-slate-600`}>{m.roles.join(', ') || '—'}</td>
              <td
                className={`${td} text-right tabular-nums`}
                title={m.statsComplete ? undefined : MISSING}
              >
                {formatCount(m.shards)}
                {!m.statsComplete && <span className="text-amber-700">*</span>}
              </td>
              {kinds.entities.map((kind) => (
                <td
                  key={kind}
                  className={`${td} text-right tabular-nums`}
                  data-testid={`entities-${kind}`}
                  title={m.entities[kind] === undefined ? MISSING : undefined}
                >
                  {formatCount(m.entities[kind])}
                </td>
              ))}
              <td className={`${td} text-slate-600`}>
                {projectionsOn(m, kinds.projections).join(', ') || '—'}
              </td>
            </tr>
          ))}
        </tbody>
        {members.length > 1 && (
          <tfoot className="border-t border-slate-200 bg-slate-50 font-medium">
            <tr data-testid="node-totals">
              <td className={td} colSpan={4}>
                All nodes
              </td>
              <td className={`${td} text-right tabular-nums`}>
                {formatCount(members.reduce((sum, m) => sum + m.shards, 0))}
              </td>
              {kinds.entities.map((kind) => {
                const total = totalOf(members, kind);
                return (
                  <td
                    key={kind}
                    className={`${td} text-right tabular-nums`}
                    data-testid={`total-${kind}`}
                    title={
                      total.complete ? undefined : 'Without the nodes whose statistics did not come'
                    }
                  >
                    {formatCount(total.count)}
                    {!total.complete && <span className="text-amber-700">*</span>}
                  </td>
                );
              })}
              <td className={td} />
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
