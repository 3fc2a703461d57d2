"""Reviews an archive in a real browser (headless Chromium through its WebDriver), as an archivist
would with the keyboard, then leaves the checking of the archive to the caller.

usage: browser_review.py DOSSIER_BINARY ARCHIVE SCREENSHOT_DIR
Starts `dossier serve` on a free loopback port, opens the document with the most facts, confirms
its first figure with j…c, rejects its first quote with j…r and a typed reason, selects words near
the end of the text and adds them as a figure (f, a value, Enter), undoes that addition with u,
searches, downloads figures.csv into SCREENSHOT_DIR, and saves screenshots of the overview, the
document, the selection panel and the review queue. Prints one line per step ("confirmed figure ID",
"rejected quote ID", "added figure ID: TEXT", "undid figure ID", "downloaded figures.csv"), for the
caller to find in `dossier history` and `dossier export`.
"""
import os
import re
import sqlite3
import subprocess
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait


def start_server(binary, archive):
    server = subprocess.Popen([binary, "serve", "--db", archive, "--port", "0", "--operator", "browser-test"],
                              stdout=subprocess.PIPE, text=True)
    line = server.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:\d+", line)
    if not match:
        server.kill()
        sys.exit(f"the server printed no address: {line!r}")
    return server, match.group(0)


def press(browser, keys):
    webdriver.ActionChains(browser).send_keys(keys).perform()


def select_fact(browser, prefix):
    """Presses j until the selected fact in the list is the first one whose label starts with prefix."""
    items = browser.find_elements(By.CSS_SELECTOR, ".facts > li")
    target = next(i for i, item in enumerate(items) if item.get_attribute("data-label").startswith(prefix)
                  and item.find_elements(By.CSS_SELECTOR, "form[action$='/confirm']"))
    for _ in range(target + 1):
        press(browser, "j")
    selected = browser.find_element(By.CSS_SELECTOR, ".facts > li.selected")
    return selected


SELECT_WORDS = """
const article = document.querySelector('.body');
const nodes = Array.from(article.childNodes).filter(n => n.nodeType === Node.TEXT_NODE && n.data.trim().length >= 30);
const node = nodes[nodes.length - 1];
const start = node.data.search(/\\S/);
const words = node.data.slice(start).match(/^\\S+(?: \\S+){0,2}/)[0];
window.getSelection().setBaseAndExtent(node, start, node, start + words.length);
return words;
"""


def main():
    binary, archive, shots = sys.argv[1:4]
    os.makedirs(shots, exist_ok=True)
    database = sqlite3.connect(archive)
    document = database.execute(
        "SELECT document_id FROM figures GROUP BY document_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    database.close()
    server, address = start_server(binary, archive)
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000"):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    options.add_experimental_option("prefs", {"download.default_directory": os.path.abspath(shots),
                                              "download.prompt_for_download": False})
    browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        browser.get(address + "/")
        browser.save_screenshot(os.path.join(shots, "overview.png"))
        browser.get(f"{address}/documents/{document}")
        browser.save_screenshot(os.path.join(shots, "document.png"))

        figure = select_fact(browser, "F")
        figure_id = re.search(r"/figures/(\d+)/", figure.find_element(By.CSS_SELECTOR, "form").get_attribute("action")).group(1)
        press(browser, "c")
        WebDriverWait(browser, 10).until(expected_conditions.staleness_of(figure))
        print(f"confirmed figure {figure_id}")

        quote = select_fact(browser, "Q")
        quote_id = re.search(r"/quotes/(\d+)/", quote.find_element(By.CSS_SELECTOR, "form").get_attribute("action")).group(1)
        press(browser, "r")
        active = browser.switch_to.active_element
        if active.get_attribute("name") != "reason":
            sys.exit("r did not take the reviewer to the reason")
        active.send_keys("the speaker is wrong" + Keys.ENTER)
        WebDriverWait(browser, 10).until(expected_conditions.staleness_of(quote))
        print(f"rejected quote {quote_id}")

        words = browser.execute_script(SELECT_WORDS)
        WebDriverWait(browser, 10).until(expected_conditions.visibility_of_element_located((By.ID, "selection")))
        browser.save_screenshot(os.path.join(shots, "selection.png"))
        press(browser, "f")
        active = browser.switch_to.active_element
        if active.get_attribute("name") != "value":
            sys.exit("f did not take the reviewer to the new figure's value")
        panel = browser.find_element(By.ID, "selection")
        active.send_keys("7" + Keys.ENTER)
        WebDriverWait(browser, 10).until(expected_conditions.staleness_of(panel))
        if "Not done" in browser.title:
            sys.exit("adding the figure was refused: " + browser.find_element(By.TAG_NAME, "main").text)
        database = sqlite3.connect(archive)
        added = database.execute("SELECT id FROM figures WHERE exact_text = ? AND value = 7", (words,)).fetchone()
        database.close()
        if added is None:
            sys.exit(f"no figure was added for the selection {words!r}")
        print(f"added figure {added[0]}: {words}")

        undo = browser.find_element(By.CSS_SELECTOR, "form.undo")
        press(browser, "u")
        WebDriverWait(browser, 10).until(expected_conditions.staleness_of(undo))
        print(f"undid figure {added[0]}")

        browser.get(address + "/downloads")
        browser.find_element(By.CSS_SELECTOR, 'a[href="/downloads/figures.csv"]').click()
        download = os.path.join(shots, "figures.csv")
        deadline = time.time() + 20
        while not os.path.exists(download) and time.time() < deadline:
            time.sleep(0.2)
        if not os.path.exists(download):
            sys.exit("figures.csv was not downloaded")
        print("downloaded figures.csv")

        browser.get(address + "/documents")
        box = browser.find_element(By.NAME, "q")
        box.send_keys("arretes" + Keys.ENTER)
        WebDriverWait(browser, 10).until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".results mark")))
        print("search: " + browser.find_element(By.CSS_SELECTOR, ".results mark").text)

        browser.get(address + "/review")
        browser.save_screenshot(os.path.join(shots, "review-queue.png"))
    finally:
        browser.quit()
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
