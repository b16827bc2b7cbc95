import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';
import { Shell } from '@/components/Shell';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: 'MonoStore admin',
  description: 'Carts, orders and products of the MonoStore e-commerce backend',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>
          <Shell>{children}</Shell>
        </Providers>
      </body>
    </html>
  );
}
