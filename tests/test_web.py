"""The editors' page in a real browser: Debian's headless Chromium driven by Playwright against a live server.

Screenshots go to test-output/web/ (git-ignored) at the repository root.
"""

from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("Debian chromium is not installed (apt-get install -y chromium)", allow_module_level=True)
pytest.importorskip("playwright", reason="the [dev] extra")

from playwright.sync_api import Page, expect, sync_playwright

from kholase.api.app import create_app
from kholase.config import Settings
from kholase.summarizer import Summarizer
from tests.support import ROOT, served_in_thread

pytestmark = pytest.mark.slow
SCREENSHOTS = ROOT / "test-output" / "web"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def summarizer() -> Summarizer:
    return Summarizer().load()


@pytest.fixture(scope="module")
def base_url(summarizer):
    with served_in_thread(create_app(summarizer=summarizer)) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url) -> Page:
    context = browser.new_context(locale="fa-IR", viewport={"width": 1100, "height": 900})
    page = context.new_page()
    foreign = []
    page.on("request", lambda request: None if request.url.startswith(base_url) else foreign.append(request.url))
    page.goto(base_url + "/")
    yield page
    context.close()
    assert not foreign, f"the page fetched from outside the service: {foreign}"


def submit(page: Page, text: str) -> None:
    page.fill("#article", text)
    page.click("#submit")


def test_donations_article_shows_headline_summary_and_highlighted_claims(page, summarizer, donations_text):
    expected = summarizer.summarize(donations_text)
    submit(page, donations_text)
    expect(page.locator("#headline")).to_have_text(expected.headline)
    expect(page.locator("#summary")).to_have_text(expected.summary)
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert expected.key_claims, "the donations article quotes officials: claims are expected"
    expect(page.locator("#claims li")).to_have_count(len(expected.key_claims))
    for index, claim in enumerate(expected.key_claims):
        assert claim.text == donations_text[claim.start:claim.end]
        expect(page.locator(f"mark#claim-{index}")).to_have_text(claim.text)
        if claim.speaker:
            expect(page.locator("#claims li").nth(index)).to_contain_text(claim.speaker)
    # The highlighted article is the submitted text, unchanged around the marks.
    assert page.locator("#marked").text_content() == donations_text
    page.locator("#claims li").first.hover()
    expect(page.locator("mark#claim-0")).to_have_class("active")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "donations.png", full_page=True)


def test_marks_stay_on_their_claims_after_astral_characters(page, summarizer, donations_text):
    text = "📰𝐀 " + donations_text  # two characters outside the BMP: two UTF-16 units each in the browser
    expected = summarizer.summarize(text)
    submit(page, text)
    expect(page.locator("#headline")).to_have_text(expected.headline)
    for index, claim in enumerate(expected.key_claims):
        expect(page.locator(f"mark#claim-{index}")).to_have_text(claim.text)


def test_the_time_shown_is_the_whole_call_not_the_sum_of_its_steps(page, donations_text):
    with page.expect_response("**/v1/summarize") as answer:
        submit(page, donations_text)
    total = answer.value.json()["timings_ms"]["total"]
    shown = page.evaluate("(total) => persianNumber(total)", total)
    expect(page.locator("#meta")).to_contain_text(f" {shown} میلی‌ثانیه")


def test_bad_input_shows_a_plain_persian_error_with_the_detail_beneath(page):
    submit(page, "This article is written in English only.")
    expect(page.locator("#error")).to_be_visible()
    expect(page.locator("#error-message")).to_have_text("این متن قابل خلاصه‌کردن نیست؛ باید یک خبر فارسی باشد.")
    expect(page.locator("#error-detail")).to_contain_text("no Persian letters")
    expect(page.locator("#result")).to_be_hidden()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "error.png", full_page=True)


def test_a_service_with_api_keys_serves_the_page_and_takes_the_key_from_it(browser, summarizer, donations_text):
    with served_in_thread(create_app(Settings(api_keys="newsroom-key"), summarizer=summarizer)) as url:
        page = browser.new_page()
        page.goto(url + "/")
        submit(page, donations_text)
        expect(page.locator("#error-message")).to_contain_text("کلید")  # 401 in Persian: a key is needed
        page.fill("#api-key", "newsroom-key")
        page.click("#submit")
        expect(page.locator("#headline")).to_have_text(summarizer.summarize(donations_text).headline)
        page.close()
