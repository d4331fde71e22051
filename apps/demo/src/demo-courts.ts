import { YELLOW_RIVER_BEND_COURTS } from '@enforcement-link/protocol';

export type DemoCourt = (typeof YELLOW_RIVER_BEND_COURTS)[number];

/** The ten intermediate courts of the Yellow River bend agreement, which the demo runs. */
export const DEMO_COURTS: DemoCourt[] = YELLOW_RIVER_BEND_COURTS.filter(
  (court) => court.level === 'intermediate',
);

/** The city a court sits in, as its name says it: 榆林市 for 榆林市中级人民法院. */
export function cityOf(court: DemoCourt): string {
  return court.name.zh.replace(/中级人民法院$/, '');
}
