// A unit-month with full points on every indicator under the default rules (spec §4), given a class
// median of at most 1000 orders: the engine's tests change one or two values of it.

import { MeasureId } from "../../src/engine/catalogue";

export const PERFECT: Readonly<Record<MeasureId, number>> = {
  ordersTotal: 1000,
  manualQueued: 1000,
  manualAnswered: 1000,
  infoOrders: 100,
  infoInstant: 100,
  avgWaitSeconds: 12,
  transferDue: 50,
  transferOnTime: 50,
  crossCityDue: 10,
  crossCityOnTime: 10,
  instantRated: 100,
  instantSatisfied: 100,
  transferClosed: 48,
  revisited: 24,
  revisitRated: 20,
  revisitSatisfied: 20,
  reportsRequired: 4,
  reportsOnTime: 4,
  reportsLate: 0,
  inspectionMinor: 0,
  inspectionMajor: 0,
};
