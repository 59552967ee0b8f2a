/**
 * Names of villages and of places named after them, told apart by kecamatan: Bangli has two villages called
 * Bunutin (Kec. Bangli and Kec. Kintamani) and two called Abuan, so a bare "Kantor Perbekel Bunutin" is ambiguous.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useVillages } from '../api/hooks';
import type { VillageProps } from '../api/types';

export interface VillageNames {
  /** The village with `code`, or undefined (unknown code, or the list not loaded yet). */
  village(code: string | null | undefined): VillageProps | undefined;
  /** "Bunutin (Kec. Bangli)"; the code itself when the village is unknown. */
  villageLabel(code: string): string;
  /** A place's name, with " (Kec. …)" added when its village's name is shared by another village. */
  placeName(name: string, villageCode: string | null | undefined): string;
}

/** Village names with duplicates found in a village list. Pure: usable outside React and in tests. */
export function villageNamesOf(villages: readonly VillageProps[], label: (name: string, district: string) => string): VillageNames {
  const byCode = new Map(villages.map((v) => [v.code, v]));
  const count = new Map<string, number>();
  for (const v of villages) count.set(v.name, (count.get(v.name) ?? 0) + 1);
  return {
    village: (code) => (code ? byCode.get(code) : undefined),
    villageLabel: (code) => {
      const v = byCode.get(code);
      return v ? label(v.name, v.district_name) : code;
    },
    placeName: (name, code) => {
      const v = code ? byCode.get(code) : undefined;
      return v && (count.get(v.name) ?? 0) > 1 ? `${name} (Kec. ${v.district_name})` : name;
    },
  };
}

/** The village names of the (cached) village list, in the UI language. */
export function useVillageNames(): VillageNames {
  const { t } = useTranslation();
  const villages = useVillages();
  return useMemo(
    () => villageNamesOf((villages.data?.features ?? []).map((f) => f.properties), (name, district) => t('villageWithDistrict', { name, district })),
    [villages.data, t],
  );
}
