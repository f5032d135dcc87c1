import type { Language } from "../../electron/common/localized-text.js";

/** Screen text, Vietnamese first. Keys are stable; add both languages together. */
const dictionary = {
  connecting: { vi: "Đang kết nối tới máy chủ…", en: "Connecting to the service…" },
  offline: { vi: "Mất kết nối", en: "Disconnected" },
  refusedUnauthorized: { vi: "Màn hình chưa được cấp quyền: mã ghép nối thiếu hoặc sai", en: "This display is not authorised: its pairing token is missing or wrong" },
  refusedOther: { vi: "Máy chủ từ chối kết nối ({reason})", en: "The service refused the connection ({reason})" },
  retryAt: { vi: "Thử lại lúc {time}", en: "Retrying at {time}" },
  unknownDisplay: { vi: "Màn hình “{id}” không có trong cấu hình wall.json", en: "Display “{id}” is not in wall.json" },
  knownDisplays: { vi: "Các màn hình đã khai báo: {ids}", en: "Configured displays: {ids}" },
  noTiles: { vi: "Bố cục này không có ô nào trên màn hình {id}", en: "This layout has no tile on display {id}" },
  widgetFailed: { vi: "Ô “{tile}” gặp lỗi", en: "Tile “{tile}” failed" },
  consoleTitle: { vi: "Bảng điều khiển màn hình tường", en: "Video wall console" },
  tokenLabel: { vi: "Mã truy cập", en: "Access token" },
  signIn: { vi: "Đăng nhập", en: "Sign in" },
  signOut: { vi: "Đăng xuất", en: "Sign out" },
  wrongToken: { vi: "Mã truy cập không đúng", en: "Wrong access token" },
  serviceUnreachable: { vi: "Không kết nối được máy chủ", en: "Cannot reach the service" },
  layouts: { vi: "Bố cục", en: "Layouts" },
  active: { vi: "Đang hiển thị", en: "On the wall" },
  show: { vi: "Hiển thị", en: "Show" },
  displays: { vi: "Màn hình", en: "Displays" },
  connected: { vi: "Đã kết nối", en: "Connected" },
  disconnected: { vi: "Chưa kết nối", en: "Not connected" },
  fileErrors: { vi: "Tệp đang lỗi; phiên bản hợp lệ gần nhất vẫn được dùng", en: "The file has errors; the last good version stays in use" },
  fileBroken: { vi: "Tệp lỗi, chưa có phiên bản hợp lệ", en: "The file has errors and no good version" },
  switchFailed: { vi: "Không chuyển được bố cục: {error}", en: "Could not switch layout: {error}" },
  revision: { vi: "Phiên bản {n}", en: "Revision {n}" },
  staleSince: { vi: "Dữ liệu cũ từ {time}", en: "Stale data since {time}" },
  waitingData: { vi: "Đang chờ dữ liệu…", en: "Waiting for data…" },
  wrongKind: { vi: "Chủ đề {topic} có dạng “{kind}”, ô này cần “{expected}”", en: "Topic {topic} carries “{kind}”; this tile needs “{expected}”" },
  vsPrevious: { vi: "so với lần trước", en: "vs previous" },
  ofTarget: { vi: "{pct} kế hoạch", en: "{pct} of target" },
  target: { vi: "Mục tiêu {value}", en: "Target {value}" },
  up: { vi: "Hoạt động", en: "Up" },
  down: { vi: "Gián đoạn", en: "Down" },
  sinceTime: { vi: "từ {time}", en: "since {time}" },
  rank: { vi: "Hạng", en: "Rank" },
  name: { vi: "Tên", en: "Name" },
  value: { vi: "Giá trị", en: "Value" },
  noItems: { vi: "Chưa có mục nào", en: "No items yet" },
  status_received: { vi: "Đã tiếp nhận", en: "Received" },
  status_processing: { vi: "Đang xử lý", en: "Processing" },
  status_resolved: { vi: "Đã giải quyết", en: "Resolved" },
  status_overdue: { vi: "Quá hạn", en: "Overdue" },
  healthLine: { vi: "{ready} ô sẵn sàng · {stale} ô dữ liệu cũ · {error} ô lỗi · {dropped} tin bị loại", en: "{ready} ready · {stale} stale · {error} failed · {dropped} messages dropped" },
  noSignal: { vi: "Mất tín hiệu", en: "No signal" },
  unknownCamera: { vi: "Không có camera “{id}” trong danh mục", en: "No camera “{id}” in the catalog" },
  lastFrameAt: { vi: "Khung hình cuối lúc {time}", en: "Last frame at {time}" },
  noFrameYet: { vi: "Chưa nhận được hình", en: "No picture received yet" },
  reportedDown: { vi: "Hệ thống báo mất kết nối", en: "Reported down" },
  noCameras: { vi: "Không có camera nào để hiển thị", en: "No cameras to show" },
  systemsUp: { vi: "{up}/{total} hệ thống hoạt động", en: "{up} of {total} systems up" },
  maps: { vi: "Bản đồ", en: "Maps" },
  mapMoveFailed: { vi: "Không di chuyển được bản đồ: {error}", en: "Could not move the map: {error}" },
  mapView: { vi: "tâm {lon}, {lat} · mức {zoom} · hướng {bearing}°", en: "centre {lon}, {lat} · zoom {zoom} · bearing {bearing}°" },
  panWest: { vi: "Dịch sang tây", en: "Pan west" },
  panNorth: { vi: "Dịch lên bắc", en: "Pan north" },
  panSouth: { vi: "Dịch xuống nam", en: "Pan south" },
  panEast: { vi: "Dịch sang đông", en: "Pan east" },
  zoomIn: { vi: "Phóng to", en: "Zoom in" },
  zoomOut: { vi: "Thu nhỏ", en: "Zoom out" },
  turnLeft: { vi: "Xoay trái", en: "Turn left" },
  turnRight: { vi: "Xoay phải", en: "Turn right" },
  mapReset: { vi: "Về góc nhìn của bố cục", en: "Back to the layout's view" },
  mapFailed: { vi: "Bản đồ không vẽ được", en: "The map cannot draw" },
  mapRetry: { vi: "Thử lại sau {seconds} giây", en: "Trying again in {seconds} s" },
  mapRecovering: { vi: "Đang khôi phục bản đồ…", en: "Restoring the map…" },
  mapWaiting: { vi: "Đang chờ tài nguyên đồ họa (WebGL)", en: "Waiting for a WebGL context" },
  mapDemoNote: { vi: "Nền: Natural Earth · Ranh giới huyện: dữ liệu minh họa, đã giản lược", en: "Base: Natural Earth · District boundaries: simplified demo data" },
} satisfies Record<string, Record<Language, string>>;

export type TextKey = keyof typeof dictionary;

export function translate(language: Language, key: TextKey, vars: Record<string, string | number> = {}): string {
  let text: string = dictionary[key][language];
  for (const [name, value] of Object.entries(vars)) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}

/** `?lang=en` picks English; Vietnamese otherwise. */
export function languageFromUrl(search: string): Language {
  return new URLSearchParams(search).get("lang") === "en" ? "en" : "vi";
}

export function locale(language: Language): string {
  return language === "en" ? "en-GB" : "vi-VN";
}
