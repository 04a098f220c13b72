/* 科室工作计划库 · reader tools on plan pages and part galleries.
 *
 * - Copy: 复制全文, 复制本部分 under every part, 复制本月 under every month of
 *   the schedule, and under every gallery entry. The clipboard gets the text
 *   (one line per heading, paragraph or item, numbering as written) and HTML
 *   with headings, lists and the Word template's fonts, so that a paste into
 *   Word or WPS keeps the structure.
 * - Buttons sit below the heading, never inside it, and their labels are drawn
 *   by the stylesheet (data-label), so a hand selection of the text never
 *   copies a button's label. A skip link leads keyboard users to the tools.
 * - Fill in: the panel's values (localStorage) replace the placeholders of
 *   their kind on the page, in the table of contents and in everything copied
 *   or downloaded.
 * - Downloads: Word (word.js) and Markdown, made here from the page's text.
 * - 加入我的计划: a part goes to the reader's own plan (composer.js).
 * Without JavaScript the page shows the plan as written.
 */
(function () {
  "use strict";

  var STORE = "planlib.fill";
  var FIELDS = ["unit", "year", "city", "district"];
  var ICONS = {
    copy: "M19 21H8V7h11m0-2H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2m-3-4H4a2 2 0 0 0-2 2v14h2V3h12z",
    add: "M19 13h-6v6h-2v-6H5v-2h6V5h2v6h6v2z",
    done: "M21 7 9 19l-5.5-5.5 1.41-1.41L9 16.17 19.59 5.59z",
    download: "M5 20h14v-2H5m14-9h-4V3H9v6H5l7 7z"
  };
  var text = window.planlib.text;

  function own() { return window.planlib.settings("reader") || {}; }
  function words() { return own().words || {}; }

  /* ---- the reader's values ----------------------------------------------------------- */

  function values() {
    var stored = {};
    try { stored = JSON.parse(localStorage.getItem(STORE) || "{}") || {}; } catch (error) { stored = {}; }
    if (stored.region && !stored.city) { stored.city = stored.region; }  /* kept by an earlier version */
    return stored;
  }

  function remember(stored) {
    try { localStorage.setItem(STORE, JSON.stringify(stored)); } catch (error) { /* private mode */ }
  }

  /* ---- telling the reader ------------------------------------------------------------ */

  function toast(message) {
    if (window.alert$ && typeof window.alert$.next === "function") { window.alert$.next(message); }
  }

  /* ---- copy: text and HTML ---------------------------------------------------------- */

  function copy(doc) {
    var filled = values();
    var plain = text.plain(doc, filled);
    var rich = text.html(doc, filled, own().styles);
    var copied = false;
    function onCopy(event) {
      event.clipboardData.setData("text/plain", plain);
      event.clipboardData.setData("text/html", rich);
      event.preventDefault();
      copied = true;
    }
    document.addEventListener("copy", onCopy, true);
    try { document.execCommand("copy"); } catch (error) { copied = false; }
    document.removeEventListener("copy", onCopy, true);
    if (copied) { toast(words().copied); return; }
    if (navigator.clipboard && window.ClipboardItem) {
      navigator.clipboard.write([new ClipboardItem({
        "text/plain": new Blob([plain], { type: "text/plain" }),
        "text/html": new Blob([rich], { type: "text/html" })
      })]).then(function () { toast(words().copied); });
    }
  }

  /* ---- buttons ------------------------------------------------------------------------ */

  function icon(name) {
    return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false">' +
      '<path d="' + ICONS[name] + '"/></svg>';
  }

  /* a button whose visible label is drawn by the stylesheet: selecting text never takes it along */
  function button(label, name, kind, action) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "planlib-tool planlib-" + kind;
    element.setAttribute("aria-label", label);
    element.setAttribute("data-label", label);
    element.innerHTML = icon(name);
    element.addEventListener("click", action);
    return element;
  }

  function toolbar(className) {
    var bar = document.createElement("div");
    bar.className = "planlib-tools" + (className ? " " + className : "");
    return bar;
  }

  function markAdded(element) {
    element.classList.add("planlib-add--done");
    element.setAttribute("aria-label", words().added);
    element.setAttribute("data-label", words().added);
    element.innerHTML = icon("done");
  }

  function addButton(part) {
    var element = button(words().addPart, "add", "add", function () {
      var count = window.planlib.myplan.add(part());
      markAdded(element);
      toast(words().addedToast.replace("{n}", count));
    });
    if (window.planlib.myplan.has(part().id)) { markAdded(element); }
    return element;
  }

  /* ---- plan pages ------------------------------------------------------------------- */

  function planTitle() {
    var heading = document.querySelector(".md-content h1");
    return heading ? heading.textContent.trim() : document.title;
  }

  function planDocument(body) {
    return { title: planTitle(), blocks: text.read(body.children) };
  }

  function download(kind, makeDoc) {
    var doc = makeDoc();
    if (kind === "md") {
      var data = new Blob([text.markdown(doc, values())], { type: "text/markdown;charset=utf-8" });
      text.save(data, text.fileName(doc.title, "md"));
      return;
    }
    window.planlib.word.make(doc, values()).then(function (blob) {
      text.save(blob, text.fileName(doc.title, "docx"));
    }, function () { toast(words().offline); });
  }

  function planTools(body) {
    var tools = document.getElementById("reader-tools");
    if (!tools || tools.hasAttribute("data-ready")) { return; }
    tools.setAttribute("data-ready", "");
    tools.setAttribute("tabindex", "-1");  /* the skip link's target */
    var bar = toolbar("planlib-tools--plan");
    var whole = function () { return planDocument(body); };
    bar.appendChild(button(words().copyPlan, "copy", "copy", function () { copy(whole()); }));
    bar.appendChild(button(words().downloadWord, "download", "download", function () { download("docx", whole); }));
    bar.appendChild(button(words().downloadMarkdown, "download", "download", function () { download("md", whole); }));
    var composer = document.createElement("a");
    composer.className = "planlib-tool planlib-composer-link";
    composer.href = own().composer;
    composer.textContent = words().myPlan;
    bar.appendChild(composer);
    tools.appendChild(bar);
    var planId = body.getAttribute("data-plan") || "";
    var page = location.href.split("#")[0];
    Array.prototype.forEach.call(body.querySelectorAll("h2, h3.plan-month"), function (heading) {
      var bar = toolbar();
      var part = function () { return { title: "", blocks: text.section(heading) }; };
      var isPart = heading.tagName === "H2";
      bar.appendChild(button(isPart ? words().copyPart : words().copyMonth, "copy", "copy", function () { copy(part()); }));
      if (isPart) {
        bar.appendChild(addButton(function () {
          return { id: planId + "#" + heading.id, plan: planId, source: planTitle(), href: page + "#" + heading.id,
                   title: text.fill(text.read([heading])[0].runs, {}), blocks: text.section(heading) };
        }));
      }
      heading.parentNode.insertBefore(bar, heading.nextSibling);
    });
  }

  /* ---- galleries ------------------------------------------------------------------- */

  function galleryTools() {
    var entries = document.querySelectorAll(".part-entry:not([data-ready])");
    Array.prototype.forEach.call(entries, function (entry, index) {
      entry.setAttribute("data-ready", "");
      var body = entry.querySelector(".part-entry__text");
      var title = entry.querySelector(".part-entry__title");
      var source = entry.querySelector(".part-entry__source a");
      if (!body || !title) { return; }
      var blocks = function () {
        var heading = text.read([title]);
        heading.forEach(function (block) { block.type = "heading"; block.level = 2; });
        return heading.concat(text.read(body.children, { boldLines: true }));
      };
      var bar = toolbar();
      bar.appendChild(button(words().copyPart, "copy", "copy", function () { copy({ title: "", blocks: blocks() }); }));
      var planId = body.getAttribute("data-plan") || "";
      bar.appendChild(addButton(function () {
        return { id: planId + "#" + body.id, plan: planId, source: source ? source.textContent.trim() : "",
                 href: source ? source.href : "", title: title.textContent.trim(), blocks: blocks() };
      }));
      if (index === 0 && !document.getElementById("reader-tools")) {
        bar.id = "reader-tools";
        bar.setAttribute("tabindex", "-1");
      }
      title.parentNode.insertBefore(bar, title.nextSibling);
    });
  }

  /* ---- fill in ---------------------------------------------------------------------- */

  function apply(stored) {
    Array.prototype.forEach.call(document.querySelectorAll("span.ph"), function (span) {
      var value = text.filled(span.getAttribute("data-ph"), span.getAttribute("data-text") || "", stored);
      span.textContent = value === null ? span.getAttribute("data-text") : value;
      span.classList.toggle("ph--filled", value !== null);
    });
    /* the table of contents names headings as the page now shows them */
    Array.prototype.forEach.call(document.querySelectorAll(".md-nav--secondary a.md-nav__link[href^='#']"), function (link) {
      var heading = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
      if (!heading || !heading.querySelector("span.ph")) { return; }
      var label = link.querySelector(".md-ellipsis") || link;
      label.textContent = text.fill(text.read([heading])[0].runs, stored);
    });
    document.dispatchEvent(new CustomEvent("planlib:fill", { detail: stored }));
  }

  /* the fill-in panel; `anchor` is the element it goes before */
  function fillPanel(anchor, scope) {
    if (!anchor || document.querySelector(".fill-panel")) { return; }
    var labels = words();
    var stored = values();
    var counts = {};
    Array.prototype.forEach.call((scope || document).querySelectorAll("span.ph"), function (span) {
      var kind = span.getAttribute("data-ph");
      kind = kind === "school-year" ? "year" : kind;
      counts[kind] = (counts[kind] || 0) + 1;
    });
    var fillable = FIELDS.some(function (field) { return counts[field]; });
    var panel = document.createElement("details");
    panel.className = "fill-panel";
    panel.open = fillable || !scope;
    var summary = document.createElement("summary");
    summary.textContent = labels.fill;
    panel.appendChild(summary);
    var hint = document.createElement("p");
    hint.className = "fill-panel__hint";
    hint.textContent = scope && !fillable ? labels.fillNone : labels.fillHint;
    panel.appendChild(hint);
    FIELDS.forEach(function (field) {
      var label = document.createElement("label");
      label.className = "fill-panel__field";
      var name = document.createElement("span");
      name.textContent = labels[field] + (scope && counts[field] ? labels.fillCount.replace("{n}", counts[field]) : "");
      var input = document.createElement("input");
      input.type = "text";
      input.inputMode = field === "year" ? "numeric" : "text";
      input.name = field;
      input.autocomplete = "off";
      input.placeholder = labels[field + "Example"];
      input.value = stored[field] || "";
      input.setAttribute("data-fill", field);
      input.addEventListener("input", function () {
        stored[field] = input.value;
        remember(stored);
        apply(stored);
      });
      label.appendChild(name);
      label.appendChild(input);
      panel.appendChild(label);
    });
    anchor.parentNode.insertBefore(panel, anchor);
    apply(stored);
  }

  /* ---- the skip link ------------------------------------------------------------------ */

  function skipLink() {
    if (!document.getElementById("reader-tools") || document.querySelector(".planlib-skip")) { return; }
    var link = document.createElement("a");
    link.className = "md-skip planlib-skip";
    link.href = "#reader-tools";
    link.textContent = words().skipToTools;
    var material = document.querySelector(".md-skip");
    if (material) { material.parentNode.insertBefore(link, material.nextSibling); }
    else { document.body.insertBefore(link, document.body.firstChild); }
  }

  function start() {
    if (!window.planlib.settings("reader")) { return; }
    var body = document.querySelector(".plan-body");
    if (body) {
      planTools(body);
      fillPanel(document.getElementById("reader-tools"), body);
    } else if (document.querySelector(".part-entry")) {
      galleryTools();
      fillPanel(document.querySelector(".part-entry"), document.querySelector(".md-content"));
    }
    skipLink();
  }

  window.planlib.fill = { values: values, apply: apply, panel: fillPanel };
  window.planlib.copy = copy;
  window.planlib.download = download;
  window.planlib.onEachPage(start);
})();
