/* 科室工作计划库 · reader tools: copy buttons and the fill-in panel.
 *
 * Copy: a button on every part (h2) and month of a plan, on every gallery
 * entry, and one for the whole plan. The copied text is the plan's text with
 * its numbering (一、 （一） 1、), one line per heading, paragraph or item, and
 * nothing of the page's interface. The copy itself goes through Material's
 * clipboard handler ([data-clipboard-text]), which also shows the toast.
 *
 * Fill in: placeholders (20xx, xx市, **) are spans; the panel's values
 * (remembered in localStorage) replace them in the page and in what is copied.
 * Without JavaScript the page shows the plan as written.
 */
(function () {
  "use strict";

  var STORE = "planlib.fill";
  var ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true"><path d="M19 21H8V7h11m0-2H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2m-3-4H4a2 2 0 0 0-2 2v14h2V3h12z"/></svg>';
  var SKIP = ".planlib-copy, .headerlink, .fill-panel, script, style";

  /* ---- text of a part, as a reader wants it pasted into Word ---------------- */

  function ownText(element) {
    var clone = element.cloneNode(true);
    Array.prototype.forEach.call(clone.querySelectorAll(SKIP + ", ul, ol"), function (node) { node.remove(); });
    return clone.textContent.replace(/\s+/g, " ").trim();
  }

  function linesOf(element, depth, out) {
    if (element.matches(SKIP)) { return out; }
    var tag = element.tagName;
    if (/^H[1-6]$/.test(tag) || tag === "P") {
      var text = ownText(element);
      if (text) { out.push(text); }
    } else if (tag === "UL" || tag === "OL") {
      Array.prototype.forEach.call(element.children, function (item) {
        if (item.tagName !== "LI") { return; }
        var text = ownText(item);
        if (text) { out.push(new Array(depth + 1).join("  ") + text); }
        Array.prototype.forEach.call(item.children, function (child) {
          if (child.tagName === "UL" || child.tagName === "OL") { linesOf(child, depth + 1, out); }
          else if (child.tagName === "P" && child !== item.firstElementChild) { linesOf(child, depth + 1, out); }
        });
      });
    } else {
      Array.prototype.forEach.call(element.children, function (child) { linesOf(child, depth, out); });
    }
    return out;
  }

  function headingLevel(node) {
    var match = /^H([1-6])$/.exec(node.tagName);
    return match ? Number(match[1]) : 0;
  }

  /* a heading and everything after it up to the next heading of its level or above */
  function sectionText(heading) {
    var level = headingLevel(heading);
    var out = linesOf(heading, 0, []);
    for (var node = heading.nextElementSibling; node; node = node.nextElementSibling) {
      var other = headingLevel(node);
      if (other && other <= level) { break; }
      linesOf(node, 0, out);
    }
    return out.join("\n");
  }

  function button(label, text) {
    var copy = document.createElement("button");
    copy.type = "button";
    copy.className = "planlib-copy md-icon";
    copy.title = label;
    copy.setAttribute("aria-label", label);
    copy.setAttribute("data-clipboard-text", " ");
    copy.innerHTML = ICON + '<span class="planlib-copy__label">' + label + "</span>";
    /* runs before Material's clipboard handler, which copies data-clipboard-text */
    copy.addEventListener("click", function () { copy.setAttribute("data-clipboard-text", text() || " "); });
    return copy;
  }

  function addCopyButtons(labels) {
    var body = document.querySelector(".plan-body");
    if (body && !body.hasAttribute("data-copy-ready")) {
      body.setAttribute("data-copy-ready", "");
      Array.prototype.forEach.call(body.querySelectorAll("h2, h3.plan-month"), function (heading) {
        var label = heading.tagName === "H2" ? labels.copyPart : labels.copyMonth;
        heading.appendChild(button(label, function () { return sectionText(heading); }));
      });
      var title = document.querySelector(".md-content h1");
      var whole = button(labels.copyPlan, function () {
        var lines = [title ? ownText(title) : ""];
        Array.prototype.forEach.call(body.children, function (child) { linesOf(child, 0, lines); });
        return lines.filter(Boolean).join("\n");
      });
      whole.classList.add("planlib-copy--plan");
      var downloads = document.querySelector(".plan-downloads p") || document.querySelector(".plan-downloads");
      (downloads || body).insertBefore(whole, (downloads || body).firstChild);
    }
    Array.prototype.forEach.call(document.querySelectorAll(".part-entry:not([data-copy-ready])"), function (entry) {
      entry.setAttribute("data-copy-ready", "");
      var part = entry.querySelector(".part-entry__text");
      var title = entry.querySelector(".part-entry__title");
      if (!part) { return; }
      var copy = button(labels.copyPart, function () {
        return linesOf(title, 0, []).concat(linesOf(part, 0, [])).join("\n");
      });
      (title || entry).appendChild(copy);
    });
  }

  /* ---- placeholders ------------------------------------------------------- */

  function load() {
    try { return JSON.parse(localStorage.getItem(STORE) || "{}"); } catch (error) { return {}; }
  }

  function save(values) {
    try { localStorage.setItem(STORE, JSON.stringify(values)); } catch (error) { /* private mode */ }
  }

  function filled(span, values) {
    var kind = span.getAttribute("data-ph");
    var original = span.getAttribute("data-text");
    var year = (values.year || "").replace(/\D/g, "");
    if ((kind === "year") && year.length === 4) { return year; }
    if (kind === "school-year" && year.length === 4) {
      var separator = (/[—–\-~至]/.exec(original) || ["—"])[0];
      return year + separator + (Number(year) + 1);
    }
    if (kind === "region" && values.region) { return values.region.trim().replace(/[省市区县镇]$/, ""); }
    if (kind === "unit" && values.unit) { return values.unit.trim(); }
    return null;
  }

  function apply(values) {
    Array.prototype.forEach.call(document.querySelectorAll("span.ph"), function (span) {
      var value = filled(span, values);
      span.textContent = value === null ? span.getAttribute("data-text") : value;
      span.classList.toggle("ph--filled", value !== null);
    });
  }

  function addFillPanel(labels) {
    var spans = document.querySelectorAll(".plan-body span.ph, .part-entry__text span.ph");
    var anchor = document.querySelector(".plan-body") || document.querySelector(".part-entry");
    if (!spans.length || !anchor || document.querySelector(".fill-panel")) { return; }
    var kinds = {};
    Array.prototype.forEach.call(spans, function (span) {
      var kind = span.getAttribute("data-ph");
      kinds[kind === "school-year" ? "year" : kind] = true;
    });
    var values = load();
    var panel = document.createElement("details");
    panel.className = "fill-panel";
    panel.open = true;
    var summary = document.createElement("summary");
    summary.textContent = labels.fill;
    panel.appendChild(summary);
    var hint = document.createElement("p");
    hint.className = "fill-panel__hint";
    hint.textContent = labels.fillHint;
    panel.appendChild(hint);
    ["unit", "year", "region"].forEach(function (kind) {
      if (!kinds[kind]) { return; }
      var field = document.createElement("label");
      field.className = "fill-panel__field";
      var name = document.createElement("span");
      name.textContent = labels[kind];
      var input = document.createElement("input");
      input.type = kind === "year" ? "number" : "text";
      input.name = kind;
      input.placeholder = labels[kind + "Example"];
      input.value = values[kind] || "";
      input.setAttribute("data-fill", kind);
      input.addEventListener("input", function () {
        values[kind] = input.value;
        save(values);
        apply(values);
      });
      field.appendChild(name);
      field.appendChild(input);
      panel.appendChild(field);
    });
    anchor.parentNode.insertBefore(panel, anchor);
    apply(values);
  }

  function start() {
    var labels = window.planlib.settings("reader");
    if (!labels) { return; }
    addCopyButtons(labels);
    addFillPanel(labels);
  }

  window.planlib.onEachPage(start);
})();
