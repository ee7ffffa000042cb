import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Renders its children once their place comes near the viewport, or when the page is printed.
 * A chart below the fold then costs a slow laptop or phone nothing while the first screen loads
 * (drawing the per-Ressort chart is a long task there); the placeholder keeps its height, so
 * nothing shifts when it arrives.
 */
export function WhenVisible({ height, placeholder, children }: { height: number; placeholder: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (visible || !element) return;
    const show = () => setVisible(true);
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) show();
    }, { rootMargin: '25% 0px' });
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
  if (visible) return <>{children}</>;
  return <div ref={ref} className="chart-placeholder" style={{ height }} role="status">{placeholder}</div>;
}
