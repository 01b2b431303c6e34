"""Drives the demo in a real browser, as a person would, and saves screenshots.

scripts/test starts `foothold serve --demo` and sets:
  FOOTHOLD_URL         where the server listens
  FOOTHOLD_SERVER_LOG  its output, which names the demo accounts
  FOOTHOLD_ARTIFACTS   where screenshots go
Prints 'browser: N passed, M failed' last and exits non-zero on any failure.
"""
import base64
import datetime
import email
import email.policy
import json
import urllib.error
import urllib.parse
import urllib.request
import zoneinfo
import os
import re
import ssl
import sys
import time
import traceback

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait
import axe_selenium_python
import icalendar

BASE = os.environ["FOOTHOLD_URL"].rstrip("/")
# axe-core, as the axe-selenium-python package carries it: run on every page the tests visit.
with open(os.path.join(os.path.dirname(axe_selenium_python.__file__), "node_modules", "axe-core", "axe.min.js"), encoding="utf-8") as axe_file:
    AXE = axe_file.read()
# Violations found while the current test ran, page by page.
VIOLATIONS = {}
ARTIFACTS = os.environ.get("FOOTHOLD_ARTIFACTS", "test-artifacts")
PASSWORD = "foothold-demo"


def demo_accounts():
    """Role → email, read from what `serve --demo` printed."""
    accounts = {}
    with open(os.environ["FOOTHOLD_SERVER_LOG"], encoding="utf-8") as log:
        for line in log:
            match = re.match(r"\s+(Employee|Line manager|Director|Leadership Team member|HR administrator)\s+(\S+@\S+)", line)
            if match:
                accounts[match.group(1)] = match.group(2)
    missing = {"Employee", "Line manager", "Director", "HR administrator"} - accounts.keys()
    assert not missing, f"the server did not print accounts for {missing}"
    return accounts


def make_driver(width=1280, height=900, phone=False):
    options = webdriver.ChromeOptions()
    if phone:
        # A headless window is at least 500px wide; emulation gives a true phone viewport.
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 1}})
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={width},{height}", "--force-device-scale-factor=1",
                     # The test's identity provider serves a certificate the test made.
                     "--ignore-certificate-errors"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(5)
    return driver


