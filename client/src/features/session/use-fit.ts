import { useLayoutEffect, type RefObject } from 'react';

const SMALLEST = 0.7;

/**
 * Makes a slide fit its box: where the deck's estimate of a list's length falls short (a long
 * title, a narrow 4:3 projector), the type shrinks in steps of 5 % until nothing sticks out, down
 * to 70 %. Below that the slide scrolls rather than cut anything off. `data-fit` tells the scale.
 */
export function useFit(ref: RefObject<HTMLElement | null>, key: unknown) {
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const fit = () => {
      let scale = 1;
      box.style.fontSize = '';
      box.classList.remove('slide-scrolls');
      while (box.scrollHeight > box.clientHeight + 1 && scale > SMALLEST) {
        scale = Math.round((scale - 0.05) * 100) / 100;
        box.style.fontSize = `${scale}em`;
      }
      if (box.scrollHeight > box.clientHeight + 1) box.classList.add('slide-scrolls');
      box.dataset.fit = String(scale);
    };
    fit();
    // Again when the screen changes size, and when parts of a slide arrive later (an open counting question).
    const resized = new ResizeObserver(() => fit());
    resized.observe(box);
    const changed = new MutationObserver(() => fit());
    changed.observe(box, { childList: true, subtree: true, characterData: true });
    return () => {
      resized.disconnect();
      changed.disconnect();
    };
  }, [ref, key]);
}
