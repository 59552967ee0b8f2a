/** Links between the staff views. They live in the hash query so a view can be bookmarked and reloaded. */
export type StaffView = 'points' | 'edit' | 'new' | 'recheck' | 'import' | 'reports' | 'users';

/** `#/staff?view=…&…` for a view and its parameters (empty values left out). */
export function staffHref(view: StaffView, params: Record<string, string | number | undefined> = {}): string {
  const q = new URLSearchParams({ view });
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  return `#/staff?${q.toString()}`;
}

/** Goes to a staff view (adds a history entry, so the back button works). */
export function goTo(view: StaffView, params: Record<string, string | number | undefined> = {}): void {
  window.location.hash = staffHref(view, params);
}

/** Like goTo, but replaces the current history entry (typing a search must not fill the back button). */
export function replaceTo(view: StaffView, params: Record<string, string | number | undefined> = {}): void {
  window.location.replace(staffHref(view, params));
}
