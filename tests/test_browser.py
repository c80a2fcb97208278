"""Browser tests: the web app in headless Chromium through Selenium, on the corpus of ``test_web``.

uvicorn serves the app on a free loopback port in a background thread;
Debian's chromium and chromium-driver drive it, with nothing fetched from
the network. Screenshots of every page go to one folder, whose path is
printed at the end of the run. Skipped, with the reason, when Selenium,
/usr/bin/chromium or /usr/bin/chromedriver is missing.
"""
from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_web import IMG, SCRIPT, XSS_ID, build_store, fake_positions

CHROMIUM = os.environ.get("ONRECORD_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("ONRECORD_CHROMEDRIVER", "/usr/bin/chromedriver")

webdriver = pytest.importorskip("selenium.webdriver", reason="browser tests need selenium (pip install selenium)")
pytest.importorskip("fastapi", reason="browser tests need the [web] extra")
uvicorn = pytest.importorskip("uvicorn", reason="browser tests need the [web] extra")
for _binary, _package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
    if not os.access(_binary, os.X_OK):
        pytest.skip(f"browser tests need {_binary} (apt-get install {_package})", allow_module_level=True)

from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from onrecord.web import create_app  # noqa: E402

# Records every dialog instead of opening it, before any page script could run.
DIALOG_TRAP = (
    "window.__dialogs = [];"
    "for (const f of ['alert', 'confirm', 'prompt']) window[f] = m => { window.__dialogs.push(String(m)); };"
)


class ScreenshotFolder:
    """A pytest plugin that names the screenshot folder in the closing summary."""

    def __init__(self, path: Path):
        self.path = path

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        terminalreporter.write_line(f"browser screenshots: {self.path}")


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config) -> Path:
    folder = tmp_path_factory.mktemp("screenshots", numbered=False)
    pytestconfig.pluginmanager.register(ScreenshotFolder(folder), "onrecord-screenshots")
    return folder


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on the fictional corpus, positions from the stand-in, served by uvicorn in a thread."""
    import onrecord.analysis

    db = build_store(tmp_path_factory.mktemp("browser") / "browser.db")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(onrecord.analysis, "find_positions", fake_positions, raising=False)
        port = _free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 10
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                pytest.fail("uvicorn did not start")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
        server.should_exit = True
        thread.join(5)


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tmp_path_factory.mktemp("chromium-profile")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1360,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=webdriver.ChromeService(CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": DIALOG_TRAP})
    yield driver
    driver.quit()


def shoot(driver: Any, folder: Path, name: str) -> None:
    """A full-page screenshot: the window grows to the page's height first."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1360, min(max(height, 700), 6000))
    driver.save_screenshot(str(folder / f"{name}.png"))
    driver.set_window_size(1360, 1000)


def assert_no_dialog(driver: Any) -> None:
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018  (reading it is the check)
    assert driver.execute_script("return window.__dialogs") == []


# --- the tests -----------------------------------------------------------------------------------------


def test_search_then_open_an_article_with_quotes_highlighted(browser: Any, base_url: str, screenshots: Path) -> None:
    browser.get(base_url + "/")
    shoot(browser, screenshots, "01-home")
    box = browser.find_element(By.CSS_SELECTOR, "form.quick input[name=q]")
    box.send_keys("Tarnholm", Keys.ENTER)
    WebDriverWait(browser, 10).until(ec.url_contains("/search?q=Tarnholm"))
    hits = browser.find_elements(By.CSS_SELECTOR, "ol.hits a.hit-title")
    assert sorted(h.text for h in hits) == ["Varnia offers talks on a broad agenda", "Velgrad waits for Tarnholm"]
    assert browser.find_elements(By.CSS_SELECTOR, ".snippet mark")
    shoot(browser, screenshots, "02-search")

    next(h for h in hits if h.text == "Velgrad waits for Tarnholm").click()
    WebDriverWait(browser, 10).until(ec.url_contains("/articles/bbbb2222bbbb2222"))
    marks = browser.find_elements(By.CSS_SELECTOR, "article mark.quote")
    assert [(m.get_attribute("data-speaker"), m.get_attribute("class")) for m in marks] == [
        ("Pavel Orlen", "quote sp-0"), ("Mara Tolvik", "quote sp-1")]
    assert marks[1].text == "Talks are possible only if the border question is included"
    colours = {m.value_of_css_property("background-color") for m in marks}
    assert len(colours) == 2  # one colour per speaker
    legend = [li.text for li in browser.find_elements(By.CSS_SELECTOR, ".legend li")]
    assert legend == ["Pavel Orlen 1", "Mara Tolvik 1"]
    shoot(browser, screenshots, "03-article")