def check_accessibility(driver):
    """Runs axe-core's WCAG 2 A and AA rules on the page shown and keeps what it finds."""
    driver.execute_script(AXE)
    found = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})
          .then(result => done(result.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                                 + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
          .catch(error => done(['axe could not run: ' + error]));
    """)
    if found:
        VIOLATIONS[driver.current_url] = found


def shot(driver, name):
    check_accessibility(driver)
    driver.execute_script("window.scrollTo(0, 0)")  # axe scrolls to what it checks
    path = os.path.join(ARTIFACTS, f"{name}.png")
    height = driver.execute_script("return document.documentElement.scrollHeight")
    width = driver.get_window_size()["width"]
    driver.set_window_size(width, max(600, min(height, 4000)))
    driver.save_screenshot(path)
    return path


def printed(driver, name):
    """Shows the page as it prints (A4 width, print style sheet) and saves a screenshot of it."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        size = driver.get_window_size()
        driver.set_window_size(794, size["height"])  # A4 at 96 dpi is 794 pixels wide
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(794, max(600, min(height, 4000)))
        for hidden in ["header.site-header", "nav.breadcrumbs", "main form"]:
            for element in driver.find_elements(By.CSS_SELECTOR, hidden):
                assert not element.is_displayed(), hidden + " prints"
        path = os.path.join(ARTIFACTS, f"{name}.png")
        driver.save_screenshot(path)
        driver.set_window_size(size["width"], size["height"])
        return path
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def navigate(driver, action):
    """Does something that loads a new page, and waits until the new page has loaded.

    The old page is marked on `window`; a new page starts without the mark. (This chromedriver
    answers questions about elements of a page that is going away with an inspector error, so
    element staleness cannot be relied on.)"""
    driver.execute_script("window.footholdOldPage = true")
    try:
        action()
    except WebDriverException as error:
        # The click's own navigation can replace the page under chromedriver as it reports back;
        # the wait below still insists that a new page arrives.
        if "does not belong to the document" not in str(error) and "stale element" not in str(error):
            raise
    WebDriverWait(driver, 20, ignored_exceptions=[WebDriverException]).until(
        lambda d: d.execute_script("return window.footholdOldPage === undefined && document.readyState === 'complete'"))
    check_accessibility(driver)


def click(driver, by, value):
    navigate(driver, lambda: driver.find_element(by, value).click())


def sign_in(driver, email):
    driver.delete_all_cookies()
    driver.get(BASE + "/sign-in")
    driver.find_element(By.NAME, "email").send_keys(email)
    driver.find_element(By.NAME, "password").send_keys(PASSWORD)
    click(driver, By.CSS_SELECTOR, "main button[type=submit]")
    assert "Welcome" in driver.find_element(By.TAG_NAME, "h1").text, driver.page_source[:500]


def text(driver):
    return driver.find_element(By.TAG_NAME, "main").text


def test_sign_in_page_is_accessible_by_keyboard(driver, accounts):
    driver.delete_all_cookies()
    driver.get(BASE + "/")
    assert driver.current_url.startswith(BASE + "/sign-in"), driver.current_url
    labels = {label.get_attribute("for") for label in driver.find_elements(By.CSS_SELECTOR, "label")}
    assert {"field-email", "field-password"} <= labels, labels
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    focused = driver.switch_to.active_element
    assert focused.text == "Skip to main content", focused.text
    shot(driver, "01-sign-in")


def test_wrong_password_keeps_email(driver, accounts):
    driver.delete_all_cookies()
    driver.get(BASE + "/sign-in")
    driver.find_element(By.NAME, "email").send_keys(accounts["Employee"])
    driver.find_element(By.NAME, "password").send_keys("not the password")
    click(driver, By.CSS_SELECTOR, "main button[type=submit]")
    assert "The email address or password is not right" in text(driver)
    assert driver.find_element(By.NAME, "email").get_attribute("value") == accounts["Employee"]
    shot(driver, "02-sign-in-error")


def test_manager_sees_team(driver, accounts):
    sign_in(driver, accounts["Line manager"])
    main = text(driver)
    assert "Your team" in main, main
    for figure in ("Due now", "Overdue", "Waiting for you"):
        assert figure in main, main[:600]
    shot(driver, "03-manager-home")
    # From the team board (Team, in the navigation) to a report's page: their standing with you.
    click(driver, By.LINK_TEXT, "Team")
    first = driver.find_element(By.CSS_SELECTOR, "main tbody tr a")
    name = first.text
    navigate(driver, first.click)
    assert driver.find_element(By.TAG_NAME, "h1").text == name
    assert " and you, " in text(driver), text(driver)[:600]
    shot(driver, "04-person")


def test_directory_search(driver, accounts):
    sign_in(driver, accounts["Line manager"])
    click(driver, By.LINK_TEXT, "People")
    field = driver.find_element(By.NAME, "q")
    field.send_keys("officer")
    navigate(driver, field.submit)
    rows = driver.find_elements(By.CSS_SELECTOR, "main tbody tr")
    assert rows, "a search for officer finds people"
    assert all("officer" in row.text.lower() for row in rows), [row.text for row in rows]
    shot(driver, "05-directory")


def test_director_sees_units(driver, accounts):
    sign_in(driver, accounts["Director"])
    main = text(driver)
    assert "You lead" in main, main
    shot(driver, "06-director-home")
    click(driver, By.PARTIAL_LINK_TEXT, "Open ")
    assert "Units within" in text(driver) or "People in" in text(driver)
    shot(driver, "07-unit")


def test_hr_administrator_sees_administration(driver, accounts):
    sign_in(driver, accounts["HR administrator"])
    click(driver, By.LINK_TEXT, "Administration")
    click(driver, By.LINK_TEXT, "Import people")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Import people"
    shot(driver, "08-import")
    click(driver, By.CSS_SELECTOR, "main button[type=submit]")
    assert "Choose a CSV file to import" in text(driver)
    shot(driver, "09-import-error")


def test_hr_administrator_adds_a_resource_for_a_unit(driver, accounts):
    sign_in(driver, accounts["HR administrator"])
    click(driver, By.LINK_TEXT, "Administration")
    click(driver, By.LINK_TEXT, "Keep the resources")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Resources"
    click(driver, By.LINK_TEXT, "Add a resource")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Add a resource"
    driver.find_element(By.NAME, "title").send_keys("Housing career paths")
    driver.find_element(By.NAME, "url").send_keys("intranet.example/housing")
    choices = driver.find_element(By.NAME, "unit")
    units = [option.text for option in choices.find_elements(By.TAG_NAME, "option")]
    housing = next(unit for unit in units if unit.endswith("/Housing"))
    choices.find_element(By.XPATH, f"option[. = '{housing}']").click()
    # The browser itself refuses an address without https://; the server says the same.
    driver.execute_script("document.querySelector('main form').noValidate = true")
    click(driver, By.CSS_SELECTOR, "main form button[type=submit]")
    assert "Only web links can be kept" in text(driver), text(driver)[:400]
    assert driver.find_element(By.NAME, "title").get_attribute("value") == "Housing career paths"
    assert driver.find_element(By.CSS_SELECTOR, "select[name=unit] option:checked").text == housing
    shot(driver, "09b-resource-error")
    field = driver.find_element(By.NAME, "url")
    field.clear()
    field.send_keys("https://intranet.example/housing")
    click(driver, By.CSS_SELECTOR, "main form button[type=submit]")
    main = text(driver)
    assert "Saved." in main and "Housing career paths" in main and housing in main, main[:600]
    shot(driver, "09c-resources")


def test_employee_is_refused_administration(driver, accounts):
    sign_in(driver, accounts["Employee"])
    assert "Administration" not in driver.find_element(By.TAG_NAME, "header").text
    driver.get(BASE + "/admin")
    assert "You do not have access to this page" in text(driver)
    shot(driver, "10-forbidden")


def test_manager_team_board(driver, accounts):
    sign_in(driver, accounts["Line manager"])
    driver.get(BASE + "/team")
    main = text(driver)
    assert "Your team's career conversations" in main, main
    assert any(status in main for status in ["Met", "Scheduled", "Due", "Overdue"]), main
    shot(driver, "12-team-board")


def open_conversation(driver, state):
    """Opens the first of the signed-in person's conversations in the given state."""
    driver.get(BASE + "/conversations")
    rows = [row for row in driver.find_elements(By.CSS_SELECTOR, "main table tbody tr") if state in row.text]
    assert rows, f"the demo person has a conversation that is {state}"
    navigate(driver, rows[0].find_element(By.TAG_NAME, "a").click)


def test_employee_prepares(driver, accounts):
    sign_in(driver, accounts["Employee"])
    open_conversation(driver, "Scheduled")
    click(driver, By.LINK_TEXT, "Prepare")
    assert driver.find_element(By.TAG_NAME, "h1").text.startswith("Prepare for your conversation with")
    field = driver.find_element(By.NAME, "support_wanted")
    field.clear()
    field.send_keys("Time each month to learn from the data team.")
    click(driver, By.CSS_SELECTOR, "main form button[type=submit]")
    assert "Saved" in text(driver), text(driver)[:300]
    assert driver.find_element(By.NAME, "support_wanted").get_attribute("value") == "Time each month to learn from the data team."
    shot(driver, "13-preparation")


def test_guided_conversation(driver, accounts):
    sign_in(driver, accounts["Line manager"])
    open_conversation(driver, "Scheduled")
    click(driver, By.LINK_TEXT, "Open the guided conversation")
    main = text(driver)
    for stage in ["Prepare", "Agree actions", "Close and follow up"]:
        assert stage in main, stage
    shot(driver, "14-guided-conversation")


def test_record_of_a_held_conversation(driver, accounts):
    sign_in(driver, accounts["Employee"])
    open_conversation(driver, "Held")
    click(driver, By.LINK_TEXT, "The record")
    main = text(driver)
    assert "Shared summary" in main and "Your private notes" in main and "Actions agreed" in main, main[:400]
    shot(driver, "15-record")
    printed(driver, "22-record-printed")
    assert "Shared summary" in driver.find_element(By.CSS_SELECTOR, ".print-only").get_attribute("textContent")


def test_employee_keeps_actions_a_plan_and_a_journal(driver, accounts):
    sign_in(driver, accounts["Employee"])
    click(driver, By.LINK_TEXT, "Actions")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Actions"
    assert "Your actions" in text(driver)
    shot(driver, "18-actions")
    driver.get(BASE + "/plan/edit")
    field = driver.find_element(By.NAME, "where_i_am")
    field.clear()
    field.send_keys("Housing officer in the north team, good with tenants.")
    driver.find_element(By.NAME, "in_three_years").send_keys("Leading a small team, or in policy.")
    driver.find_element(By.CSS_SELECTOR, "input[name='new_goals[]']").send_keys("Lead a project from start to finish")
    click(driver, By.CSS_SELECTOR, "main form button[type=submit]")
    assert "Your plan is saved." in text(driver), text(driver)[:300]
    assert "Lead a project from start to finish" in text(driver)
    shot(driver, "19-plan")
    printed(driver, "23-plan-printed")
    driver.get(BASE + "/plan/changes")
    shot(driver, "20-plan-changes")
    driver.get(BASE + "/journal")
    driver.find_element(By.NAME, "body").send_keys("Cleared the repairs backlog with the north team.")
    click(driver, By.CSS_SELECTOR, "main form button[type=submit]")
    assert "Entry added." in text(driver), text(driver)[:300]
    shot(driver, "21-journal")


def test_director_sees_coverage_and_themes(driver, accounts):
    sign_in(driver, accounts["Director"])
    click(driver, By.LINK_TEXT, "Monitoring")
    assert driver.find_element(By.TAG_NAME, "h1").text.startswith("Career conversations in"), text(driver)[:300]
    assert "Coverage" in text(driver) and "Baseline" in text(driver)
    chart = driver.find_element(By.CSS_SELECTOR, "svg.chart")
    assert chart.get_attribute("role") == "img"
    assert "Coverage at each checkpoint" in driver.find_element(By.CSS_SELECTOR, "svg.chart title").get_attribute("textContent")
    shot(driver, "24-dashboard")
    printed(driver, "25-dashboard-printed")
    click(driver, By.PARTIAL_LINK_TEXT, "Common themes")
    assert driver.find_element(By.TAG_NAME, "h1").text.startswith("Common themes in"), text(driver)[:300]
    assert "Reports received" in text(driver)
    shot(driver, "26-themes")
    driver.get(BASE + "/monitoring/notices")
    assert "Counted, not named" in text(driver)
    shot(driver, "27-notices")


def test_manager_reports_themes(driver, accounts):
    sign_in(driver, accounts["Line manager"])
    driver.get(BASE + "/team/themes")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Your team's common themes", text(driver)[:300]
    shot(driver, "28-theme-report")


def test_leadership_team_responds_and_the_unit_hears(driver, accounts):
    sign_in(driver, accounts["Leadership Team member"])
    click(driver, By.LINK_TEXT, "Monitoring")
    driver.find_elements(By.CSS_SELECTOR, "#units-title ~ .table-wrap a")[0].click()
    click(driver, By.PARTIAL_LINK_TEXT, "Common themes")
    click(driver, By.PARTIAL_LINK_TEXT, "What the Leadership Team will do")
    assert driver.find_element(By.TAG_NAME, "h1").text.startswith("Responses for"), text(driver)[:300]
    driver.find_element(By.NAME, "response").send_keys("Open afternoons where teams show each other their work")
    driver.find_element(By.NAME, "by_whom").send_keys("Heads of service")
    click(driver, By.XPATH, "//button[normalize-space()='Record the response']")
    assert "Open afternoons where teams show each other their work" in text(driver), text(driver)[:500]
    shot(driver, "29-responses")


def test_employee_books_a_leadership_team_slot(driver, accounts):
    sign_in(driver, accounts["Employee"])
    click(driver, By.LINK_TEXT, "Opportunities")
    click(driver, By.LINK_TEXT, "Book a conversation with the Leadership Team")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Book a conversation with the Leadership Team", text(driver)[:300]
    assert "Open slots in the week of" in text(driver)
    note = driver.find_element(By.CSS_SELECTOR, ".slot-list input[name=note]")
    note.send_keys("Whether a secondment would suit me")
    navigate(driver, lambda: note.find_element(By.XPATH, "./following-sibling::button").click())
    assert "Booked." in text(driver), text(driver)[:400]
    assert "Your bookings" in text(driver)
    shot(driver, "30-slots")


def test_leadership_team_member_offers_slots(driver, accounts):
    sign_in(driver, accounts["Leadership Team member"])
    driver.get(BASE + "/slots/yours")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Offer slots for career conversations", text(driver)[:300]
    assert "Your slots to come" in text(driver)
    shot(driver, "31-own-slots")


def test_employee_sees_opportunities_with_reasons_and_a_story(driver, accounts):
    sign_in(driver, accounts["Employee"])
    click(driver, By.LINK_TEXT, "Opportunities")
    main = text(driver)
    assert "Matched to what you want" in main, main[:300]
    assert "Matches your" in main, main[:1200]
    shot(driver, "32-opportunities")
    click(driver, By.CSS_SELECTOR, "#for-you ~ .slot-list li a")
    assert "About it" in text(driver), text(driver)[:300]
    shot(driver, "33-opportunity")
    driver.get(BASE + "/stories")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Success stories"
    click(driver, By.CSS_SELECTOR, "#published ~ .slot-list li a")
    assert "By " in text(driver) or "written with" in text(driver), text(driver)[:300]
    shot(driver, "34-story")


def test_director_reads_notifications_and_chooses_reminders(driver, accounts):
    sign_in(driver, accounts["Director"])
    # The demo's first reminder pass runs a second after the server starts; give it time.
    for _ in range(60):
        driver.get(BASE + "/notifications")
        if "Weekly digest for" in text(driver):
            break
        time.sleep(0.5)
    main = text(driver)
    assert "Weekly digest for" in main, main[:400]
    assert "unread" in driver.find_element(By.CSS_SELECTOR, ".account__notifications").get_attribute("aria-label")
    shot(driver, "35-notifications")
    click(driver, By.LINK_TEXT, "Choose your reminders")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Your reminders"
    box = driver.find_element(By.ID, "kind-digest")
    assert box.is_selected()
    box.click()
    click(driver, By.CSS_SELECTOR, "main button[type=submit]")
    assert "Saved." in text(driver)
    assert not driver.find_element(By.ID, "kind-digest").is_selected()
    shot(driver, "36-reminder-settings")
    driver.find_element(By.ID, "kind-digest").click()
    click(driver, By.CSS_SELECTOR, "main button[type=submit]")
    # What the demo would have e-mailed: whole messages in its folder, with a one-click unsubscribe.
    folder = os.environ.get("FOOTHOLD_DEMO_MAIL")
    if folder:
        messages = [name for name in os.listdir(folder) if name.endswith(".eml")]
        assert messages, "the demo wrote no e-mail"
        with open(os.path.join(folder, messages[0]), encoding="utf-8") as message:
            content = message.read()
        assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in content, content[:600]


def test_change_password_keeps_the_form_honest(driver, accounts):
    sign_in(driver, accounts["Employee"])
    click(driver, By.LINK_TEXT, "Change your password")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Change your password"
    driver.find_element(By.NAME, "current").send_keys("not my password")
    driver.find_element(By.NAME, "password").send_keys("a brand new sentence")
    driver.find_element(By.NAME, "confirmation").send_keys("a brand new sentence")
    click(driver, By.CSS_SELECTOR, "main form button[type=submit]")
    assert "Your current password is not right" in text(driver), text(driver)[:300]
    shot(driver, "16-change-password-error")


def test_hr_audit_log_answers_whose_records(driver, accounts):
    sign_in(driver, accounts["HR administrator"])
    driver.get(BASE + "/admin/audit?person=" + accounts["Employee"])
    main = text(driver)
    assert "Whose records" in main, main[:400]
    assert "Signed in" in main or "Opened a conversation record" in main, main[:600]
    assert "declined" not in main.lower(), "how anyone answered an invitation is never shown"
    shot(driver, "17-audit-log")


def phone_shot(phone, name):
    """A phone page whole, from the top (emulation fixes the viewport, so the page is captured beyond it)."""
    size = phone.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    clip = {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 3200), "scale": 1}
    data = phone.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip})["data"]
    with open(os.path.join(ARTIFACTS, f"{name}.png"), "wb") as picture:
        picture.write(base64.b64decode(data))


