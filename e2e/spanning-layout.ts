import type { WallProcess } from "./wall-process.js";

/**
 * A layout whose tiles span display edges on the 3×2 demo wall (grid 12×6: a clock from canvas x 968 to
 * 2904, across D1|D2), written by the tests that check placement, so the shipped layouts may change.
 */
export const spanningLayout = {
  "id": "spanning",
  "title": {
    "vi": "Ô trải qua viền màn hình",
    "en": "Tiles across a bezel"
  },
  "grid": {
    "columns": 12,
    "rows": 6
  },
  "tiles": [
    {
      "id": "banner",
      "x": 0,
      "y": 0,
      "w": 12,
      "h": 1,
      "widget": "text",
      "options": {
        "heading": {
          "vi": "TRUNG TÂM GIÁM SÁT, ĐIỀU HÀNH THÔNG MINH TỈNH SÓC TRĂNG",
          "en": "Sóc Trăng Intelligent Operations Centre"
        },
        "body": {
          "vi": "Ủy ban nhân dân tỉnh Sóc Trăng · Sở Thông tin và Truyền thông",
          "en": "Sóc Trăng Provincial People's Committee · Department of Information and Communications"
        },
        "size": "huge",
        "align": "center"
      }
    },
    {
      "id": "clock",
      "x": 2,
      "y": 1,
      "w": 4,
      "h": 2,
      "widget": "clock",
      "title": {
        "vi": "Giờ Việt Nam",
        "en": "Viet Nam time"
      },
      "options": {
        "timeZone": "Asia/Ho_Chi_Minh"
      }
    },
    {
      "id": "intro",
      "x": 0,
      "y": 1,
      "w": 2,
      "h": 2,
      "widget": "text",
      "title": {
        "vi": "Giới thiệu",
        "en": "About"
      },
      "options": {
        "body": {
          "vi": "Trung tâm kết nối nền tảng Chính quyền điện tử và nền tảng đô thị thông minh của tỉnh, hỗ trợ lãnh đạo ra quyết định kịp thời, chính xác.",
          "en": "The centre connects the province's e-government and smart-city platforms to support timely, accurate decisions."
        },
        "size": "medium"
      }
    },
    {
      "id": "domains",
      "x": 6,
      "y": 1,
      "w": 6,
      "h": 2,
      "widget": "text",
      "title": {
        "vi": "10 lĩnh vực giám sát",
        "en": "10 monitored domains"
      },
      "options": {
        "body": {
          "vi": "Y tế · Giáo dục · Hành chính công · Cổng thông tin điện tử · Văn bản điện tử · Tài nguyên và môi trường · Du lịch · Chỉ tiêu kinh tế - xã hội · Phản ánh kiến nghị · Camera giám sát",
          "en": "Health · Education · Public administrative services · E-government portal · Electronic documents · Natural resources and environment · Tourism · Socio-economic indicators · Citizen feedback · Camera surveillance"
        },
        "size": "large"
      }
    },
    {
      "id": "next",
      "x": 0,
      "y": 3,
      "w": 12,
      "h": 3,
      "widget": "text",
      "title": {
        "vi": "Định hướng mở rộng",
        "en": "Next domains"
      },
      "options": {
        "body": {
          "vi": "Nông nghiệp · Lao động · An sinh xã hội · Lắng nghe mạng xã hội · Xử lý camera an ninh · Giao thông · Hệ thống thông tin địa lý GIS · Điều hành an toàn thông tin",
          "en": "Agriculture · Labour · Social security · Social-media listening · AI camera analytics · Traffic · GIS · Information-security operations"
        },
        "size": "huge",
        "align": "center"
      }
    }
  ]
};

/** Adds the spanning layout to the wall and shows it. */
export async function showSpanning(wall: WallProcess): Promise<void> {
  await wall.addLayout(spanningLayout);
  await wall.show(spanningLayout.id);
}
