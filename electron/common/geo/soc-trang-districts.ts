/**
 * Sóc Trăng's eleven districts, named as the feed names them, with their seats (approximate).
 * One source for the simulator (feedback is placed around the seat) and for the demo basemap
 * (scripts/basemap: the simplified district shapes are cells around these seats).
 */
export interface DemoDistrict {
  /** The code the demo basemap gives the district's shape; a breakdown may key by it. */
  code: string;
  name: string;
  nameEn: string;
  lon: number;
  lat: number;
}

export const socTrangDistricts = [
  { code: "st-tp", name: "TP. Sóc Trăng", nameEn: "Sóc Trăng City", lon: 105.973, lat: 9.603 },
  { code: "st-vc", name: "TX. Vĩnh Châu", nameEn: "Vĩnh Châu Town", lon: 105.98, lat: 9.33 },
  { code: "st-nn", name: "TX. Ngã Năm", nameEn: "Ngã Năm Town", lon: 105.6, lat: 9.565 },
  { code: "st-ct", name: "Châu Thành", nameEn: "Châu Thành District", lon: 105.9, lat: 9.69 },
  { code: "st-cld", name: "Cù Lao Dung", nameEn: "Cù Lao Dung District", lon: 106.17, lat: 9.65 },
  { code: "st-ks", name: "Kế Sách", nameEn: "Kế Sách District", lon: 105.98, lat: 9.8 },
  { code: "st-lp", name: "Long Phú", nameEn: "Long Phú District", lon: 106.09, lat: 9.6 },
  { code: "st-mt", name: "Mỹ Tú", nameEn: "Mỹ Tú District", lon: 105.8, lat: 9.63 },
  { code: "st-mx", name: "Mỹ Xuyên", nameEn: "Mỹ Xuyên District", lon: 105.97, lat: 9.5 },
  { code: "st-tt", name: "Thạnh Trị", nameEn: "Thạnh Trị District", lon: 105.74, lat: 9.43 },
  { code: "st-td", name: "Trần Đề", nameEn: "Trần Đề District", lon: 106.18, lat: 9.5 },
] as const satisfies readonly DemoDistrict[];

/** The demo province's land, [west, south, east, north]: what a map with `"fit": "province"` shows. */
export const DEMO_PROVINCE_BOUNDS = [105.5, 9.2, 106.32, 9.99] as const;