def check_phone_page(phone, name):
    """At 360px nothing scrolls sideways, the header is one line, and the lists are stacked rows."""
    viewport, width = phone.execute_script("return [window.innerWidth, document.documentElement.scrollWidth]")
    assert viewport == 360, f"the phone viewport is {viewport}px"
    assert width <= viewport, f"{name}: the page is {width}px wide on a {viewport}px phone"
    header = phone.execute_script("return document.querySelector('.site-header').getBoundingClientRect().height")
    assert header <= 64, f"{name}: the header is {header}px tall, more than one line"
    wide = phone.execute_script("""return [...document.querySelectorAll('main .table-wrap')]
        .filter(w => w.scrollWidth > w.clientWidth + 1).map(w => w.querySelector('caption').textContent)""")
    assert not wide, f"{name}: these tables scroll sideways: {wide}"
    check_accessibility(phone)
    phone.execute_script("window.scrollTo(0, 0); document.querySelector('.site-header__inner').scrollLeft = 0")
    phone_shot(phone, name)


def test_phone_layout(driver, accounts):
    phone = make_driver(width=360, height=740, phone=True)
    try:
        sign_in(phone, accounts["Line manager"])
        check_phone_page(phone, "11-phone-home")
        for label, name in [("Team", "40-phone-team-board"), ("Actions", "41-phone-actions"), ("People", "42-phone-people")]:
            phone.get(BASE + phone.find_element(By.LINK_TEXT, label).get_attribute("pathname"))
            check_phone_page(phone, name)
        phone.delete_all_cookies()
        sign_in(phone, accounts["HR administrator"])
        phone.get(BASE + "/admin/people")
        check_phone_page(phone, "43-phone-hr-people")
        phone.get(BASE + "/admin/resources")
        check_phone_page(phone, "44-phone-resources")
        phone.get(BASE + phone.find_element(By.LINK_TEXT, "Add a resource").get_attribute("pathname"))
        check_phone_page(phone, "45-phone-add-a-resource")
    finally:
        phone.quit()


