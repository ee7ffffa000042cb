import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';

/** Desktop and projector widths: the chart is in view or close, and it is printed from there. */
const WIDE = '(min-width: 64rem)';

/**
 * Renders its (lazily loaded) children at once on a wide screen; on a narrow one, a phone where
 * drawing a chart below the fold is a long task for a slow CPU, once their place comes near the
 * viewport or the page is printed. One placeholder keeps their height while they wait or load,
 * so nothing shifts when they arrive.
 */
export function WhenVisible({
  height,
  placeholder,
  children,
}: {
  height: number;
  placeholder: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(() => window.matchMedia(WIDE).matches);
  useEffect(() => {
    const element = ref.current;
    if (visible || !element) return;
    const show = () => setVisible(true);
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) show();
      },
      { rootMargin: '25% 0px' },
    );
    observer.observe(element);
    const print = window.matchMedia('print');
    print.addEventListener('change', show);
    window.addEventListener('beforeprint', show);
    return () => {
      observer.disconnect();
      print.removeEventListener('change', show);
      window.removeEventListener('beforeprint', show);
    };
  }, [visible]);
  const waiting = (
    <div
      ref={visible ? undefined : ref}
      className="chart-placeholder"
      style={{ height, minHeight: height }}
      role="status"
    >
      {placeholder}
    </div>
  );
  return visible ? <Suspense fallback={waiting}>{children}</Suspense> : waiting;
}
