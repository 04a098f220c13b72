/* 科室工作计划库 · calendar files (.ics) made in the browser, in the year the reader picks.
 *
 * A plan page's timeline and every month page carry what their calendar file
 * holds, without a year (data-ics: planlib.calendar.ics). Here the reader
 * picks the year: for a plan, its own year when the plan says it, else the
 * coming term from the reader's date (the next one to begin, or the one that
 * began less than two months ago); for a month page, the next time the month
 * comes (this year while it lasts). The file is written here (RFC 5545: all-day
 * dates, weekly rules, term weeks as extra dates, escaped and folded text).
 * Writing this small, fixed subset takes less code than a calendar library
 * would add to every page; the tests read the files with the icalendar library.
 */
(function () {
  "use strict";

  var PRODID = "-//科室工作计划库//planlib//ZH";
  var DOMAIN = "keshi-plans";
  var GRACE_MONTHS = 2;  /* a term that began less than this long ago is still the coming one */
  var WEEKDAYS = { MO: 0, TU: 1, WE: 2, TH: 3, FR: 4, SA: 5, SU: 6 };
  var DAY = 86400000;

  function words() { return ((window.planlib.settings("reader") || {}).words) || {}; }

  /* ---- dates (UTC, whole days) ------------------------------------------------------- */

  function date(year, month, day) { return new Date(Date.UTC(year, month - 1, day)); }
  function lastDay(year, month) { return new Date(Date.UTC(year, month, 0)).getUTCDate(); }
  function addDays(day, count) { return new Date(day.getTime() + count * DAY); }
  function weekday(day) { return (day.getUTCDay() + 6) % 7; }  /* Monday 0 */
  function pad(number, width) { return String(number).padStart(width, "0"); }
  function ymd(day) { return pad(day.getUTCFullYear(), 4) + pad(day.getUTCMonth() + 1, 2) + pad(day.getUTCDate(), 2); }

  function today() {
    var now = new Date();
    return date(now.getFullYear(), now.getMonth() + 1, now.getDate());
  }

  /* ---- the years offered --------------------------------------------------------------- */

  /* the calendar year of `month` in the plan year that begins in `start` */
  function yearOf(years, start, month) {
    return years.first !== 1 && month < years.first ? start + 1 : start;
  }

  /* the first year whose term has not begun more than GRACE_MONTHS ago */
  function comingStart(years, now) {
    for (var start = now.getUTCFullYear() - 2; ; start += 1) {
      var month = years.term[0];
      var begins = date(yearOf(years, start, month), month, years.term[1]);
      var grace = date(begins.getUTCFullYear(), begins.getUTCMonth() + 1 + GRACE_MONTHS, begins.getUTCDate());
      if (grace > now) { return start; }
    }
  }

  /* [{start, label, chosen}] for a plan page or a month page */
  function choices(data, now) {
    var labels = words();
    var coming;
    var own = null;
    var first = 1;
    if (data.years) {
      coming = comingStart(data.years, now);
      own = typeof data.years.own === "number" ? data.years.own : null;
      first = data.years.first;
    } else {
      coming = now.getUTCMonth() + 1 <= data.month ? now.getUTCFullYear() : now.getUTCFullYear() + 1;
    }
    var starts = [coming - 1, coming, coming + 1];
    if (own !== null && starts.indexOf(own) < 0) { starts.push(own); }
    starts.sort(function (a, b) { return a - b; });
    var chosen = own !== null ? own : coming;
    return starts.map(function (start) {
      var label = first === 1 ? labels.icsYear.replace("{year}", start)
        : labels.icsSchoolYear.replace("{start}", start).replace("{end}", start + 1);
      return { start: start, label: label, chosen: start === chosen };
    });
  }

  /* ---- RFC 5545 ------------------------------------------------------------------------ */

  function escapeText(text) {
    return String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n");
  }

  /* a content line folded at 75 octets, never inside a character */
  function fold(line) {
    var encoder = new TextEncoder();
    var out = [];
    var current = "";
    var size = 0;
    Array.from(line).forEach(function (character) {
      var bytes = encoder.encode(character).length;
      var limit = out.length ? 74 : 75;  /* a continuation line starts with a space */
      if (size + bytes > limit) {
        out.push(current);
        current = "";
        size = 0;
      }
      current += character;
      size += bytes;
    });
    out.push(current);
    return out.join("\r\n ");
  }

  /* the lines of one entry placed in the plan year that begins in `start` */
  function vevent(entry, year, stamp, page) {
    var first;
    var end;
    var extra = [];
    var y = year(entry.month);
    if (entry.weekday) {
      var from = date(y, entry.month, 1);
      var until = entry.until || entry.month;
      var to = date(year(until), until, lastDay(year(until), until));
      first = addDays(from, (WEEKDAYS[entry.weekday] - weekday(from) + 7) % 7);
      end = addDays(first, 1);
      extra.push("RRULE:FREQ=WEEKLY;INTERVAL=" + (entry.interval || 1) + ";BYDAY=" + entry.weekday +
                 ";UNTIL=" + ymd(to));
    } else if (entry.weeks) {
      var anchor = date(year(entry.week_one[0]), entry.week_one[0], entry.week_one[1]);
      var monday = addDays(anchor, -weekday(anchor));
      var days = entry.weeks.map(function (week) { return addDays(monday, 7 * (week - 1)); });
      first = days[0];
      end = addDays(first, 5);
      if (days.length > 1) { extra.push("RDATE;VALUE=DATE:" + days.slice(1).map(ymd).join(",")); }
    } else {
      var length = lastDay(y, entry.month);
      first = date(y, entry.month, Math.min(entry.day || 1, length));
      end = addDays(date(y, entry.month, Math.min(entry.last || entry.day || 1, length)), 1);
    }
    var lines = [
      "BEGIN:VEVENT",
      "UID:" + escapeText(entry.uid + "-" + first.getUTCFullYear() + "@" + DOMAIN),
      "DTSTAMP:" + stamp,
      "DTSTART;VALUE=DATE:" + ymd(first),
      "DTEND;VALUE=DATE:" + ymd(end),
      "SUMMARY:" + escapeText(entry.summary),
      "DESCRIPTION:" + escapeText(entry.description + "\n" + page)
    ];
    if (entry.deadline) { lines.push("CATEGORIES:" + escapeText(words().deadline)); }
    return lines.concat(extra, ["END:VEVENT"]);
  }

  /* the .ics text of a page's data in the plan year (or calendar year) that begins in `start` */
  function ics(data, start, label, now) {
    var year = data.years ? function (month) { return yearOf(data.years, start, month); }
      : function () { return start; };
    var stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
    var page = location.href.split("#")[0];
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + PRODID, "CALSCALE:GREGORIAN",
                 "X-WR-CALNAME:" + escapeText(data.name + " · " + label)];
    data.entries.forEach(function (entry) { lines = lines.concat(vevent(entry, year, stamp, page)); });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  /* ---- the year picker ----------------------------------------------------------------- */

  function picker(holder) {
    var data;
    try { data = JSON.parse(holder.getAttribute("data-ics")); } catch (error) { return; }
    if (!data || !Array.isArray(data.entries) || !data.entries.length) { return; }
    var labels = words();
    var field = document.createElement("label");
    field.className = "plan-ics__field";
    var caption = document.createElement("span");
    caption.textContent = labels.icsYearLabel;
    var select = document.createElement("select");
    choices(data, today()).forEach(function (choice) {
      var option = document.createElement("option");
      option.value = String(choice.start);
      option.textContent = choice.label;
      option.selected = choice.chosen;
      select.appendChild(option);
    });
    field.appendChild(caption);
    field.appendChild(select);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "planlib-tool planlib-download";
    button.setAttribute("data-label", labels.icsDownload);
    button.setAttribute("aria-label", labels.icsDownload + "（" + labels.icsHeading + "）");
    button.addEventListener("click", function () {
      var label = select.options[select.selectedIndex].textContent;
      var blob = new Blob([ics(data, Number(select.value), label, new Date())], { type: "text/calendar;charset=utf-8" });
      window.planlib.text.save(blob, window.planlib.text.fileName(data.name + "（" + label + "）", "ics"));
    });
    var heading = document.createElement("p");
    heading.className = "plan-ics__heading";
    heading.textContent = labels.icsHeading;
    holder.appendChild(heading);
    holder.appendChild(field);
    holder.appendChild(button);
  }

  /* a table wider than the page (the calendar's trends) scrolls: keyboard users can reach and scroll it */
  function scrollableTables() {
    Array.prototype.forEach.call(document.querySelectorAll(".plan-trends table"), function (table) {
      var region = table.closest(".md-typeset__scrollwrap") || table.parentNode;
      var heading = region.closest(".plan-trends").previousElementSibling;
      while (heading && !/^H[1-6]$/.test(heading.tagName)) { heading = heading.previousElementSibling; }
      region.setAttribute("tabindex", "0");
      region.setAttribute("role", "region");
      if (heading) { region.setAttribute("aria-label", heading.textContent.replace(/¶$/, "").trim()); }
    });
  }

  function start() {
    scrollableTables();
    if (!window.planlib.settings("reader")) { return; }
    Array.prototype.forEach.call(document.querySelectorAll(".plan-ics[data-ics]:not([data-ready])"), function (holder) {
      holder.setAttribute("data-ready", "");
      picker(holder);
    });
  }

  window.planlib.calendar = { ics: ics, choices: choices };
  window.planlib.onEachPage(start);
})();
