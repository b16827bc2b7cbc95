'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter, useSearchParams } from 'next/navigation';
import { Suspense, useEffect, useRef, useState, type FormEvent } from 'react';
import { btnPrimary, input } from '@/components/ui';
import { api } from '@/lib/api';
import { safeNext } from '@/lib/paths';
import { ApiError, problemMessage } from '@/lib/problem';

function SignInForm() {
  const router = useRouter();
  const params = useSearchParams();
  const next = safeNext(params.get('next'));
  const qc = useQueryClient();
  // already signed in (e.g. the back button): go on
  const session = useQuery({ queryKey: ['session'], queryFn: api.session, retry: false });
  useEffect(() => {
    if (session.data) router.replace(next);
  }, [session.data, router, next]);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const passwordField = useRef<HTMLInputElement>(null);
  const signIn = useMutation({
    mutationFn: () => api.signIn(username, password),
    onSuccess: (session) => {
      qc.clear();
      qc.setQueryData(['session'], session);
      router.replace(next);
    },
    // The button is disabled while signing in, which drops focus: give it to the password to type again.
    onError: () => {
      passwordField.current?.focus();
      passwordField.current?.select();
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    signIn.mutate();
  }

  const error = signIn.error;
  const message =
    error instanceof ApiError && error.status === 401
      ? 'Wrong username or password.'
      : error
        ? problemMessage(error)
        : null;

  return (
    <form
      onSubmit={submit}
      className="w-full max-w-sm space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
      aria-label="Sign in"
    >
      <div>
        <h1 className="text-lg font-semibold">MonoStore admin</h1>
        <p className="text-sm text-slate-500">Sign in to manage carts and orders.</p>
      </div>
      {message && (
        <div
          role="alert"
          data-testid="error"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {message}
        </div>
      )}
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">Username</span>
        <input
          className={`${input} w-full`}
          name="username"
          autoComplete="username"
          required
          autoFocus
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
      </label>
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">Password</span>
        <input
          className={`${input} w-full`}
          ref={passwordField}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      <button type="submit" className={`${btnPrimary} w-full py-1.5`} disabled={signIn.isPending}>
        {signIn.isPending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}

export default function SignInPage() {
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 p-4">
      <Suspense fallback={null}>
        <SignInForm />
      </Suspense>
    </main>
  );
}
