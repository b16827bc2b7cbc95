'use client';

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useState, type ReactNode } from 'react';
import { setUnauthorizedHandler } from '@/lib/api';
import { currentAppPath, signInPath } from '@/lib/paths';
import { ApiError } from '@/lib/problem';

function makeClient() {
  return new QueryClient({
    queryCache: new QueryCache(),
    mutationCache: new MutationCache(),
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        // never retry client errors (4xx); one retry for network trouble and 5xx
        retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 1,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(makeClient);
  const router = useRouter();
  useEffect(() => {
    setUnauthorizedHandler(() => {
      const here = currentAppPath();
      if (here.startsWith('/signin')) return;
      client.removeQueries({ queryKey: ['session'] });
      router.replace(signInPath(here));
    });
    return () => setUnauthorizedHandler(null);
  }, [client, router]);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
