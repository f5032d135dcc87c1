/**
 * Hand-made demo geography of Sóc Trăng province: a rough province outline, two main roads and
 * place names (the district seats are in electron/common/geo/soc-trang-districts.ts). SIMPLIFIED DEMO GEOMETRY: good enough to read the province on
 * a wall, not an official boundary. Operators load their own tiles for real boundaries.
 */

/**
 * Clockwise from the north tip down the middle of the Hậu river's main channel (traced on
 * scripts/basemap/data/mekong-delta.json, whose banks then cut it), out to sea, then the land
 * borders; the real coast cuts the sea side.
 */
export const provinceOutline = [
  [105.86, 9.98], [105.92, 9.95], [105.95, 9.91], [105.98, 9.87], [106.02, 9.82], [106.05, 9.79],
  [106.09, 9.745], [106.13, 9.72], [106.17, 9.685], [106.21, 9.655], [106.25, 9.625], [106.28, 9.605],
  [106.31, 9.585], [106.31, 9.5], [106.42, 9.42], [106.2, 9.25], [105.95, 9.15], [105.8, 9.2], [105.78, 9.28], [105.72, 9.36],
  [105.62, 9.42], [105.52, 9.5], [105.5, 9.6], [105.62, 9.66], [105.72, 9.72], [105.78, 9.82],
  [105.82, 9.92], [105.86, 9.98],
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
  ["river", "Sông Hậu", "Hậu River", 106.03, 9.86, 8],
  ["sea", "Biển Đông", "East Sea", 106.45, 9.2, 8],
  ["city", "Phnôm Pênh", "Phnom Penh", 104.92, 11.56, 5],
];
