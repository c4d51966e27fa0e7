/** A business's slots version (migration 0115): bumped by every change its slots are computed from. */
export interface SlotsVersionsTable {
  provider_id: number;
  version: number;
}
