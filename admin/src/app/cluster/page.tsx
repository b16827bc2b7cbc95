'use client';

import { useQuery } from '@tanstack/react-query';
import { ClusterTable } from '@/components/ClusterTable';
import { ErrorBox, Facts, Loading, PageTitle, Refreshed, Section } from '@/components/ui';
import { api } from '@/lib/api';
import { hostAndPort } from '@/lib/cluster';
import { keys } from '@/lib/queries';

export default function ClusterPage() {
  const q = useQuery({
    queryKey: keys.cluster,
    queryFn: api.cluster,
    refetchInterval: 5_000,
  });
  const c = q.data;

  return (
    <div>
      <PageTitle actions={<Refreshed query={q} testId="cluster-updated" />}>Cluster</PageTitle>
      {q.isPending && <Loading />}
      <ErrorBox error={q.error} onRetry={() => q.refetch()} />
      {c && (
        <div className="space-y-4">
          <p className="text-sm text-slate-700">
            Answered by{' '}
            <strong className="font-mono" data-testid="answered-by">
              {c.answeredBy.address}
            </strong>{' '}
            <span className="text-slate-500">(HTTP port {c.answeredBy.httpPort})</span>
          </p>
          {!c.statsComplete && (
            <div
              role="status"
              className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            >
              Some nodes are unreachable, or their shard regions did not answer in time: their
              missing counts show as —, and the figures marked * leave them out.
            </div>
          )}
          <Section title={`Nodes (${c.members.length})`}>
            <Facts
              items={[
                [
                  'Leader',
                  <span key="leader" className="font-mono">
                    {hostAndPort(c.leader)}
                  </span>,
                ],
                [
                  'Oldest (runs the shard coordinators)',
                  <span key="oldest" className="font-mono">
                    {hostAndPort(c.oldest)}
                  </span>,
                ],
              ]}
            />
            <ClusterTable cluster={c} />
          </Section>
        </div>
      )}
    </div>
  );
}
