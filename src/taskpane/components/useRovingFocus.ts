import * as React from "react";

/** Keys that move within a roving group, and where they go from `index` among `count` items. */
function target(key: string, index: number, count: number): number | undefined {
  switch (key) {
    case "ArrowDown":
    case "ArrowRight":
      return Math.min(count - 1, index + 1);
    case "ArrowUp":
    case "ArrowLeft":
      return Math.max(0, index - 1);
    case "Home":
      return 0;
    case "End":
      return count - 1;
    case "PageDown":
      return Math.min(count - 1, index + 10);
    case "PageUp":
      return Math.max(0, index - 10);
    default:
      return undefined;
  }
}

export interface RovingFocus {
  /** 0 for the item Tab lands on, -1 for the others. */
  tabIndex(index: number): 0 | -1;
  /** The ref callback for item `index`. */
  ref(index: number): (el: HTMLElement | null) => void;
  /** For the item's onFocus: a click or a focus from elsewhere makes it the Tab stop. */
  onFocus(index: number): () => void;
  /** For the group's onKeyDown: arrows, Home, End, PageUp and PageDown move the focus. */
  onKeyDown(event: React.KeyboardEvent): void;
}

/**
 * A roving tabindex (WAI-ARIA Authoring Practices): the group is one Tab stop, the arrow keys move
 * within it, and Tab leaves it from wherever the focus is.
 */
export function useRovingFocus(count: number): RovingFocus {
  const [active, setActive] = React.useState(0);
  const items = React.useRef<(HTMLElement | null)[]>([]);
  const current = Math.min(active, Math.max(0, count - 1));
  return {
    tabIndex: (index) => (index === current ? 0 : -1),
    ref: (index) => (el) => {
      items.current[index] = el;
    },
    onFocus: (index) => () => setActive(index),
    onKeyDown: (event) => {
      const from = items.current.findIndex((el) => el !== null && el === event.target);
      if (from < 0) return;
      const to = target(event.key, from, count);
      if (to === undefined) return;
      event.preventDefault();
      setActive(to);
      items.current[to]?.focus();
    },
  };
}
