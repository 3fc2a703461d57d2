"""Reviews an archive in a real browser (headless Chromium through its WebDriver), as an archivist
would with the keyboard, then leaves the checking of the archive to the caller.

usage: browser_review.py DOSSIER_BINARY ARCHIVE SCREENSHOT_DIR
Starts `dossier serve` on a free loopback port, opens the document with the most facts, confirms
its first figure with j…c, rejects its first quote with j…r and a typed reason, searches, and saves
screenshots of the overview, the document and the review queue. Prints one line per decision:
"confirmed figure ID" and "rejected quote ID", for the caller to find in `dossier history`.
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
    items = browser.find_elements(By.CSS_SELECTOR, ".facts li")
    target = next(i for i, item in enumerate(items) if item.get_attribute("data-label").startswith(prefix)
                  and item.find_elements(By.CSS_SELECTOR, "form"))
    for _ in range(target + 1):
        press(browser, "j")
    selected = browser.find_element(By.CSS_SELECTOR, ".facts li.selected")
    return selected


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
