import type { LngLat } from '../../api/types';

/** A Google Maps directions link to a position (opens the Maps app on Android). */
export function directionsUrl([lng, lat]: LngLat): string {
  return `https://www.google.com/maps/dir/?api=1&destination=${lat.toFixed(6)},${lng.toFixed(6)}`;
}

/** A Google Maps link that shows a position, for sharing. */
export function mapsUrl([lng, lat]: LngLat): string {
  return `https://www.google.com/maps/search/?api=1&query=${lat.toFixed(6)},${lng.toFixed(6)}`;
}

/** A WhatsApp share link with a prepared message (the user picks the contact in WhatsApp). */
export function whatsappShareUrl(text: string): string {
  return `https://wa.me/?text=${encodeURIComponent(text)}`;
}

/** A WhatsApp chat link for an Indonesian number written as "0812…", "+62 812…" or "62812…"; null if unusable. */
export function whatsappChatUrl(number: string): string | null {
  let digits = number.replace(/\D/g, '');
  if (digits.startsWith('0')) digits = `62${digits.slice(1)}`;
  return digits.length >= 9 ? `https://wa.me/${digits}` : null;
}

/** A tel: link for a phone number as written. */
export function telUrl(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}
