// Serves the static export (out/) under /admin/ the way the Spring backend does (a folder answers
// with its index.html) and proxies every other path to the backend, so the built UI can be tried
// and tested same-origin without rebuilding the store. Usage: npm run preview (PORT, MONOSTORE_API_URL).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'out');
const port = Number(process.env.PORT ?? 3001);
const api = new URL(process.env.MONOSTORE_API_URL ?? 'http://localhost:8080');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

async function file(p) {
  try {
    const s = await stat(p);
    return s.isFile() ? p : null;
  } catch {
    return null;
  }
}

async function serveStatic(req, res, pathname) {
  const rel = decodeURIComponent(pathname.slice('/admin'.length));
  const target = path.join(root, rel);
  if (!target.startsWith(root)) {
    res.writeHead(400).end();
    return;
  }
  const found =
    (rel.endsWith('/') ? null : await file(target)) ??
    (await file(path.join(target, 'index.html')));
  if (!found) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    return;
  }
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(found)] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache',
  });
  createReadStream(found).pipe(res);
}

function proxy(req, res) {
  const upstream = http.request(
    {
      hostname: api.hostname,
      port: api.port || 80,
      path: req.url,
      method: req.method,
      headers: { ...req.headers, host: api.host },
    },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
    res.end('backend unreachable');
  });
  req.pipe(upstream);
}

http
  .createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === '/admin') {
      res.writeHead(302, { Location: '/admin/' }).end();
    } else if (pathname.startsWith('/admin/')) {
      void serveStatic(req, res, pathname);
    } else {
      proxy(req, res);
    }
  })
  .listen(port, () => {
    console.log(`admin UI (out/) on http://localhost:${port}/admin/, API proxied to ${api.origin}`);
  });