def test_search_facets_narrow_the_results(browser: Any, base_url: str, screenshots: Path) -> None:
    browser.get(base_url + "/search")
    form = browser.find_element(By.CSS_SELECTOR, "form.search-form")
    form.find_element(By.NAME, "q").send_keys("Tarnholm")
    form.find_element(By.NAME, "since").send_keys("2020")
    form.find_element(By.CSS_SELECTOR, "button").click()
    WebDriverWait(browser, 10).until(ec.url_contains("since=2020"))
    assert [h.text for h in browser.find_elements(By.CSS_SELECTOR, "a.hit-title")] == ["Velgrad waits for Tarnholm"]
    browser.find_element(By.LINK_TEXT, "Mara Tolvik").click()  # the speaker facet
    WebDriverWait(browser, 10).until(ec.url_contains("speaker=Mara"))
    assert len(browser.find_elements(By.CSS_SELECTOR, "a.hit-title")) == 1
    shoot(browser, screenshots, "04-search-facets")


def test_removed_boilerplate_opens_on_demand(browser: Any, base_url: str, screenshots: Path) -> None:
    browser.get(base_url + "/articles/aaaa1111aaaa1111")
    line = browser.find_element(By.XPATH, "//details[@class='removed']//li[1]")
    assert not line.is_displayed()
    browser.find_element(By.CSS_SELECTOR, "details.removed summary").click()
    assert line.is_displayed() and line.text == "Share this article"
    shoot(browser, screenshots, "05-article-boilerplate")


def test_position_page_draws_one_marker_per_statement(browser: Any, base_url: str, screenshots: Path) -> None:
    browser.get(base_url + "/positions")
    browser.find_element(By.LINK_TEXT, "Varnia is ready for talks with Kestria").click()
    WebDriverWait(browser, 10).until(ec.url_contains("/positions/varnia-talks"))
    markers = browser.find_elements(By.CSS_SELECTOR, "svg.timeline g.marker")
    assert len(markers) == 3
    assert [m.get_attribute("data-date") for m in markers] == ["2019-05-14", "2021-01", "2021-01"]
    hover = markers[2].find_element(By.TAG_NAME, "title").get_attribute("textContent")
    assert "Mara Tolvik" in hover and "Condition: only if the border question is included" in hover
    rows = browser.find_elements(By.CSS_SELECTOR, "svg.timeline text.row-speaker")
    assert [r.text for r in rows] == ["Pavel Orlen", "Mara Tolvik"]
    assert len(browser.find_elements(By.CSS_SELECTOR, "li.statement .context mark.quote")) == 3
    shoot(browser, screenshots, "06-position")


def test_speaker_page_shows_statements_over_time(browser: Any, base_url: str, screenshots: Path) -> None:
    browser.get(base_url + "/speakers")
    browser.find_element(By.LINK_TEXT, "Pavel Orlen").click()
    WebDriverWait(browser, 10).until(ec.url_contains("/speakers/Pavel"))
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.timeline g.marker")) == 2
    assert len(browser.find_elements(By.CSS_SELECTOR, "li.statement")) == 2
    shoot(browser, screenshots, "07-speaker")


@pytest.mark.parametrize("path", [f"/articles/{XSS_ID}", "/positions/xss", "/search?q=statement", "/"])
def test_injected_markup_stays_text(browser: Any, base_url: str, screenshots: Path, path: str) -> None:
    browser.get(base_url + path)
    assert_no_dialog(browser)
    assert browser.execute_script("return document.scripts.length") == 0
    assert browser.find_elements(By.CSS_SELECTOR, "img") == []
    assert browser.find_elements(By.CSS_SELECTOR, "[onerror]") == []
    body = browser.find_element(By.TAG_NAME, "body").text
    assert SCRIPT in body or IMG in body  # shown as text
    shoot(browser, screenshots, "08-xss" + path.replace("/", "_").replace("?", "_"))
