/** Reference data of Sóc Trăng province used by the simulator. */
import { socTrangDistricts } from "../../common/geo/soc-trang-districts.js";

/** The districts' names, as the feed names them (their seats: electron/common/geo/soc-trang-districts.ts). */
export const districts: readonly string[] = socTrangDistricts.map((d) => d.name);

/** A breakdown's items by district, from one value per district in the order above. */
export function districtItems(values: readonly number[]): Array<{ key: string; label: string; value: number }> {
  return districts.map((label, i) => ({ key: `k${i + 1}`, label, value: values[i]! }));
}

export const departments = [
  "Sở Kế hoạch và Đầu tư",
  "Sở Tài nguyên và Môi trường",
  "Sở Xây dựng",
  "Sở Giao thông vận tải",
  "Sở Lao động - Thương binh và Xã hội",
  "Sở Tư pháp",
  "Sở Y tế",
  "Sở Giáo dục và Đào tạo",
  "Sở Công Thương",
  "Sở Nông nghiệp và Phát triển nông thôn",
  "Sở Thông tin và Truyền thông",
  "Sở Văn hóa, Thể thao và Du lịch",
] as const;

export const hospitals = [
  "Bệnh viện Đa khoa tỉnh",
  "Bệnh viện Sản - Nhi",
  "Bệnh viện Chuyên khoa Lao và Bệnh phổi",
  "Bệnh viện Chuyên khoa Tâm thần",
  "Bệnh viện Quân dân y",
  "Trung tâm Y tế TX. Vĩnh Châu",
  "Trung tâm Y tế Kế Sách",
  "Trung tâm Y tế Mỹ Xuyên",
] as const;

export const tourismSites = [
  "Chùa Dơi (Mahatup)",
  "Chùa Chén Kiểu",
  "Chùa Som Rong",
  "Chùa Kh'Leang",
  "Khu du lịch Hồ Nước Ngọt",
  "Cồn Mỹ Phước",
  "Chợ nổi Ngã Năm",
  "Bảo tàng Văn hóa Khmer",
] as const;

export const salinityStations = ["Đại Ngãi", "Long Phú", "Trần Đề", "Thạnh Phú", "Vĩnh Châu", "An Lạc Thôn", "Cù Lao Dung", "Mỹ Thanh"] as const;

/** Where the salinity stations stand (approximate, for the demo map), and the alarm level in ‰. */
export const salinityStationPlaces: Record<(typeof salinityStations)[number], { lat: number; lon: number; target: number }> = {
  "Đại Ngãi": { lat: 9.733, lon: 106.071, target: 4 },
  "Long Phú": { lat: 9.612, lon: 106.121, target: 4 },
  "Trần Đề": { lat: 9.503, lon: 106.2, target: 4 },
  "Thạnh Phú": { lat: 9.452, lon: 105.885, target: 4 },
  "Vĩnh Châu": { lat: 9.331, lon: 105.982, target: 4 },
  "An Lạc Thôn": { lat: 9.852, lon: 105.999, target: 4 },
  "Cù Lao Dung": { lat: 9.62, lon: 106.205, target: 4 },
  "Mỹ Thanh": { lat: 9.421, lon: 106.103, target: 4 },
};

export const agencies = [
  "Văn phòng UBND tỉnh",
  "Sở Nội vụ",
  "Sở Tài chính",
  "Sở Kế hoạch và Đầu tư",
  "Sở Tài nguyên và Môi trường",
  "Sở Y tế",
  "UBND TP. Sóc Trăng",
  "UBND TX. Vĩnh Châu",
] as const;

export const systems = [
  ["portal", "Cổng thông tin điện tử tỉnh"],
  ["dvc", "Cổng dịch vụ công trực tuyến"],
  ["tthc", "Hệ thống thông tin giải quyết TTHC"],
  ["qlvb", "Hệ thống quản lý văn bản và điều hành"],
  ["mail", "Thư điện tử công vụ"],
  ["lgsp", "Nền tảng tích hợp, chia sẻ dữ liệu (LGSP)"],
  ["hop", "Hệ thống hội nghị truyền hình"],
  ["pakn", "Hệ thống phản ánh kiến nghị"],
  ["ytedt", "Hệ thống điều hành y tế"],
  ["csdl", "Cơ sở dữ liệu dùng chung"],
] as const;

export const schoolLevels = ["Mầm non", "Tiểu học", "Trung học cơ sở", "Trung học phổ thông"] as const;

export const feedbackCategories = ["Môi trường", "Giao thông", "Đất đai", "Trật tự đô thị", "An ninh trật tự", "Y tế", "Điện, nước", "Thủ tục hành chính"] as const;

/** Citizen feedback as people write it. */
export const feedbackTemplates: ReadonlyArray<readonly [category: string, title: string, text: string]> = [
  ["Môi trường", "Rác thải tồn đọng", "Rác thải sinh hoạt tồn đọng nhiều ngày tại khu dân cư, bốc mùi hôi."],
  ["Giao thông", "Mặt đường hư hỏng", "Đoạn đường có nhiều ổ gà, gây nguy hiểm cho người đi xe máy vào ban đêm."],
  ["Giao thông", "Đèn tín hiệu không hoạt động", "Đèn tín hiệu giao thông tại ngã tư bị hỏng từ sáng."],
  ["Đất đai", "Chậm cấp giấy chứng nhận", "Hồ sơ cấp giấy chứng nhận quyền sử dụng đất đã quá hẹn nhưng chưa được trả kết quả."],
  ["Trật tự đô thị", "Lấn chiếm vỉa hè", "Nhiều hộ kinh doanh lấn chiếm vỉa hè để buôn bán, người đi bộ phải xuống lòng đường."],
  ["An ninh trật tự", "Tụ tập gây mất trật tự", "Nhóm thanh niên tụ tập, chạy xe gây ồn ào sau 22 giờ."],
  ["Y tế", "Thái độ phục vụ", "Người nhà bệnh nhân phản ánh thời gian chờ khám quá lâu."],
  ["Điện, nước", "Mất nước sinh hoạt", "Khu vực bị mất nước sinh hoạt từ hai ngày nay, chưa có thông báo."],
  ["Điện, nước", "Cúp điện kéo dài", "Mất điện kéo dài nhiều giờ ảnh hưởng đến sản xuất, kinh doanh."],
  ["Môi trường", "Xả thải ra kênh", "Cơ sở chế biến thủy sản xả nước thải chưa qua xử lý ra kênh."],
  ["Thủ tục hành chính", "Hướng dẫn chưa rõ ràng", "Bộ phận một cửa hướng dẫn hồ sơ nhiều lần, mỗi lần yêu cầu khác nhau."],
  ["Môi trường", "Xâm nhập mặn", "Nước kênh nội đồng nhiễm mặn, người dân không thể tưới lúa."],
];

export const feedbackStatuses = ["received", "processing", "resolved", "overdue"] as const;