def wait_for_mail(to, subject, seen=()):
    """The text of the first message in the demo's mail folder to `to` with `subject`, not among
    `seen`: serve sends it at once, so it arrives within seconds."""
    folder = os.environ["FOOTHOLD_DEMO_MAIL"]
    deadline = time.time() + 20
    while time.time() < deadline:
        for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
            if not name.endswith(".eml") or name in seen:
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as message:
                content = message.read().replace("=\n", "").replace("=3D", "=")  # text mode reads CRLF as \n
            if f"<{to}>" in content and f"Subject: {subject}" in content:
                return name, content
        time.sleep(0.25)
    raise AssertionError(f"no e-mail to {to} with the subject {subject!r} arrived")


def test_record_keeps_the_summary_when_an_action_is_added(driver, accounts):
    sign_in(driver, accounts["Line manager"])
    open_conversation(driver, "Held")
    click(driver, By.LINK_TEXT, "The record")
    summary = driver.find_element(By.NAME, "summary")
    summary.clear()
    summary.send_keys("We agreed two steps towards the data course.")
    # Leaving with words typed asks first (the page's one script). WebDriver accepts a "leave this
    # page?" prompt by itself, so the test asks the page what leaving would do.
    leaving = """const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;"""
    assert driver.execute_script(leaving), "leaving the record with a typed summary should ask first"
    driver.find_element(By.NAME, "description").send_keys("Book a place on the spring data course")
    click(driver, By.XPATH, "//main//form//button[normalize-space()='Save']")
    main = text(driver)
    assert "Saved, and the action added." in main, main[:400]
    assert driver.find_element(By.NAME, "summary").get_attribute("value") == "We agreed two steps towards the data course."
    assert "Book a place on the spring data course" in main
    assert not driver.execute_script(leaving), "a saved page leaves without asking"
    shot(driver, "37-record-one-form")


