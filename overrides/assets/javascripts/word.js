/* 科室工作计划库 · Word files made in the browser from the site's one styled template.
 *
 * planlib.word.make(doc, values) → Promise of a .docx Blob. doc is {title, blocks}
 * (plantext.js); values are the reader's fill-in values. The template
 * (planlib.word, made once per build) holds the 公文 styles, page set-up and
 * page numbers, and one prototype paragraph per kind of block ({title},
 * {heading-1} …, {paragraph}, {item-0} …): each block of the text becomes a
 * paragraph with its prototype's properties, and the document's title goes
 * into the core properties. The zip is read and written with fflate (vendored,
 * MIT), loaded on first use; the template is fetched once and kept. No server
 * is involved: plan pages and 我的计划 make their files the same way.
 */
window.planlib.word = (function () {
  "use strict";

  var W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  var DC = "http://purl.org/dc/elements/1.1/";
  var MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  var loading = null;

  function settings() { return window.planlib.settings("reader") || {}; }

  function script(src) {
    return new Promise(function (resolve, reject) {
      if (window.fflate) { resolve(); return; }
      var tag = document.createElement("script");
      tag.src = src;
      tag.onload = function () { resolve(); };
      tag.onerror = function () { reject(new Error("cannot load " + src)); };
      document.head.appendChild(tag);
    });
  }

  /* the zip library and the template's files, loaded once (also ahead of time, for use offline) */
  function ready() {
    if (!loading) {
      var own = settings();
      loading = Promise.all([
        script(own.zip),
        fetch(own.template).then(function (response) {
          if (!response.ok) { throw new Error("template: HTTP " + response.status); }
          return response.arrayBuffer();
        })
      ]).then(function (results) {
        return window.fflate.unzipSync(new Uint8Array(results[1]));
      });
      loading.catch(function () { loading = null; });  /* try again on the next click */
    }
    return loading;
  }

  /* text as XML character data: no characters XML forbids (a plan's control characters never reach here) */
  function xmlText(text) {
    return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  /* the prototypes' paragraph properties by kind, and what follows the body's paragraphs (sectPr) */
  function prototypes(xml) {
    var parsed = new DOMParser().parseFromString(xml, "application/xml");
    var serializer = new XMLSerializer();
    var body = parsed.getElementsByTagNameNS(W, "body")[0];
    var found = {};
    var tail = "";
    Array.prototype.forEach.call(body.children, function (child) {
      if (child.localName === "p") {
        var key = /^\{([a-z0-9-]+)\}$/.exec(child.textContent.trim());
        var properties = child.getElementsByTagNameNS(W, "pPr")[0];
        if (key && properties) { found[key[1]] = serializer.serializeToString(properties); }
      } else {
        tail += serializer.serializeToString(child);
      }
    });
    return { properties: found, tail: tail, head: xml.slice(0, xml.indexOf("<w:body>") + "<w:body>".length) };
  }

  function paragraph(properties, text) {
    return "<w:p>" + properties + '<w:r><w:t xml:space="preserve">' + xmlText(text) + "</w:t></w:r></w:p>";
  }

  function documentXml(template, doc, values) {
    var text = window.planlib.text;
    var parts = prototypes(template);
    var out = [];
    function add(kind, line) { out.push(paragraph(parts.properties[kind] || parts.properties.paragraph, line)); }
    if (doc.title) { add("title", doc.title); }
    doc.blocks.forEach(function (block) {
      var kind = text.kindOf(block);
      if (block.type === "item") { kind = "item-" + Math.min(block.level, 3); }
      text.lines(block, values).forEach(function (line) { add(kind, line); });
    });
    return parts.head + out.join("") + parts.tail + "</w:body></w:document>";
  }

  function coreXml(core, title) {
    var parsed = new DOMParser().parseFromString(core, "application/xml");
    var node = parsed.getElementsByTagNameNS(DC, "title")[0];
    if (node) { node.textContent = title.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ""); }
    return new XMLSerializer().serializeToString(parsed);
  }

  function make(doc, values) {
    return ready().then(function (template) {
      var fflate = window.fflate;
      var files = {};
      Object.keys(template).forEach(function (name) { files[name] = template[name]; });
      files["word/document.xml"] = fflate.strToU8(documentXml(fflate.strFromU8(template["word/document.xml"]), doc, values));
      files["docProps/core.xml"] = fflate.strToU8(coreXml(fflate.strFromU8(template["docProps/core.xml"]), doc.title || ""));
      return new Blob([fflate.zipSync(files, { level: 6 })], { type: MIME });
    });
  }

  return { make: make, ready: ready };
})();
