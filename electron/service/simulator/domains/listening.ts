import type { EventItem } from "../../../common/feed-protocol.js";
import { HOUR, apportion, backfill, dayStart, drawIndex, expectedSince, model, ofToday, poisson, rollPoints, sumToday, upTo, type Points } from "../model.js";
import { round, type Random } from "../random.js";
import { districts } from "../soc-trang.js";

export const SENTIMENTS = [
  ["positive", "Tích cực"],
  ["neutral", "Trung lập"],
  ["negative", "Tiêu cực"],
] as const;
const SENTIMENT_SHARES = [0.34, 0.5, 0.16];
export const SUBJECTS = [
  ["services", "Dịch vụ công"],
  ["traffic", "Giao thông"],
  ["environment", "Môi trường, ngập nước"],
  ["land", "Đất đai, xây dựng"],
  ["health", "Y tế"],
  ["education", "Giáo dục"],
  ["tourism", "Du lịch, lễ hội"],
] as const;
const SUBJECT_SHARES = [0.2, 0.18, 0.16, 0.13, 0.12, 0.11, 0.1];
export const CHANNELS = [
  ["facebook", "Facebook"],
  ["news", "Báo điện tử"],
  ["youtube", "YouTube"],
  ["tiktok", "TikTok"],
  ["forums", "Diễn đàn"],
] as const;
const CHANNEL_SHARES = [0.52, 0.2, 0.11, 0.12, 0.05];
/** What a negative post is about, by subject: what the list shows for follow-up. */
const COMPLAINTS: Record<(typeof SUBJECTS)[number][0], string> = {
  services: "Người dân phàn nàn hồ sơ chậm trả kết quả",
  traffic: "Phản ánh đường hư hỏng, ổ gà gây mất an toàn",
  environment: "Phản ánh ngập nước sau mưa lớn",
  land: "Thắc mắc về bồi thường giải phóng mặt bằng",
  health: "Phàn nàn thời gian chờ khám bệnh kéo dài",
  education: "Phụ huynh phản ánh các khoản thu đầu năm",
  tourism: "Phản ánh giá dịch vụ tại điểm du lịch",
};
/** Posts about the province an hour, at its busiest: people post in the evening most. */
const MENTIONS_PER_HOUR = 420;

function socialLoad(t: number): number {
  const h = new Date(t + 7 * HOUR).getUTCHours();
  if (h >= 19 && h < 23) return 1;
  if (h >= 11 && h < 14) return 0.7;
  if (h >= 6 && h < 19) return 0.55;
  return 0.12;
}

interface ListeningState {
  at: number;
  day: number;
  /** Mentions of the province per hour over 24 hours; today's by sentiment, subject and channel. */
  mentions: Points;
  bySentiment: number[];
  bySubject: number[];
  byChannel: number[];
  /** The latest negative posts, for follow-up. */
  posts: EventItem[];
}

function negativePost(rng: Random, now: number): EventItem {
  const subject = drawIndex(rng, SUBJECT_SHARES);
  const [key, category] = SUBJECTS[subject]!;
  const channel = CHANNELS[drawIndex(rng, CHANNEL_SHARES)]![1];
  const district = rng.pick(districts);
  const reach = rng.int(2, 80) * 100;
  return {
    id: `MXH-${Math.floor(rng.next() * 1e9).toString(36).toUpperCase()}`,
    ts: now,
    title: COMPLAINTS[key],
    text: `${channel} · ${reach.toLocaleString("vi-VN")} lượt tương tác`,
    district,
    category,
    status: "received",
    priority: reach >= 5_000 ? "high" : "normal",
  };
}

/**
 * Social listening: today's mentions are today's hours on the chart, and split three ways that
 * each add up to them (sentiment, subject, channel); the negative share is read from the split.
 */
export const listening = model<ListeningState>({
  domain: "listening",
  start: (rng: Random, now: number) => {
    const mentions = backfill(now, 24, HOUR, (t) => poisson(rng, (MENTIONS_PER_HOUR * socialLoad(t + HOUR / 2) * Math.min(HOUR, now - t)) / HOUR));
    const today = sumToday(mentions, now);
    const posts = Array.from({ length: 12 }, (_, i) => negativePost(rng, now - (i + 1) * 7 * 60_000));
    return {
      at: now,
      day: dayStart(now),
      mentions,
      bySentiment: apportion(today, SENTIMENT_SHARES),
      bySubject: apportion(today, SUBJECT_SHARES),
      byChannel: apportion(today, CHANNEL_SHARES),
      posts,
    };
  },
  step: (state, rng, now) => {
    const n = poisson(rng, expectedSince(MENTIONS_PER_HOUR * socialLoad(now), state.at, now));
    const bySentiment = ofToday(state.bySentiment, state.day, now);
    const bySubject = ofToday(state.bySubject, state.day, now);
    const byChannel = ofToday(state.byChannel, state.day, now);
    let negative = 0;
    for (let i = 0; i < n; i++) {
      const s = drawIndex(rng, SENTIMENT_SHARES);
      bySentiment[s]! += 1;
      if (s === 2) negative++;
      bySubject[drawIndex(rng, SUBJECT_SHARES)]! += 1;
      byChannel[drawIndex(rng, CHANNEL_SHARES)]! += 1;
    }
    // One negative post in five needs following up; the list keeps the latest 30.
    const flagged = Array.from({ length: Math.min(3, poisson(rng, negative / 5)) }, () => negativePost(rng, now));
    return {
      at: now,
      day: dayStart(now),
      mentions: rollPoints(state.mentions, now, HOUR, (v) => (v ?? 0) + n),
      bySentiment,
      bySubject,
      byChannel,
      posts: flagged.length > 0 ? [...flagged, ...state.posts].slice(0, 30) : state.posts,
    };
  },
  topics: (state, now) => {
    const bySentiment = ofToday(state.bySentiment, state.day, now);
    const today = bySentiment.reduce((a, b) => a + b, 0);
    const items = (labels: ReadonlyArray<readonly [string, string]>, counts: number[]) => labels.map(([key, label], i) => ({ key, label, value: counts[i]! }));
    return {
      "listening.mentions.today": { kind: "number", unit: "lượt", value: today },
      "listening.mentions.trend": { kind: "series", unit: "lượt/giờ", series: [{ name: "Lượt đề cập", points: upTo(state.mentions, now) }] },
      "listening.sentiment": { kind: "breakdown", unit: "lượt", items: items(SENTIMENTS, bySentiment) },
      "listening.negative.rate": { kind: "number", unit: "%", value: today === 0 ? 0 : round((100 * bySentiment[2]!) / today, 1) },
      "listening.subjects": { kind: "breakdown", unit: "lượt", items: items(SUBJECTS, ofToday(state.bySubject, state.day, now)) },
      "listening.channels": { kind: "breakdown", unit: "lượt", items: items(CHANNELS, ofToday(state.byChannel, state.day, now)) },
      "listening.posts": { kind: "events", items: state.posts },
    };
  },
});
