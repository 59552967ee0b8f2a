import { useEffect, useState, type RefObject } from 'react';

/**
 * Whether a sideways-scrolling element has more to show to its left or right, so the page can draw a cue.
 * A phone's nav bar that scrolls sideways gives no sign of the links past the edge unless something says so.
 * `contentKey` changes whenever the content does (e.g. the number of links).
 */
export function useScrollCue(ref: RefObject<HTMLElement | null>, contentKey: unknown): { left: boolean; right: boolean } {
  const [cue, setCue] = useState({ left: false, right: false });
  useEffect(
    function trackSidewaysOverflow() {
      const el = ref.current;
      if (!el) return;
      const update = () => {
        // 2 px of slack: sub-pixel widths otherwise leave a cue on at the very end.
        const left = el.scrollLeft > 2;
        const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 2;
        setCue((c) => (c.left === left && c.right === right ? c : { left, right }));
      };
      update();
      el.addEventListener('scroll', update, { passive: true });
      const resize = new ResizeObserver(update);
      resize.observe(el);
      return () => {
        el.removeEventListener('scroll', update);
        resize.disconnect();
      };
    },
    // The element keeps its size when links are added (the nav grows once the session is known): re-measure then.
    [ref, contentKey],
  );
  return cue;
}