def test_hr_invites_people_and_anyone_can_ask_for_a_new_password(driver, accounts):
    sign_in(driver, accounts["HR administrator"])
    click(driver, By.LINK_TEXT, "Administration")
    click(driver, By.LINK_TEXT, "See people")
    first = driver.find_element(By.CSS_SELECTOR, "main table tbody tr input[type=checkbox]")
    first.click()
    click(driver, By.XPATH, "//button[normalize-space()='Send an invitation']")
    assert "Invitations are on their way to 1 person." in text(driver), text(driver)[:400]
    shot(driver, "38-hr-invitations")

    # The employee forgot their password: from the sign-in page, by e-mail, and back in.
    driver.delete_all_cookies()
    driver.get(BASE + "/sign-in")
    click(driver, By.LINK_TEXT, "Forgot your password?")
    driver.find_element(By.NAME, "email").send_keys(accounts["Employee"])
    click(driver, By.CSS_SELECTOR, "main button[type=submit]")
    assert "Check your e-mail" in driver.find_element(By.TAG_NAME, "h1").text
    shot(driver, "39-forgot-password")
    _, message = wait_for_mail(accounts["Employee"], "Choose a new password for Foothold")
    link = re.search(r"https?://\S+/set-password/[A-Za-z0-9_\-]+", message).group(0)
    driver.get(BASE + link[link.index("/set-password/"):])
    driver.find_element(By.NAME, "password").send_keys(PASSWORD)
    driver.find_element(By.NAME, "confirmation").send_keys(PASSWORD)
    click(driver, By.CSS_SELECTOR, "main button[type=submit]")
    assert "Welcome" in driver.find_element(By.TAG_NAME, "h1").text, text(driver)[:300]


