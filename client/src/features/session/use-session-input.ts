import { useEffect, useLayoutEffect, useRef, useState, type PointerEvent } from 'react';

const NEXT = ['ArrowRight', 'PageDown', ' ', 'ArrowDown'];
const PREVIOUS = ['ArrowLeft', 'PageUp', 'ArrowUp'];
// A finger that moves this far sideways, and more sideways than up or down, is a swipe.
const SWIPE_PX = 50;
// Within this, a pointer that goes down and up is a tap or a click.
const TAP_PX = 12;
const INTERACTIVE = 'a, button, input, select, textarea, summary, label';

type Moves = { step: (delta: number) => void; first: () => void; last: () => void; jump: (typed: string) => void };

/**
 * Every way to drive the deck: keys and presenter clickers (→ ← PageUp PageDown Home End), typing
 * a Ressort or goal id and Enter, a tap or click on the left or right third of the slide, and a
 * swipe. Keys typed into a form field are the field's, not the deck's.
 */
export function useSessionInput(moves: Moves) {
  const [typed, setTyped] = useState('');
  const latest = useRef(moves);
  // The handlers below read the latest moves without being re-attached on every render.
  useLayoutEffect(() => {
    latest.current = moves;
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.target instanceof Element && event.target.closest('input, select, textarea')) return;
      const { step, first, last, jump } = latest.current;
      if (NEXT.includes(event.key) && !(event.key === ' ' && typed)) {
        event.preventDefault();
        step(1);
      } else if (PREVIOUS.includes(event.key)) {
        event.preventDefault();
        step(-1);
      } else if (event.key === 'Home') first();
      else if (event.key === 'End') last();
      else if (event.key === 'Escape') setTyped('');
      else if (event.key === 'Backspace') setTyped((s) => s.slice(0, -1));
      else if (event.key === 'Enter' && typed) {
        if (event.target instanceof Element && event.target.closest(INTERACTIVE)) event.preventDefault();
        jump(typed);
        setTyped('');
      } else if (event.key.length === 1 && /[\p{L}\p{N}-]/u.test(event.key)) setTyped((s) => s + event.key);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [typed]);

  const start = useRef<{ x: number; y: number; type: string } | null>(null);
  const pointer = {
    onPointerDown: (event: PointerEvent<HTMLElement>) => {
      if (event.pointerType === 'mouse' && event.button !== 0) return;
      start.current = { x: event.clientX, y: event.clientY, type: event.pointerType };
    },
    onPointerCancel: () => {
      start.current = null;
    },
    onPointerUp: (event: PointerEvent<HTMLElement>) => {
      const from = start.current;
      start.current = null;
      if (!from) return;
      const dx = event.clientX - from.x;
      const dy = event.clientY - from.y;
      // A mouse drag selects text; only a finger or a pen swipes.
      if (from.type !== 'mouse' && Math.abs(dx) >= SWIPE_PX && Math.abs(dx) > 1.5 * Math.abs(dy)) {
        latest.current.step(dx < 0 ? 1 : -1);
        return;
      }
      if (Math.abs(dx) > TAP_PX || Math.abs(dy) > TAP_PX) return;
      if (event.target instanceof Element && event.target.closest(INTERACTIVE)) return;
      const box = event.currentTarget.getBoundingClientRect();
      const at = (event.clientX - box.left) / box.width;
      if (at < 1 / 3) latest.current.step(-1);
      else if (at > 2 / 3) latest.current.step(1);
    },
  };
  return { typed, pointer };
}
