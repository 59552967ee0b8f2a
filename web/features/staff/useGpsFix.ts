import { useCallback, useState } from 'react';

/** A GPS fix: position in degrees and the phone's 68% confidence radius in metres. */
export interface GpsFix {
  lat: number;
  lng: number;
  accuracyM: number;
}
export type GpsProblem = 'denied' | 'unavailable' | 'timeout' | 'unsupported';

/**
 * One fresh high-accuracy fix on demand, for "Saya di lokasi ini". No cached position (maximumAge 0): a check must
 * be taken here and now. `onFix` is told each new fix.
 */
export function useGpsFix(onFix?: (fix: GpsFix) => void) {
  const [fix, setFix] = useState<GpsFix | null>(null);
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<GpsProblem | null>(null);
  const locate = useCallback(() => {
    setProblem(null);
    if (!('geolocation' in navigator)) {
      setProblem('unsupported');
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        const f = { lat: pos.coords.latitude, lng: pos.coords.longitude, accuracyM: pos.coords.accuracy };
        setLocating(false);
        setFix(f);
        onFix?.(f);
      },
      (err) => {
        setLocating(false);
        setProblem(err.code === err.PERMISSION_DENIED ? 'denied' : err.code === err.TIMEOUT ? 'timeout' : 'unavailable');
      },
      { enableHighAccuracy: true, timeout: 30_000, maximumAge: 0 },
    );
  }, [onFix]);
  return { fix, locating, problem, locate, clear: useCallback(() => setFix(null), []) };
}
