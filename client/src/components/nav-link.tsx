import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';

/**
 * A link that marks itself as the current page (class "active", aria-current="page") when the
 * address is its path or, unless `end`, below it. Search parameters do not count.
 */
export function NavLink({
  to,
  end = false,
  className,
  children,
}: {
  to: string;
  end?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const [pathname] = useLocation();
  const path = to.split('?')[0] ?? to;
  const active = pathname === path || (!end && path !== '/' && pathname.startsWith(`${path}/`));
  return (
    <Link
      to={to}
      className={[className, active && 'active'].filter(Boolean).join(' ') || undefined}
      aria-current={active ? 'page' : undefined}
    >
      {children}
    </Link>
  );
}
