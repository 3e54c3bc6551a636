"""The demo's pages in headless Chromium, signed in through the identity server's login form, as people would.

usage: demo_pages.py <demo-expected.json> <report-url> <output-dir>

Drives Debian's chromedriver over the W3C WebDriver protocol (urllib only, nothing to install): signs in as
north.manager and captures the centres, centre, cohort and learner pages (C-NORTH only, no trace of C-SOUTH), signs
out, signs in as learner.north and checks that another centre's learner is refused. A screenshot and the DOM of each
page go to <output-dir>; the exit code is the number of failed checks.
"""
import base64
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"
CHROME_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=en-GB"]


class WebDriver:
    """One Chromium session through a chromedriver of our own, on a free port."""

    def __init__(self, log):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.driver = subprocess.Popen(["chromedriver", f"--port={port}"], stdout=log, stderr=log)
        self.base = f"http://127.0.0.1:{port}"
        self.session = None
        deadline = time.time() + 30
        while not self._ready():
            if time.time() > deadline or self.driver.poll() is not None:
                self.quit()
                raise RuntimeError("chromedriver did not start")
            time.sleep(0.3)
        try:
            self.session = self.call("POST", "/session", {"capabilities": {"alwaysMatch": {
                "browserName": "chrome", "goog:chromeOptions": {"binary": "/usr/bin/chromium", "args": CHROME_ARGS}}}})["sessionId"]
        except RuntimeError:
            self.quit()
            raise

    def _ready(self):
        try:
            return self.call("GET", "/status").get("ready", False)
        except (urllib.error.URLError, ConnectionError):
            return False

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.load(response)["value"]
        except urllib.error.HTTPError as e:
            raise RuntimeError(f"WebDriver {method} {path}: {e.code} {e.read()[:300]!r}") from None

    def s(self, path):
        return f"/session/{self.session}{path}"

    def open(self, url):
        self.call("POST", self.s("/url"), {"url": url})

    def url(self):
        return self.call("GET", self.s("/url"))

    def script(self, source):
        return self.call("POST", self.s("/execute/sync"), {"script": source, "args": []})

    def find(self, css):
        return self.call("POST", self.s("/element"), {"using": "css selector", "value": css})[ELEMENT]

    def type(self, css, text):
        self.call("POST", self.s(f"/element/{self.find(css)}/value"), {"text": text})

    def click(self, css):
        self.call("POST", self.s(f"/element/{self.find(css)}/click"), {})

    def wait_for_url(self, ending, seconds=30):
        deadline = time.time() + seconds
        while not self.url().split("?")[0].endswith(ending):
            if time.time() > deadline:
                raise RuntimeError(f"expected to reach …{ending}, still at {self.url()}")
            time.sleep(0.3)

    def screenshot(self, file):
        """The whole page: the window is made as tall as the page first (measured at the usual size)."""
        self.call("POST", self.s("/window/rect"), {"width": 1280, "height": 1000})
        height = self.script("return document.documentElement.scrollHeight")
        self.call("POST", self.s("/window/rect"), {"width": 1280, "height": min(max(int(height), 600), 8000)})
        with open(file, "wb") as f:
            f.write(base64.b64decode(self.call("GET", self.s("/screenshot"))))

    def quit(self):
        try:
            if self.session:
                self.call("DELETE", self.s(""))
        finally:
            self.driver.terminate()
            try:
                self.driver.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.driver.kill()


def main(expected_file, report_url, out):
    with open(expected_file) as f:
        expected = json.load(f)
    north = [c["cohortId"] for c in expected["cohorts"] if c["centreId"] == "C-NORTH"]
    south = [c["cohortId"] for c in expected["cohorts"] if c["centreId"] == "C-SOUTH"]
    failures = []

    def page(browser, name, path, shows=(), hides=()):
        """Open the page (if a path is given), save its DOM and a screenshot, check what it shows and hides."""
        if path:
            browser.open(report_url + path)
        html = browser.script("return document.documentElement.outerHTML")
        with open(f"{out}/{name}.html", "w") as f:
            f.write(html)
        browser.screenshot(f"{out}/{name}.png")
        problems = [f"does not show '{t}'" for t in shows if t not in html] + [f"shows '{t}'" for t in hides if t in html]
        for problem in problems:
            failures.append(f"{name} ({browser.url()}) {problem}")
            print(f"ERROR: {name} {problem} (DOM in {out}/{name}.html)", file=sys.stderr)
        if not problems:
            print(f"  {name}: {browser.url()} ({out}/{name}.png)")

    def sign_in(browser, username, password, lands_on):
        browser.wait_for_url("/login")
        browser.type("input[name=username]", username)
        browser.type("input[name=password]", password)
        browser.click("button[type=submit]")
        browser.wait_for_url(lands_on)

    not_found = "We could not find that page"
    with open(f"{out}/chromedriver.log", "w") as log:
        browser = WebDriver(log)
        try:
            print("  signing in as north.manager (staff of C-NORTH)")
            browser.open(report_url + "/centres")
            sign_in(browser, "north.manager", "demo-north", "/centres")
            page(browser, "centres", None, ["C-NORTH", "On track", "Nadia Okafor", "Sign out"], ["C-SOUTH"])
            page(browser, "centre", "/centres/C-NORTH", [north[0], "At risk across the centre"], ["C-SOUTH"] + south)
            page(browser, "cohort", f"/centres/C-NORTH/cohorts/{north[0]}",
                 [f"Cohort {north[0]}", 'data-learner="L-', 'class="met-line"', "Criteria heatmap",
                  "Leading the School Strategically", "Download these learners as CSV"], ["C-SOUTH"])
            page(browser, "learner", "/learners/L-00001", ["Learner L-00001", "What to evidence next", "Assessment guidance",
                                                          "Every unit, outcome and criterion"], ["C-SOUTH"])
            page(browser, "unknown-cohort", "/centres/C-NORTH/cohorts/NO-SUCH-COHORT", [not_found])
            page(browser, "other-centre", "/centres/C-SOUTH", [not_found], south)
            page(browser, "other-centres-learner", "/learners/L-00081", [not_found], ["What to evidence next"])

            browser.click(".sign-out")
            browser.wait_for_url("/signed-out")
            page(browser, "signed-out", None, ["You have signed out"], ["Nadia Okafor"])

            print("  signing in as learner.north (L-00001)")
            browser.click("main a.button")
            sign_in(browser, "learner.north", "demo-learner", "/learners/L-00001")
            page(browser, "learner-own", None, ["Learner L-00001", "My progress", "What to evidence next"], ['id="lookup-id"'])
            page(browser, "learner-refused", "/learners/L-00081", [not_found], ["What to evidence next"])
            page(browser, "learner-no-centre", "/centres/C-NORTH", [not_found], [f"Cohort {north[0]}"])
        except RuntimeError as e:
            failures.append(str(e))
            print(f"ERROR: {e}", file=sys.stderr)
        finally:
            browser.quit()
    return len(failures)


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
