/**
 * Hand-made demo geography of Sóc Trăng province: a rough province outline, the Hậu river, two
 * main roads and place names (the district seats are in electron/common/geo/soc-trang-districts.ts). SIMPLIFIED DEMO GEOMETRY: good enough to read the province on
 * a wall, not an official boundary. Operators load their own tiles for real boundaries.
 */

/** Clockwise from the north tip along the Hậu river, out to sea, then the land borders. */
export const provinceOutline = [
  [105.86, 9.98], [105.98, 9.92], [106.08, 9.82], [106.18, 9.73], [106.27, 9.64], [106.36, 9.55],
  [106.42, 9.42], [106.2, 9.25], [105.95, 9.15], [105.8, 9.2], [105.78, 9.28], [105.72, 9.36],
  [105.62, 9.42], [105.52, 9.5], [105.5, 9.6], [105.62, 9.66], [105.72, 9.72], [105.78, 9.82],
  [105.82, 9.92], [105.86, 9.98],
];

export const rivers = [
  {
    name_vi: "Sông Hậu",
    name_en: "Hậu River",
    line: [[105.6, 10.2], [105.78, 10.04], [105.9, 9.95], [106.0, 9.87], [106.1, 9.78], [106.2, 9.68], [106.3, 9.58], [106.4, 9.47]],
  },
];

export const roads = [
  {
    ref: "QL1A",
    line: [[105.78, 10.03], [105.84, 9.9], [105.9, 9.78], [105.94, 9.68], [105.973, 9.603], [105.9, 9.52], [105.8, 9.46], [105.74, 9.43], [105.72, 9.29]],
  },
  {
    ref: "Nam Sông Hậu",
    line: [[105.8, 10.0], [105.95, 9.86], [106.07, 9.73], [106.11, 9.62], [106.18, 9.5], [106.08, 9.4], [105.98, 9.33], [105.85, 9.28], [105.72, 9.29]],
  },
];

/** Labels: [kind, Vietnamese, English, lon, lat, smallest zoom shown] */
export const places = [
  ["country", "Việt Nam", "Vietnam", 106.4, 14.2, 3],
  ["country", "Campuchia", "Cambodia", 104.9, 12.8, 3],
  ["country", "Lào", "Laos", 103.0, 18.8, 3],
  ["country", "Thái Lan", "Thailand", 101.0, 15.5, 3],
  ["sea", "Biển Đông", "East Sea", 110.5, 12.0, 3],
  ["sea", "Vịnh Thái Lan", "Gulf of Thailand", 102.6, 9.6, 4],
  ["islands", "Quần đảo Hoàng Sa", "Hoàng Sa Archipelago", 112.0, 16.5, 4],
  ["islands", "Quần đảo Trường Sa", "Trường Sa Archipelago", 114.3, 9.8, 4],
  ["city", "Hà Nội", "Hà Nội", 105.85, 21.03, 3],
  ["city", "TP. Hồ Chí Minh", "Hồ Chí Minh City", 106.7, 10.78, 5],
  ["city", "Cần Thơ", "Cần Thơ", 105.78, 10.03, 6],
  ["city", "Bạc Liêu", "Bạc Liêu", 105.72, 9.29, 7],
  ["city", "Trà Vinh", "Trà Vinh", 106.34, 9.93, 7],
  ["city", "Vị Thanh", "Vị Thanh", 105.47, 9.78, 7],
  ["city", "Vĩnh Long", "Vĩnh Long", 105.97, 10.25, 7],
  ["city", "Cà Mau", "Cà Mau", 105.15, 9.18, 7],
  ["city", "Phnôm Pênh", "Phnom Penh", 104.92, 11.56, 5],
];
