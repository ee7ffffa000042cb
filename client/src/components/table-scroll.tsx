import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '../lib/i18n.ts';

/**
 * A table wider than the screen (a phone) scrolls inside its own box, never the page: its first
 * column stays in place, a line above says that more columns follow, and the box takes keyboard
 * focus so the columns are reachable without a pointer. On a wide screen none of this shows.
 */
export function TableScroll({ children }: { children: ReactNode }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const check = () => setOverflows(box.scrollWidth > box.clientWidth + 1);
    check();
    const resized = new ResizeObserver(check);
    resized.observe(box);
    if (box.firstElementChild) resized.observe(box.firstElementChild);
    return () => resized.disconnect();
  }, []);
  return (
    <>
      {overflows && (
        <p className="scroll-cue" aria-hidden="true">
          {t.tableScrolls}
        </p>
      )}
      <div
        ref={ref}
        className={overflows ? 'table-scroll overflows' : 'table-scroll'}
        {...(overflows && { tabIndex: 0, role: 'region', 'aria-label': t.tableScrolls })}
      >
        {children}
      </div>
    </>
  );
}
