import { useEffect, useState } from 'react';

/** The current hash route, e.g. '/planner' for '#/planner?x=1' (query kept separately). */
export function useHashRoute(): { path: string; query: URLSearchParams } {
  const read = () => {
    const raw = window.location.hash.replace(/^#/, '') || '/';
    const [path, query = ''] = raw.split('?');
    return { path: path || '/', query: new URLSearchParams(query) };
  };
  const [route, setRoute] = useState(read);
  useEffect(function followHashChanges() {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return function stopFollowingHashChanges() {
      window.removeEventListener('hashchange', onChange);
    };
  }, []);
  return route;
}