def mail_to(to, holding, seen=()):
    """The first message to `to` in the mail folder whose raw text holds `holding`, not among `seen`:
    its file name and the message as Python's e-mail package reads it."""
    folder = os.environ["FOOTHOLD_DEMO_MAIL"]
    deadline = time.time() + 30
    while time.time() < deadline:
        for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
            if not name.endswith(".eml") or name in seen:
                continue
            with open(os.path.join(folder, name), "rb") as raw:
                message = email.message_from_bytes(raw.read(), policy=email.policy.default)
            if to in str(message["To"]) and holding in message.as_string():
                return name, message
        time.sleep(0.25)
    raise AssertionError(f"no e-mail to {to} holding {holding!r} arrived")


def set_date(driver, name, day):
    """Fills a date field as a browser's date picker would (its typed form depends on the locale)."""
    field = driver.find_element(By.NAME, name)
    driver.execute_script("arguments[0].value = arguments[1]", field, day.isoformat())


def directors_count(driver, accounts):
    """The director's "N of M people had a career conversation … in the last 90 days"."""
    sign_in(driver, accounts["Director"])
    click(driver, By.LINK_TEXT, "Monitoring")
    found = re.search(r"(\d+) of (\d+) people had a career conversation", text(driver))
    assert found, text(driver)[:800]
    return int(found.group(1)), int(found.group(2))


