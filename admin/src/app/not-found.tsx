import Link from 'next/link';
import { PageTitle, btnPrimary } from '@/components/ui';

/** What an admin path that is not there shows, inside the admin's frame: a sentence and a way on. */
export default function NotFound() {
  return (
    <div>
      <PageTitle>Page not found</PageTitle>
      <p className="mb-4 text-sm text-slate-600">
        There is no page at this address in the admin. It may have been mistyped, or a link may be
        out of date.
      </p>
      <Link href="/" className={btnPrimary}>
        Go to the dashboard
      </Link>
    </div>
  );
}
