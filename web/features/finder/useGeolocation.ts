import { useCallback, useState } from 'react';
import type { LngLat } from '../../api/types';

export type GeoProblem = 'denied' | 'unavailable' | 'timeout' | 'unsupported';

export interface GeoState {
  status: 'idle' | 'locating' | 'done' | 'error';
  problem?: GeoProblem;
  /** Radius of 68% confidence reported by the phone (metres). */
  accuracyM?: number;
}

/**
 * One-shot position from the browser. Phones with weak signal can take long to get a fix, so the timeout
 * is generous and a recent cached fix (5 min) is accepted.
 */
export function useGeolocation(onPosition: (position: LngLat, accuracyM: number) => void) {
  const [state, setState] = useState<GeoState>({ status: 'idle' });
  const locate = useCallback(() => {
    if (!('geolocation' in navigator)) {
      setState({ status: 'error', problem: 'unsupported' });
      return;
    }
    setState({ status: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setState({ status: 'done', accuracyM: pos.coords.accuracy });
        onPosition([pos.coords.longitude, pos.coords.latitude], pos.coords.accuracy);
      },
      (err) => {
        const problem: GeoProblem = err.code === err.PERMISSION_DENIED ? 'denied' : err.code === err.TIMEOUT ? 'timeout' : 'unavailable';
        setState({ status: 'error', problem });
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 5 * 60_000 },
    );
  }, [onPosition]);
  return { ...state, locate };
}
