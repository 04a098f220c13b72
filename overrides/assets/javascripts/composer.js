/* 科室工作计划库 · 我的计划: a plan of the reader's own, made of parts of the library's plans.
 *
 * planlib.myplan keeps it in localStorage ("planlib.myplan": a title and the
 * parts, each with its blocks as read from the page it came from; plantext.js):
 * no account, no server. Plan pages and galleries add parts (reader.js); the
 * page my-plan/ lists them to reorder, remove, fill in, copy, and download as
 * Word or Markdown, made in the browser as a plan's own files are. The page
 * loads the Word template as it opens, so the files can still be made when
 * the connection is gone.
 */
window.planlib.myplan = (function () {
  "use strict";

  var STORE = "planlib.myplan";

  function safeHref(href) {
    try {
      var url = new URL(String(href || ""), location.href);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : "";
    } catch (error) { return ""; }
  }

  function validPart(part) {
    return part && typeof part.id === "string" && Array.isArray(part.blocks);
  }

  function load() {
    var data = {};
    try { data = JSON.parse(localStorage.getItem(STORE) || "{}") || {}; } catch (error) { data = {}; }
    return { title: typeof data.title === "string" ? data.title : "",
             parts: Array.isArray(data.parts) ? data.parts.filter(validPart) : [] };
  }

  function save(data) {
    try { localStorage.setItem(STORE, JSON.stringify(data)); } catch (error) { /* private mode, full */ }
  }

  function has(id) {
    return load().parts.some(function (part) { return part.id === id; });
  }

  /* adds a part (once); returns how many parts the plan has */
  function add(part) {
    var data = load();
    if (!data.parts.some(function (other) { return other.id === part.id; })) { data.parts.push(part); }
    save(data);
    return data.parts.length;
  }

  /* ---- the page 我的计划 --------------------------------------------------------------- */

  function words() { return (window.planlib.settings("reader") || {}).words || {}; }

  function doc(data) {
    var blocks = [];
    data.parts.forEach(function (part) { blocks = blocks.concat(part.blocks); });
    return { title: data.title || words().myPlanTitle, blocks: blocks };
  }

  function control(label, kind, action) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "planlib-tool planlib-" + kind;
    button.setAttribute("data-label", label);
    button.setAttribute("aria-label", label);  /* the visible label is drawn by the stylesheet */
    button.addEventListener("click", action);
    return button;
  }

  function render(root) {
    var labels = words();
    var data = load();
    var list = root.querySelector(".plan-composer__parts");
    var empty = root.querySelector(".plan-composer__empty");
    var actions = root.querySelector(".plan-composer__actions");
    list.textContent = "";
    empty.hidden = data.parts.length > 0;
    actions.hidden = data.parts.length === 0;
    data.parts.forEach(function (part, index) {
      var item = document.createElement("li");
      item.className = "plan-composer__part";
      item.setAttribute("data-part", part.id);
      var title = document.createElement("p");
      title.className = "plan-composer__title";
      title.lang = "zh";
      title.textContent = part.title || window.planlib.text.plain({ title: "", blocks: part.blocks.slice(0, 1) });
      item.appendChild(title);
      var from = document.createElement("p");
      from.className = "plan-composer__source";
      from.appendChild(document.createTextNode(labels.from + " "));
      var link = document.createElement(safeHref(part.href) ? "a" : "span");
      if (link.tagName === "A") { link.href = safeHref(part.href); }
      link.lang = "zh";
      link.textContent = part.source || "";
      from.appendChild(link);
      item.appendChild(from);
      var bar = document.createElement("div");
      bar.className = "planlib-tools";
      function move(by) {
        return function () {
          var current = load();
          var at = current.parts.findIndex(function (other) { return other.id === part.id; });
          var to = at + by;
          if (at < 0 || to < 0 || to >= current.parts.length) { return; }
          current.parts.splice(to, 0, current.parts.splice(at, 1)[0]);
          save(current);
          render(root);
          var again = root.querySelector('[data-part="' + CSS.escape(part.id) + '"] .planlib-' + (by < 0 ? "up" : "down"));
          if (again && !again.disabled) { again.focus(); }
        };
      }
      var up = control(labels.moveUp, "up", move(-1));
      var down = control(labels.moveDown, "down", move(1));
      var remove = control(labels.remove, "remove", function () {
        var current = load();
        current.parts = current.parts.filter(function (other) { return other.id !== part.id; });
        save(current);
        render(root);
      });
      up.disabled = index === 0;
      down.disabled = index === data.parts.length - 1;
      [up, down, remove].forEach(function (button) {
        button.setAttribute("aria-label", button.getAttribute("data-label") + labels.colon + title.textContent);
        bar.appendChild(button);
      });
      item.appendChild(bar);
      var preview = document.createElement("details");
      preview.className = "plan-composer__preview";
      var summary = document.createElement("summary");
      summary.textContent = labels.preview;
      preview.appendChild(summary);
      var body = document.createElement("div");
      body.lang = "zh";
      window.planlib.text.plain({ title: "", blocks: part.blocks }, window.planlib.fill.values())
        .split("\n").forEach(function (line) {
          var paragraph = document.createElement("p");
          paragraph.textContent = line;
          body.appendChild(paragraph);
        });
      preview.appendChild(body);
      item.appendChild(preview);
      list.appendChild(item);
    });
    var title = root.querySelector(".plan-composer__name input");
    if (title && document.activeElement !== title) { title.value = data.title; }
  }

  function build(root) {
    var labels = words();
    root.textContent = "";
    var name = document.createElement("label");
    name.className = "plan-composer__name fill-panel__field";
    var caption = document.createElement("span");
    caption.textContent = labels.planTitle;
    var input = document.createElement("input");
    input.type = "text";
    input.placeholder = labels.myPlanTitle;
    input.addEventListener("input", function () {
      var data = load();
      data.title = input.value;
      save(data);
    });
    name.appendChild(caption);
    name.appendChild(input);
    root.appendChild(name);
    var actions = document.createElement("div");
    actions.className = "planlib-tools planlib-tools--plan plan-composer__actions";
    actions.id = "reader-tools";
    actions.setAttribute("tabindex", "-1");
    actions.appendChild(control(labels.copyAll, "copy", function () { window.planlib.copy(doc(load())); }));
    actions.appendChild(control(labels.downloadWord, "download", function () {
      window.planlib.download("docx", function () { return doc(load()); });
    }));
    actions.appendChild(control(labels.downloadMarkdown, "download", function () {
      window.planlib.download("md", function () { return doc(load()); });
    }));
    actions.appendChild(control(labels.clear, "remove", function () {
      if (window.confirm(labels.clearConfirm)) { save({ title: load().title, parts: [] }); render(root); }
    }));
    root.appendChild(actions);
    var empty = document.createElement("p");
    empty.className = "plan-composer__empty";
    empty.textContent = labels.empty;
    root.appendChild(empty);
    var list = document.createElement("ol");
    list.className = "plan-composer__parts";
    root.appendChild(list);
    window.planlib.fill.panel(actions);
    render(root);
    document.addEventListener("planlib:fill", function () { render(root); });
    window.addEventListener("storage", function (event) { if (event.key === STORE) { render(root); } });
    window.planlib.word.ready().catch(function () { /* offline before it ever loaded: tried again on click */ });
  }

  function start() {
    var root = document.querySelector(".plan-composer");
    if (root && !root.hasAttribute("data-ready") && window.planlib.settings("reader")) {
      root.setAttribute("data-ready", "");
      build(root);
    }
  }

  window.planlib.onEachPage(start);
  return { load: load, add: add, has: has };
})();