def test_day_one_from_the_import_to_the_directors_count(driver, accounts):
    """Day one for a real unit, start to finish, with the real mail path (the test's SMTP server)."""
    manager = accounts["Line manager"]
    domain = manager.split("@")[1]
    newcomer, name = f"nia.okonjo@{domain}", "Nia Okonjo"
    london = datetime.datetime.now(zoneinfo.ZoneInfo("Europe/London")).date()

    # HR finds the manager's unit and imports a newcomer who reports to them: checked, then confirmed.
    sign_in(driver, accounts["HR administrator"])
    driver.get(BASE + "/people?q=" + urllib.parse.quote(manager))
    unit = driver.find_elements(By.CSS_SELECTOR, "main tbody tr td")[2].text
    path = os.path.join(ARTIFACTS, "day-one.csv")
    with open(path, "w", encoding="utf-8") as file:
        file.write("email,name,job_title,unit,manager_email,leadership_team,hr_admin\n")
        file.write(f"{newcomer},{name},Lettings Officer,{unit},{manager},no,no\n")
    driver.get(BASE + "/")
    click(driver, By.LINK_TEXT, "Administration")
    click(driver, By.LINK_TEXT, "Import people")
    driver.find_element(By.NAME, "file").send_keys(os.path.abspath(path))
    click(driver, By.XPATH, "//main//button[normalize-space()='Check the file']")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Check the import", text(driver)[:400]
    assert "Nothing has changed yet" in text(driver)
    shot(driver, "44-import-preview")
    click(driver, By.XPATH, "//main//button[normalize-space()='Import these changes']")
    assert "day-one.csv was imported" in text(driver), text(driver)[:400]
    # From the import's result: everyone not signed in yet is invited by e-mail.
    click(driver, By.XPATH, "//main//button[starts-with(normalize-space(), 'Invite everyone who has not signed in yet')]")
    assert "Invitations are on their way to" in text(driver), text(driver)[:400]
    before = directors_count(driver, accounts)

    # The newcomer opens the link in the e-mail and chooses a password.
    _, invitation = mail_to(newcomer, "/set-password/")
    link = re.search(r"https?://\S+?/set-password/[A-Za-z0-9_\-]+", invitation.get_body(("plain",)).get_content()).group(0)
    driver.delete_all_cookies()
    driver.get(BASE + link[link.index("/set-password/"):])
    driver.find_element(By.NAME, "password").send_keys(PASSWORD)
    driver.find_element(By.NAME, "confirmation").send_keys(PASSWORD)
    click(driver, By.CSS_SELECTOR, "main button[type=submit]")
    assert "Welcome, Nia" in driver.find_element(By.TAG_NAME, "h1").text, text(driver)[:300]

    # The manager invites them from the team board, with a time: the e-mail carries a calendar invitation.
    sign_in(driver, manager)
    click(driver, By.LINK_TEXT, "Team")
    click(driver, By.LINK_TEXT, name)
    click(driver, By.LINK_TEXT, "Invite Nia to a career conversation")
    driver.find_element(By.CSS_SELECTOR, "input[name=kind][value=check_in]").click()
    driver.find_element(By.NAME, "purpose").send_keys("Your first weeks, and what you would like to learn here.")
    meeting = london + datetime.timedelta(days=2)
    set_date(driver, "date", meeting)
    driver.execute_script("arguments[0].value = '10:00'", driver.find_element(By.NAME, "time"))
    driver.find_element(By.NAME, "minutes").clear()
    driver.find_element(By.NAME, "minutes").send_keys("30")
    driver.find_element(By.NAME, "place").send_keys("Room 2")
    click(driver, By.XPATH, "//main//button[normalize-space()='Send invitation']")
    _, news = mail_to(newcomer, "text/calendar")
    calendar = next(part for part in news.walk() if part.get_content_type() == "text/calendar")
    parsed = icalendar.Calendar.from_ical(calendar.get_content())
    event = next(iter(parsed.walk("VEVENT")))
    assert str(parsed["METHOD"]) == "REQUEST", parsed["METHOD"]
    assert event.decoded("DTSTART").date() == meeting, event.decoded("DTSTART")

    # They accept and prepare.
    sign_in(driver, newcomer)
    click(driver, By.PARTIAL_LINK_TEXT, "Check-in")
    click(driver, By.LINK_TEXT, "Accept")
    click(driver, By.XPATH, "//main//button[normalize-space()='Accept']")
    click(driver, By.LINK_TEXT, "Prepare")
    driver.find_element(By.NAME, "strengths").send_keys("Talking with tenants; careful casework.")
    click(driver, By.XPATH, "//main//form//button[normalize-space()='Save']")

    # The manager holds it, against the checkpoint open today if there is one, and records it.
    sign_in(driver, manager)
    click(driver, By.LINK_TEXT, "Nia Okonjo: Check-in")
    click(driver, By.LINK_TEXT, "Mark as held")
    set_date(driver, "date", london)
    driver.find_element(By.NAME, "minutes").clear()
    driver.find_element(By.NAME, "minutes").send_keys("30")
    click(driver, By.XPATH, "//main//button[normalize-space()='Mark as held']")
    assert driver.find_element(By.TAG_NAME, "h1").text.startswith("The record"), "marking it held leads to the record"
    driver.find_element(By.NAME, "summary").send_keys("Nia will shadow the lettings panel and book the tenancy law course.")
    click(driver, By.XPATH, "//main//form//button[normalize-space()='Save']")
    assert "Saved" in text(driver), text(driver)[:400]

    # The newcomer confirms the summary as it stands.
    sign_in(driver, newcomer)
    click(driver, By.LINK_TEXT, "Conversations")
    click(driver, By.CSS_SELECTOR, "main table tbody tr a")  # her one conversation, with her manager
    click(driver, By.LINK_TEXT, "The record")
    click(driver, By.XPATH, "//main//button[normalize-space()='Save and confirm the summary']")
    assert "Saved, and the summary is confirmed." in text(driver), text(driver)[:400]
    shot(driver, "45-day-one-confirmed")

    # The director sees one more person who has had a career conversation; nothing of what was said.
    after = directors_count(driver, accounts)
    assert after == (before[0] + 1, before[1]), (before, after)
    assert "tenancy law" not in driver.page_source


def test_hr_connects_the_identity_provider(driver, accounts):
    """An HR administrator makes a provisioning connection from the administration page, copies its
    token (shown once), and the identity provider reads people with it; then revokes it."""
    sign_in(driver, accounts["HR administrator"])
    click(driver, By.LINK_TEXT, "Administration")
    click(driver, By.LINK_TEXT, "Connect your identity provider")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Provisioning"
    click(driver, By.XPATH, "//button[normalize-space()='Make the connection']")
    assert "Enter a name for the connection" in text(driver), "a blank name is named"
    driver.find_element(By.NAME, "name").send_keys("Entra ID")
    click(driver, By.XPATH, "//button[normalize-space()='Make the connection']")
    token = re.search(r"Secret token\n([A-Za-z0-9_-]{43})", text(driver)).group(1)
    shot(driver, "49-provisioning-token-shown-once")
    request = urllib.request.Request(BASE + "/scim/v2/Users?count=1", headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request) as answer:
        assert answer.headers["Content-Type"].startswith("application/scim+json")
        assert json.load(answer)["totalResults"] > 10
    driver.get(BASE + "/admin/provisioning")
    assert token not in driver.page_source, "the token is never shown again"
    click(driver, By.XPATH, "//button[normalize-space()='Revoke']")
    assert "revoked" in text(driver)
    try:
        urllib.request.urlopen(request)
        raise AssertionError("a revoked token still opened SCIM")
    except urllib.error.HTTPError as error:
        assert error.code == 401


