/* 科室工作计划库 · plan text as blocks, and what a reader takes away from it.
 *
 * A piece of a plan (a part, a month, the whole plan, the parts of 我的计划)
 * is a list of blocks read from the page:
 *   {type: "heading", level: 2-6, runs} · {type: "paragraph", runs} · {type: "item", level: depth, runs}
 * where runs are strings and placeholders {kind, text} (span.ph: data-ph, data-text).
 * Blocks are plain data: 我的计划 keeps them in localStorage.
 *
 * From blocks and the reader's fill-in values, this file makes the text a copy
 * gives (one line per heading, paragraph or item, numbering as written), the
 * HTML a copy gives (headings, lists and the Word template's fonts, so that a
 * paste into Word or WPS keeps the structure) and Markdown; word.js makes .docx.
 * Only a placeholder of a kind the reader has a value for is filled (fill).
 */
window.planlib.text = (function () {
  "use strict";

  var SKIP = ".planlib-tools, .headerlink, .fill-panel, script, style, button";
  var YEAR_SEPARATORS = /[—–\-~至]/;

  /* ---- reading blocks from the page ---------------------------------------------- */

  /* the runs of an element's own inline content (nested lists are blocks of their own) */
  function runsOf(element, out) {
    out = out || [];
    Array.prototype.forEach.call(element.childNodes, function (node) {
      if (node.nodeType === 3) {
        out.push(node.data.replace(/\s+/g, " "));
      } else if (node.nodeType === 1) {
        if (node.matches(SKIP) || node.tagName === "UL" || node.tagName === "OL") { return; }
        if (node.matches("span.ph")) {
          out.push({ kind: node.getAttribute("data-ph"), text: node.getAttribute("data-text") || "" });
        } else if (node.tagName === "BR") {
          out.push("\n");
        } else if (node.tagName === "P" && out.length) {
          out.push("\n");
          runsOf(node, out);
        } else {
          runsOf(node, out);
        }
      }
    });
    return out;
  }

  /* runs with neighbouring strings joined and the spaces at both ends and around line breaks removed */
  function tidy(runs) {
    var out = [];
    runs.forEach(function (run) {
      if (typeof run === "string" && typeof out[out.length - 1] === "string") { out[out.length - 1] += run; }
      else { out.push(run); }
    });
    out = out.map(function (run) { return typeof run === "string" ? run.replace(/ *\n */g, "\n") : run; });
    if (typeof out[0] === "string") { out[0] = out[0].replace(/^[ \n]+/, ""); }
    var last = out.length - 1;
    if (typeof out[last] === "string") { out[last] = out[last].replace(/[ \n]+$/, ""); }
    return out.filter(function (run) { return run !== ""; });
  }

  function headingLevel(node) {
    var match = /^H([1-6])$/.exec(node.tagName);
    return match ? Number(match[1]) : 0;
  }

  /* a gallery shows a part's subheadings as bold lines: <p><strong>…</strong></p> */
  function boldLine(node) {
    return node.tagName === "P" && node.children.length === 1 && node.children[0].tagName === "STRONG" &&
      node.textContent.trim() === node.children[0].textContent.trim();
  }

  function push(out, block) {
    if (block.runs.length) { out.push(block); }
  }

  function readInto(element, out, depth, options) {
    if (element.matches(SKIP)) { return out; }
    var tag = element.tagName;
    var level = headingLevel(element);
    if (level) {
      push(out, { type: "heading", level: level, runs: tidy(runsOf(element)) });
    } else if (tag === "P") {
      push(out, options.boldLines && boldLine(element)
        ? { type: "heading", level: 3, runs: tidy(runsOf(element)) }
        : { type: "paragraph", runs: tidy(runsOf(element)) });
    } else if (tag === "UL" || tag === "OL") {
      Array.prototype.forEach.call(element.children, function (item) {
        if (item.tagName !== "LI") { return; }
        push(out, { type: "item", level: depth, runs: tidy(runsOf(item)) });
        Array.prototype.forEach.call(item.children, function (child) {
          if (child.tagName === "UL" || child.tagName === "OL") { readInto(child, out, depth + 1, options); }
        });
      });
    } else if (tag === "TR") {
      var cells = [];
      Array.prototype.forEach.call(element.children, function (cell) { cells = cells.concat([" "], runsOf(cell)); });
      push(out, { type: "paragraph", runs: tidy(cells) });
    } else if (tag === "PRE") {
      element.textContent.split("\n").forEach(function (line) {
        if (line.trim()) { out.push({ type: "paragraph", runs: [line] }); }
      });
    } else if (tag !== "HR") {
      Array.prototype.forEach.call(element.children, function (child) { readInto(child, out, depth, options); });
    }
    return out;
  }

  /* blocks of some elements, in order; options.boldLines: bold lines are subheadings (galleries) */
  function read(elements, options) {
    var out = [];
    Array.prototype.forEach.call(elements, function (element) { readInto(element, out, 0, options || {}); });
    return out;
  }

  /* a heading and everything after it up to the next heading of its level or above */
  function section(heading) {
    var level = headingLevel(heading);
    var elements = [heading];
    for (var node = heading.nextElementSibling; node; node = node.nextElementSibling) {
      var other = headingLevel(node);
      if (other && other <= level) { break; }
      elements.push(node);
    }
    return read(elements);
  }

  /* ---- filling in ------------------------------------------------------------------ */

  /* the text that fills a placeholder of `kind`, written `original`, or null when the reader has none */
  function filled(kind, original, values) {
    var year = String(values.year || "").replace(/\D/g, "");
    var suffix = /[市州区县]$/.exec(original);
    function place(value, ends) {
      var name = String(value || "").trim().replace(ends, "");
      return name ? name + (suffix ? suffix[0] : "") : null;
    }
    if (kind === "year") { return year.length === 4 ? year : null; }
    if (kind === "school-year") {
      if (year.length !== 4) { return null; }
      return year + (YEAR_SEPARATORS.exec(original) || ["—"])[0] + (Number(year) + 1);
    }
    if (kind === "city") { return place(values.city, /市$/); }  /* 泰州 keeps its 州 */
    if (kind === "district") { return place(values.district, /[区县]$/); }
    if (kind === "unit") { return String(values.unit || "").trim() || null; }
    return null;
  }

  function fill(runs, values) {
    return runs.map(function (run) {
      if (typeof run === "string") { return run; }
      var value = filled(run.kind, run.text, values || {});
      return value === null ? run.text : value;
    }).join("");
  }

  /* ---- what a reader takes away -------------------------------------------------- */

  /* a document: {title (string, may be ""), blocks}; each block's lines with the values filled in */
  function lines(block, values) {
    var text = fill(block.runs, values);
    if (block.type === "item") { return [text.replace(/\n+/g, " ")]; }
    return text.split("\n").filter(function (line) { return line.trim(); });
  }

  function plain(doc, values) {
    var out = doc.title ? [doc.title] : [];
    doc.blocks.forEach(function (block) {
      var indent = block.type === "item" ? new Array(block.level + 1).join("  ") : "";
      lines(block, values).forEach(function (line) { out.push(indent + line); });
    });
    return out.join("\n");
  }

  /* the template's kind of paragraph for a block: heading-1 for a part (h2), … */
  function kindOf(block) {
    if (block.type === "heading") { return "heading-" + Math.min(Math.max(block.level - 1, 1), 3); }
    return block.type;
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function html(doc, values, styles) {
    styles = styles || {};
    function open(name, kind) {
      return "<" + name + (styles[kind] ? ' style="' + escapeHtml(styles[kind]) + '"' : "") + ">";
    }
    var out = [];
    var depth = -1;  /* the deepest open list */
    var itemOpen = [];  /* whether each open list has an open item */
    function close(level) {
      while (depth > level) {
        if (itemOpen[depth]) { out.push("</li>"); }
        out.push("</ul>");
        depth -= 1;
      }
    }
    if (doc.title) { out.push(open("h1", "title") + escapeHtml(doc.title) + "</h1>"); }
    doc.blocks.forEach(function (block) {
      if (block.type !== "item") {
        close(-1);
        var kind = kindOf(block);
        var name = kind === "paragraph" ? "p" : "h" + Math.min(block.level, 6);
        lines(block, values).forEach(function (line) { out.push(open(name, kind) + escapeHtml(line) + "</" + name + ">"); });
        return;
      }
      if (depth < 0) { out.push(open("ul", "list")); depth = 0; itemOpen[0] = false; }
      while (depth < block.level) {  /* a deeper item: a list inside the open item */
        if (!itemOpen[depth]) { out.push(open("li", "item")); itemOpen[depth] = true; }
        out.push(open("ul", "list"));
        depth += 1;
        itemOpen[depth] = false;
      }
      close(block.level);
      if (itemOpen[depth]) { out.push("</li>"); }
      out.push(open("li", "item") + escapeHtml(lines(block, values)[0] || ""));
      itemOpen[depth] = true;
    });
    close(-1);
    return "<div>" + out.join("") + "</div>";
  }

  /* Markdown that renders as exactly the text (the checker's escaping: planlib.document.escape_text) */
  function escapeMarkdown(text) {
    text = text.replace(/([\\`*_\[\]{}])/g, "\\$1").replace(/&(?=#?[A-Za-z0-9]+;)/g, "\\&").replace(/<(?=[A-Za-z])/g, "\\<");
    var start = /^(#|>|[-+*](?=\s|$)|=+\s*$|~~~|\d{1,9}(?=[.)]))/.exec(text);
    if (!start) { return text; }
    return /^\d/.test(start[1]) ? start[1] + "\\" + text.slice(start[1].length) : "\\" + text;
  }

  function markdown(doc, values) {
    var out = doc.title ? ["# " + escapeMarkdown(doc.title), ""] : [];
    var previous = null;
    doc.blocks.forEach(function (block) {
      if (previous && !(previous === "item" && block.type === "item")) { out.push(""); }
      lines(block, values).forEach(function (line, index) {
        if (block.type === "heading") {
          out.push(new Array(Math.min(block.level, 6) + 1).join("#") + " " + escapeMarkdown(line));
        } else if (block.type === "item") {
          out.push(new Array(block.level + 1).join("  ") + "- " + escapeMarkdown(line));
        } else {
          if (index) { out.push(""); }
          out.push(escapeMarkdown(line));
        }
      });
      previous = block.type;
    });
    return out.join("\n") + "\n";
  }

  /* a file name from a title: what Windows, macOS and phones all accept */
  function fileName(title, extension) {
    var name = String(title || "").replace(/[\u0000-\u001f\u007f\\\/:*?"<>|]+/g, " ").replace(/\s+/g, " ")
      .replace(/^[ .]+|[ .]+$/g, "").slice(0, 80);
    return (name || "plan") + "." + extension;
  }

  /* a file offered to the reader, made in the browser */
  function save(blob, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  return {
    read: read, section: section, filled: filled, fill: fill, plain: plain, html: html, markdown: markdown,
    kindOf: kindOf, lines: lines, fileName: fileName, save: save
  };
})();
