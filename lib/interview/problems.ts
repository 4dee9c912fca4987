/**
 * The problem library (content/problems/*.json), imported statically so the
 * files ship with the build and the mock works offline. This is the one
 * module that imports them; each is checked against `problemSchema`.
 *
 * To add a problem: write content/problems/{id}.json, import it below and
 * list it in RAW (the unit test checks it passes its own target).
 */
import chat from '@/content/problems/chat.json';
import fileSync from '@/content/problems/file-sync.json';
import flashSale from '@/content/problems/flash-sale.json';
import leaderboard from '@/content/problems/leaderboard.json';
import newsFeed from '@/content/problems/news-feed.json';
import notificationService from '@/content/problems/notification-service.json';
import pastebin from '@/content/problems/pastebin.json';
import rateLimiter from '@/content/problems/rate-limiter.json';
import rideHailing from '@/content/problems/ride-hailing.json';
import searchAutocomplete from '@/content/problems/search-autocomplete.json';
import ticketBooking from '@/content/problems/ticket-booking.json';
import urlShortener from '@/content/problems/url-shortener.json';
import videoStreaming from '@/content/problems/video-streaming.json';
import webCrawler from '@/content/problems/web-crawler.json';
import { parseProblem, type Problem } from './schema';

/** In library order: easy, medium, hard. */
const RAW: readonly { file: string; doc: unknown }[] = [
  { file: 'url-shortener.json', doc: urlShortener },
  { file: 'pastebin.json', doc: pastebin },
  { file: 'rate-limiter.json', doc: rateLimiter },
  { file: 'notification-service.json', doc: notificationService },
  { file: 'web-crawler.json', doc: webCrawler },
  { file: 'search-autocomplete.json', doc: searchAutocomplete },
  { file: 'ticket-booking.json', doc: ticketBooking },
  { file: 'leaderboard.json', doc: leaderboard },
  { file: 'news-feed.json', doc: newsFeed },
  { file: 'chat.json', doc: chat },
  { file: 'video-streaming.json', doc: videoStreaming },
  { file: 'ride-hailing.json', doc: rideHailing },
  { file: 'file-sync.json', doc: fileSync },
  { file: 'flash-sale.json', doc: flashSale },
];

function load(): Problem[] {
  const out: Problem[] = [];
  for (const { doc } of RAW) {
    const parsed = parseProblem(doc);
    // A broken content file must not take the library down; the unit test names it.
    if (parsed.ok) out.push(parsed.problem);
  }
  return out;
}

export const PROBLEMS: readonly Problem[] = load();

export function getProblem(id: string): Problem | null {
  return PROBLEMS.find((p) => p.id === id) ?? null;
}

/** Every listed file, parsed, for the test that keeps them valid. */
export function checkProblemFiles(): { file: string; ok: boolean; issues: string[] }[] {
  return RAW.map(({ file, doc }) => {
    const parsed = parseProblem(doc);
    return { file, ok: parsed.ok, issues: parsed.ok ? [] : parsed.issues };
  });
}
