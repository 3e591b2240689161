"use strict";

// The service speaks English in `detail`; editors read a plain Persian sentence chosen by HTTP status.
const MESSAGES = {
  400: "درخواست خوانا نبود؛ متن را دوباره بچسبانید.",
  401: "برای استفاده از این سرویس کلید دسترسی لازم است.",
  413: "متن از حد مجاز بلندتر است؛ بخشی از آن را کوتاه کنید.",
  422: "این متن قابل خلاصه‌کردن نیست؛ باید یک خبر فارسی باشد.",
  429: "سرویس سرش شلوغ است؛ چند لحظه بعد دوباره امتحان کنید.",
  503: "سرویس یا موتور انتخاب‌شده فعلاً آماده نیست؛ کمی بعد دوباره امتحان کنید یا موتور «خودکار» را انتخاب کنید.",
  504: "خلاصه‌سازی بیش از حد طول کشید؛ دوباره امتحان کنید.",
};
const NETWORK_MESSAGE = "ارتباط با سرویس برقرار نشد.";
const FALLBACK_MESSAGE = "خطای پیش‌بینی‌نشده‌ای رخ داد.";
const ENGINE_NAMES = { extractive: "استخراجی", abstractive: "چکیده‌ساز" };

const $ = (id) => document.getElementById(id);
// An empty length box leaves the choice to the service's configured default.
const lengthFrom = (id) => ($(id).value === "" ? null : Number($(id).value));
const persianNumber = (value, digits = 0) =>
  value.toLocaleString("fa-IR", { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function summarize(event) {
  event.preventDefault();
  const text = $("article").value;
  const body = {
    text,
    engine: $("engine").value,
    max_sentences: lengthFrom("max-sentences"),
    max_claims: lengthFrom("max-claims"),
  };
  setBusy(true);
  try {
    const response = await fetch("/v1/summarize", {
      method: "POST",
      headers: requestHeaders(),
      body: JSON.stringify(body),
    });
    const payload = await response.json().catch(() => ({}));
    if (!response.ok) {
      showError(MESSAGES[response.status] || FALLBACK_MESSAGE, payload.detail || `HTTP ${response.status}`);
      return;
    }
    showResult(text, payload);
  } catch (error) {
    showError(NETWORK_MESSAGE, String(error));
  } finally {
    setBusy(false);
  }
}

// The service may require an API key (KHOLASE_API_KEYS); the page keeps it for this browser tab only.
function requestHeaders() {
  const key = $("api-key").value.trim();
  if (key) sessionStorage.setItem("kholase-api-key", key);
  return key ? { "Content-Type": "application/json", "X-API-Key": key } : { "Content-Type": "application/json" };
}

function setBusy(busy) {
  $("submit").disabled = busy;
  $("submit").textContent = busy ? "در حال خلاصه‌سازی…" : "خلاصه کن";
}

function showError(message, detail) {
  $("result").hidden = true;
  $("error-message").textContent = message;
  $("error-detail").textContent = detail;
  $("error").hidden = false;
}

function showResult(text, result) {
  $("error").hidden = true;
  $("headline").textContent = result.headline;
  $("summary").textContent = result.summary;
  renderClaims(result.key_claims);
  renderMarkedText(text, result.key_claims);
  const engine = ENGINE_NAMES[result.engine] || result.engine;
  const total = (result.timings_ms || {}).total || 0;  // the whole call; the other entries are its steps
  let meta = `موتور: ${engine}${result.model ? ` (${result.model})` : ""} · ${persianNumber(total)} میلی‌ثانیه`;
  if (result.fallback_reason) meta += ` · جایگزین استخراجی، چون: ${result.fallback_reason}`;
  $("meta").textContent = meta;
  $("result").hidden = false;
}

function renderClaims(claims) {
  const list = $("claims");
  list.replaceChildren();
  $("no-claims").hidden = claims.length > 0;
  claims.forEach((claim, index) => {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = `#claim-${index}`;
    link.textContent = claim.text;
    const speaker = document.createElement("span");
    speaker.className = "speaker";
    speaker.textContent = claim.speaker ? `گوینده: ${claim.speaker}` : "گوینده نامشخص";
    const score = document.createElement("span");
    score.className = "score";
    score.textContent = `اهمیت ${persianNumber(claim.score, 2)}`;
    item.append(link, speaker, score);
    item.dataset.claim = index;
    linkHover(item, index);
    list.append(item);
  });
}

// Offsets count Unicode code points (Python's str); JavaScript strings count UTF-16 units, so slice code points.
function renderMarkedText(text, claims) {
  const points = Array.from(text);
  const ordered = claims.map((claim, index) => ({ ...claim, index })).sort((a, b) => a.start - b.start);
  const container = $("marked");
  container.replaceChildren();
  let cursor = 0;
  for (const claim of ordered) {
    if (claim.start < cursor || claim.end > points.length) continue; // overlapping or out of range: list only
    container.append(points.slice(cursor, claim.start).join(""));
    const mark = document.createElement("mark");
    mark.id = `claim-${claim.index}`;
    mark.dataset.claim = claim.index;
    mark.title = claim.speaker ? `گوینده: ${claim.speaker}` : "گوینده نامشخص";
    mark.textContent = points.slice(claim.start, claim.end).join("");
    linkHover(mark, claim.index);
    container.append(mark);
    cursor = claim.end;
  }
  container.append(points.slice(cursor).join(""));
}

// Hovering a claim in the list lights up its highlight in the article, and the other way round.
function linkHover(element, index) {
  const toggle = (on) =>
    document.querySelectorAll(`[data-claim="${index}"]`).forEach((node) => node.classList.toggle("active", on));
  element.addEventListener("mouseenter", () => toggle(true));
  element.addEventListener("mouseleave", () => toggle(false));
}

async function copy(event) {
  const button = event.currentTarget;
  const text = $(button.dataset.copy).textContent;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const range = document.createRange();
    range.selectNodeContents($(button.dataset.copy));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    document.execCommand("copy");
  }
  button.textContent = "کپی شد";
  setTimeout(() => (button.textContent = "کپی"), 1500);
}

$("form").addEventListener("submit", summarize);
document.querySelectorAll("button.copy").forEach((button) => button.addEventListener("click", copy));

$("api-key").value = sessionStorage.getItem("kholase-api-key") || "";