def test_a_person_signs_in_with_the_organisations_account(driver, accounts):
    """Single sign-on against a real provider (oidc-provider-mock): the button, the provider's own
    page, and back in Foothold signed in; signing out ends the provider's session too; someone
    the provider knows but Foothold does not is told so, and not let in."""
    provider = os.environ["FOOTHOLD_OIDC_PROVIDER"]

    def through_the_provider(who):
        # The provider knows the person, and says it has verified their address.
        claims = json.dumps({"email": who, "email_verified": True, "name": who}).encode()
        request = urllib.request.Request(provider + "/users/" + urllib.parse.quote(who), data=claims, method="PUT",
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, context=ssl._create_unverified_context()) as answer:
            assert answer.status == 204, answer.status
        driver.delete_all_cookies()
        driver.get(BASE + "/sign-in")
        driver.find_element(By.LINK_TEXT, "Sign in with your Ridgeway account").click()
        WebDriverWait(driver, 20).until(lambda d: d.current_url.startswith(provider + "/oauth2/authorize"))
        driver.find_element(By.NAME, "sub").send_keys(who)
        driver.find_element(By.XPATH, "//button[normalize-space()='Authorize']").click()
        WebDriverWait(driver, 20, ignored_exceptions=[WebDriverException]).until(
            lambda d: d.current_url.startswith(BASE) and d.execute_script("return document.readyState") == "complete")
        check_accessibility(driver)

    driver.delete_all_cookies()
    driver.get(BASE + "/sign-in")
    shot(driver, "46-sign-in-with-the-organisations-account")
    through_the_provider(accounts["Employee"].upper())
    assert "Welcome" in driver.find_element(By.TAG_NAME, "h1").text, driver.page_source[:800]
    shot(driver, "47-signed-in-with-the-organisations-account")
    driver.find_element(By.XPATH, "//button[normalize-space()='Sign out']").click()
    WebDriverWait(driver, 20).until(lambda d: d.current_url.startswith(provider + "/oauth2/end_session"))
    driver.get(BASE + "/")
    assert driver.current_url.startswith(BASE + "/sign-in"), "signed out of Foothold too: " + driver.current_url

    through_the_provider("someone.else@elsewhere.example")
    assert driver.find_element(By.TAG_NAME, "h1").text == "You are not signed in", driver.page_source[:800]
    assert "not known to Foothold" in text(driver)
    shot(driver, "48-an-account-foothold-does-not-know")
    driver.get(BASE + "/")
    assert driver.current_url.startswith(BASE + "/sign-in"), driver.current_url


TESTS = [test_sign_in_page_is_accessible_by_keyboard, test_wrong_password_keeps_email, test_manager_sees_team,
         test_directory_search, test_director_sees_units, test_hr_administrator_sees_administration,
         test_hr_administrator_adds_a_resource_for_a_unit,
         test_employee_is_refused_administration, test_manager_team_board, test_employee_prepares, test_guided_conversation,
         test_record_of_a_held_conversation, test_change_password_keeps_the_form_honest, test_hr_audit_log_answers_whose_records,
         test_employee_keeps_actions_a_plan_and_a_journal, test_director_sees_coverage_and_themes, test_manager_reports_themes,
         test_leadership_team_responds_and_the_unit_hears, test_employee_books_a_leadership_team_slot,
         test_leadership_team_member_offers_slots, test_employee_sees_opportunities_with_reasons_and_a_story,
         test_director_reads_notifications_and_chooses_reminders, test_record_keeps_the_summary_when_an_action_is_added,
         test_hr_invites_people_and_anyone_can_ask_for_a_new_password, test_day_one_from_the_import_to_the_directors_count,
         test_a_person_signs_in_with_the_organisations_account, test_hr_connects_the_identity_provider, test_phone_layout]


def main():
    os.makedirs(ARTIFACTS, exist_ok=True)
    accounts = demo_accounts()
    driver = make_driver()
    passed = failed = 0
    try:
        # FOOTHOLD_BROWSER_ONLY=word runs only the tests whose names hold it (while working on one).
        only = os.environ.get("FOOTHOLD_BROWSER_ONLY", "")
        for test in [t for t in TESTS if only in t.__name__]:
            driver.set_window_size(1280, 900)
            try:
                VIOLATIONS.clear()
                test(driver, accounts)
                assert not VIOLATIONS, "accessibility (axe, WCAG 2 A and AA): " + "; ".join(
                    f"{url}: {' | '.join(found)}" for url, found in VIOLATIONS.items())
                passed += 1
                print(f"ok   {test.__name__}")
            except Exception:  # one failing test must not hide the others
                failed += 1
                print(f"FAIL {test.__name__}")
                traceback.print_exc()
                try:
                    shot(driver, f"failed-{test.__name__}")
                except Exception:
                    pass
    finally:
        driver.quit()
    print(f"browser: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
