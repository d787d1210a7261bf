import type { RequestHandler } from 'express';

/**
 * Security headers on every response, in the spirit of helmet's defaults: no MIME
 * sniffing, no framing, no referrer, a same-origin CSP (scripts only from our own bundle: the
 * app and GraphiQL are bundled, no CDN), same-origin isolation. CONTENT_SECURITY_POLICY overrides
 * the CSP ("" turns it off).
 */
export function securityHeaders(csp: string): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (csp) res.setHeader('Content-Security-Policy', csp);
    next();
  };
}
