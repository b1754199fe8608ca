const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/**
 * Great-circle (haversine) distance between two points given as [lon, lat] in degrees, as GeoNames/GeoJSON order them.
 *
 * @example
 *   distanceKm([-0.1278, 51.5074], [-2.2426, 53.4808]) // ≈ 262 (London to Manchester)
 */
export function distanceKm(a: readonly [number, number], b: readonly [number, number]): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLon = (b[0] - a[0]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
