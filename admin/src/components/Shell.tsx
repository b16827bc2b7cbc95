'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useState, type ReactNode } from 'react';
import { api } from '@/lib/api';
import { currentAppPath, signInPath } from '@/lib/paths';
import { ApiError } from '@/lib/problem';
import { useSession } from '@/lib/queries';
import { ErrorBox, Loading, btn } from './ui';

const NAV = [
  { href: '/', label: 'Dashboard' },
  { href: '/carts/', label: 'Carts' },
  { href: '/orders/', label: 'Orders' },
  { href: '/promotions/', label: 'Promotions' },
  { href: '/products/', label: 'Products' },
  { href: '/cluster/', label: 'Cluster' },
];

function isActive(pathname: string, href: string): boolean {
  if (href === '/') return pathname === '/' || pathname === '';
  return pathname.startsWith(href.replace(/\/$/, ''));
}

/** The signed-in frame around every page but sign-in. */
export function Shell({ children }: { children: ReactNode }) {
  const pathname = usePathname() ?? '/';
  if (pathname.startsWith('/signin')) return <>{children}</>;
  return <SignedIn pathname={pathname}>{children}</SignedIn>;
}

/** Top navigation, user name, sign out; redirects to sign-in on 401. */
function SignedIn({ children, pathname }: { children: ReactNode; pathname: string }) {
  const session = useSession();
  const router = useRouter();
  const qc = useQueryClient();
  const [signingOut, setSigningOut] = useState(false);
  const unauthorized = session.error instanceof ApiError && session.error.status === 401;

  useEffect(() => {
    if (unauthorized) router.replace(signInPath(currentAppPath()));
  }, [unauthorized, router]);

  async function signOut() {
    setSigningOut(true);
    try {
      await api.signOut();
    } catch {
      // signed out locally anyway
    }
    qc.clear();
    router.replace('/signin/');
  }

  return (
    <div className="min-h-screen">
      <header className="sticky top-0 z-10 border-b border-slate-800 bg-slate-900 text-slate-100">
        <div className="mx-auto flex min-h-12 max-w-screen-2xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-2">
          <Link href="/" className="font-semibold tracking-tight text-white">
            MonoStore <span className="font-normal text-slate-400">admin</span>
          </Link>
          <nav aria-label="Main" className="flex flex-wrap items-center gap-1">
            {NAV.map((n) => {
              const active = isActive(pathname, n.href);
              return (
                <Link
                  key={n.href}
                  href={n.href}
                  aria-current={active ? 'page' : undefined}
                  className={`rounded px-2.5 py-1 text-sm ${
                    active ? 'bg-slate-700 text-white' : 'text-slate-300 hover:bg-slate-800'
                  }`}
                >
                  {n.label}
                </Link>
              );
            })}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            {session.data && (
              <span className="text-slate-300" data-testid="signed-in-user">
                Signed in as <strong className="text-white">{session.data.username}</strong>
              </span>
            )}
            {session.data && (
              <button
                type="button"
                className="rounded border border-slate-600 px-2 py-0.5 text-slate-200 hover:bg-slate-800 disabled:opacity-50"
                onClick={signOut}
                disabled={signingOut}
              >
                Sign out
              </button>
            )}
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-screen-2xl px-4 py-5">
        {session.isPending && <Loading label="Checking your session…" />}
        {unauthorized && <Loading label="Redirecting to sign in…" />}
        {session.error && !unauthorized && (
          <div className="space-y-2">
            <ErrorBox error={session.error} onRetry={() => session.refetch()} />
            <button type="button" className={btn} onClick={() => router.replace('/signin/')}>
              Go to sign in
            </button>
          </div>
        )}
        {session.data && children}
      </main>
    </div>
  );
}
