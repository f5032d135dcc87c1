import { breakdownTopic, counterTopic, gaugeTopic } from "./generators.js";
import { admin } from "./domains/admin.js";
import { agriculture } from "./domains/agriculture.js";
import { labour } from "./domains/labour.js";
import { listening } from "./domains/listening.js";
import { security } from "./domains/security.js";
import { social } from "./domains/social.js";
import { traffic } from "./domains/traffic.js";
import { cameras } from "./domains/cameras.js";
import { economy } from "./domains/economy.js";
import { environment } from "./domains/environment.js";
import { feedback } from "./domains/feedback.js";
import { health } from "./domains/health.js";
import { portal } from "./domains/portal.js";
import { tourism } from "./domains/tourism.js";
import { standalone, type DomainModel } from "./model.js";
import { Random } from "./random.js";
import { agencies, districts, schoolLevels } from "./soc-trang.js";

/** Every domain of the simulated province. Topic names are a contract with the demo layouts. */
export const models: DomainModel[] = [
  health,
  // Giáo dục — education: figures that stand alone.
  standalone("education", [
    gaugeTopic("education.students.total", { unit: "học sinh", start: 268_540, min: 267_000, max: 270_000, step: 30, decimals: 0 }),
    gaugeTopic("education.attendance.rate", { unit: "%", start: 97.2, min: 93, max: 99.8, step: 0.15, decimals: 1, target: 98 }),
    breakdownTopic("education.schools.by_level", schoolLevels, { unit: "trường", min: 20, max: 190, step: 0.4, decimals: 0 }),
    breakdownTopic("education.attendance.by_district", districts, { unit: "%", min: 92, max: 99.9, step: 0.3, decimals: 1 }),
  ]),
  admin,
  portal,
  // Văn bản điện tử — electronic documents.
  standalone("docs", [
    counterTopic("docs.issued.today", { unit: "văn bản", start: 412, inc: [0, 2] }),
    counterTopic("docs.received.today", { unit: "văn bản", start: 1_036, inc: [0, 3] }),
    gaugeTopic("docs.pending", { unit: "văn bản", start: 214, min: 120, max: 340, step: 4, decimals: 0 }),
    gaugeTopic("docs.digital_signature_rate", { unit: "%", start: 91.3, min: 85, max: 99.5, step: 0.2, decimals: 1, target: 90 }),
    breakdownTopic("docs.by_agency", agencies, { unit: "văn bản", min: 20, max: 260, step: 3, decimals: 0 }),
  ]),
  environment,
  tourism,
  economy,
  feedback,
  cameras,
  // The domains the province announced next: agriculture and salinity, labour, social security,
  // social listening, traffic and AI camera events, information security.
  agriculture,
  labour,
  social,
  listening,
  traffic,
  security,
];

/** Every simulated topic (a model's topics are the same at any moment). */
export const simulatedTopics = models.flatMap((m) => Object.keys(m.topics(m.start(new Random(1), 0), 0)));
