/* 科室工作计划库 · search dialog driven by Pagefind.
 *
 * Material's dialog markup and styles, Pagefind's index: loaded on the first
 * keystroke, one language per <html lang>. Queries in traditional characters
 * are mapped to simplified ones; "quoted phrases" must appear as written;
 * filter chips (the facets planlib.facets marks, in its order) narrow the results; a result opens the
 * section whose text matched.
 *
 * Chinese words: the index is segmented at build time (jieba), a query in the
 * browser by Intl.Segmenter (ICU); the two disagree on words such as 月度安排
 * (月度/安排 against 月/度/安排). A Chinese query that ICU splits otherwise than
 * into two-character words is therefore run twice, once each way, and the
 * results merged; pages that contain the query as written are listed first.
 */
(function () {
  "use strict";

  var MAX_RESULTS = 10;
  var MAX_SUB_RESULTS = 3;
  var CHECKED = 12;       /* results whose text is checked for the query as written */
  var PHRASE_CHECK = 40;  /* … when a quoted phrase must appear */
  var CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
  var CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;

  /* Intl.Segmenter, with a second way to split Chinese words while we search */
  var segmentMode = null;
  var OriginalSegmenter = window.Intl && Intl.Segmenter;
  if (OriginalSegmenter) {
    var Shim = function (locale, options) {
      this.inner = new OriginalSegmenter(locale, options);
      this.words = !!(options && options.granularity === "word");
    };
    Shim.prototype.resolvedOptions = function () { return this.inner.resolvedOptions(); };
    Shim.prototype.segment = function (text) {
      if (!this.words || segmentMode !== "pairs" || !CJK.test(text)) { return this.inner.segment(text); }
      var out = [];
      var last = 0;
      var inner = this.inner;
      var push = function (part) {
        Array.prototype.forEach.call(Array.from(inner.segment(part)), function (s) { out.push({ segment: s.segment }); });
      };
      text.replace(CJK_RUN, function (run, at) {
        if (at > last) { push(text.slice(last, at)); }
        for (var i = 0; i < run.length; i += 2) { out.push({ segment: run.slice(i, i + 2) }); }
        last = at + run.length;
        return run;
      });
      if (last < text.length) { push(text.slice(last)); }
      return out;
    };
    Intl.Segmenter = Shim;
  }

  /* the words a query is split into, as Pagefind will see them in `mode` */
  function words(text, mode) {
    if (!OriginalSegmenter) { return [text]; }
    segmentMode = mode;
    try {
      return Array.from(new Intl.Segmenter("zh", { granularity: "word" }).segment(text), function (s) { return s.segment; });
    } finally {
      segmentMode = null;
    }
  }

  /* a second search is only worth its time when the two-character split differs (月度安排, not 课题研究) */
  function splitsDiffer(text) {
    return words(text, null).join("|") !== words(text, "pairs").join("|");
  }

  function Search(root, options) {
    this.root = root;
    this.options = options;
    this.input = root.querySelector("[data-planlib-search-input]");
    this.meta = root.querySelector("[data-planlib-search-meta]");
    this.list = root.querySelector(".md-search-result__list");
    this.chips = root.querySelector("[data-planlib-search-filters]");
    this.toggle = document.getElementById("__search");
    this.selected = {};
    this.language = (document.documentElement.lang || "zh").toLowerCase().split("-")[0];
    this.pagefind = null;
    this.t2s = {};
    this.runId = 0;
    this.active = -1;
    this.bind();
  }

  Search.prototype.load = function () {
    var self = this;
    if (!this.loading) {
      var bundle = this.bundle();
      this.meta.textContent = this.options.loading;
      this.loading = Promise.all([
        import(bundle + "pagefind.js").then(function (pagefind) {
          /* in the page, not a worker: the search must see the Intl.Segmenter above */
          return pagefind.options({ bundlePath: bundle, excerptLength: 40, noWorker: true }).then(function () {
            return pagefind.init();
          }).then(function () { return pagefind; });
        }),
        fetch(bundle + "t2s.json").then(function (r) { return r.ok ? r.json() : {}; }).catch(function () { return {}; })
      ]).then(function (loaded) {
        self.pagefind = loaded[0];
        self.t2s = loaded[1];
        return self.pagefind.filters();  /* loads the filter data, so that results carry their counts */
      }).then(function () {
        /* the chips: this language's sectors, departments and years (from the page) */
        self.renderChips(self.options.values || {});
        self.meta.textContent = self.options.placeholder;
      });
    }
    return this.loading;
  };

  /* the index's folder, as the build wrote it in <head>; this site's own origin only, never another */
  Search.prototype.bundle = function () {
    var url = new URL(this.options.bundle, window.location.href);
    var here = window.location;
    if (url.protocol !== here.protocol || url.host !== here.host || !/\/pagefind\/$/.test(url.pathname)) {
      throw new Error("planlib: refusing a search index outside this site: " + url.href);
    }
    return url.href;
  };

  Search.prototype.bind = function () {
    var self = this;
    var timer = null;
    this.input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { self.run(); }, 120);
    });
    this.input.addEventListener("focus", function () { self.load(); });
    this.input.addEventListener("keydown", function (event) { self.navigate(event); });
    this.root.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); });
    this.root.querySelector("form").addEventListener("reset", function () {
      setTimeout(function () { self.selected = {}; self.syncChips(); self.run(); }, 0);
    });
    this.toggle.addEventListener("change", function () {
      self.lockScroll(self.toggle.checked);
      if (self.toggle.checked) {
        setTimeout(function () { self.input.focus(); }, 50);
      }
    });
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (self.toggle.checked && event.key === "Escape") {
        self.close();
        event.preventDefault();
      } else if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey &&
                 (event.key === "/" || event.key === "s" || event.key === "f")) {
        self.open();
        event.preventDefault();
      }
    });
  };

  /* on phones the open dialog covers the page, which must not scroll under it (as in Material) */
  Search.prototype.lockScroll = function (lock) {
    var body = document.body;
    if (lock && window.matchMedia("(max-width: 59.984375em)").matches) {
      this.scrollOffset = window.scrollY;
      body.setAttribute("data-md-scrolllock", "");
      body.style.top = "-" + this.scrollOffset + "px";
    } else if (!lock && body.hasAttribute("data-md-scrolllock")) {
      body.removeAttribute("data-md-scrolllock");
      body.style.top = "";
      window.scrollTo(0, this.scrollOffset || 0);
    }
  };

  Search.prototype.open = function () {
    this.toggle.checked = true;
    this.toggle.dispatchEvent(new Event("change"));
    this.input.focus();
    this.load();
  };

  Search.prototype.close = function () {
    this.toggle.checked = false;
    this.toggle.dispatchEvent(new Event("change"));
    this.input.blur();
  };

  Search.prototype.simplify = function (text) {
    var map = this.t2s;
    return Array.prototype.map.call(text, function (ch) { return map[ch] || ch; }).join("");
  };

  /* "quoted phrases" and the remaining words of a query */
  Search.prototype.parse = function (query) {
    var phrases = [];
    var rest = query.replace(/["“”]([^"“”]+)["“”]/g, function (_, phrase) {
      phrases.push(phrase.replace(/\s+/g, ""));
      return " " + phrase + " ";
    });
    return { text: rest.replace(/\s+/g, " ").trim(), phrases: phrases };
  };

  Search.prototype.filters = function () {
    var out = { lang: { any: [this.language] } };
    var self = this;
    Object.keys(this.options.filters || {}).forEach(function (group) {
      var values = Object.keys(self.selected[group] || {});
      if (values.length) { out[group] = { any: values }; }
    });
    return out;
  };

  /* Pagefind results for a query, both ways of splitting Chinese merged, best first */
  Search.prototype.lookup = function (text, filters) {
    var self = this;
    var modes = text && CJK.test(text) && splitsDiffer(text) ? [null, "pairs"] : [null];
    var merged = {};
    var counts = null;
    return modes.reduce(function (chain, mode) {
      return chain.then(function () {
        segmentMode = mode;
        return self.pagefind.search(text || null, { filters: filters }).then(function (search) {
          segmentMode = null;
          if (!search) { return; }
          counts = counts || search.filters;
          search.results.forEach(function (result) {
            var known = merged[result.id];
            if (!known || known.score < result.score) { merged[result.id] = result; }
          });
        }, function (error) { segmentMode = null; throw error; });
      });
    }, Promise.resolve()).then(function () {
      var results = Object.keys(merged).map(function (id) { return merged[id]; });
      results.sort(function (a, b) { return b.score - a.score; });
      return { results: results, filters: counts };
    });
  };

  Search.prototype.run = function () {
    var self = this;
    var id = ++this.runId;
    var query = this.simplify(this.input.value.trim());
    var filters = this.filters();
    if (!query && Object.keys(filters).length === 1) {
      this.list.innerHTML = "";
      this.meta.textContent = this.options.placeholder;
      return Promise.resolve();
    }
    var parsed = this.parse(query);
    var wanted = parsed.text.split(" ").filter(function (w) { return CJK.test(w); }).map(function (w) {
      return w.replace(/\s+/g, "");
    });
    return this.load().then(function () {
      return self.lookup(parsed.text, filters);
    }).then(function (search) {
      if (id !== self.runId) { return; }
      var checked = parsed.phrases.length ? PHRASE_CHECK : (wanted.length ? CHECKED : MAX_RESULTS);
      return Promise.all(search.results.slice(0, checked).map(function (r) { return r.data(); })).then(function (pages) {
        if (id !== self.runId) { return; }
        var total = search.results.length;
        var contains = function (page, words) {
          var text = page.content.replace(/\s+/g, "");
          return words.every(function (word) { return text.indexOf(word) >= 0; });
        };
        if (parsed.phrases.length) {
          pages = pages.filter(function (page) { return contains(page, parsed.phrases); });
          total = pages.length;
        } else if (wanted.length) {
          /* pages with the query as written first, in Pagefind's order otherwise */
          var exact = pages.filter(function (page) { return contains(page, wanted); });
          var rest = pages.filter(function (page) { return !contains(page, wanted); });
          pages = exact.concat(rest);
        }
        self.render(pages.slice(0, MAX_RESULTS), total);
        self.updateCounts(search.filters);
      });
    });
  };

  /* plan pages are indexed once, in the default language: send readers of another to their own version */
  Search.prototype.localize = function (url) {
    var prefix = this.options.rebase;
    if (!prefix) { return url; }
    var root = new URL(this.bundle()).pathname.replace(/pagefind\/$/, "");
    if (url.indexOf(root) !== 0 || url.indexOf(root + prefix) === 0) { return url; }
    return root + prefix + url.slice(root.length);
  };

  Search.prototype.count = function (n) {
    if (n === 0) { return this.options.none; }
    if (n === 1) { return this.options.one; }
    return this.options.other.replace("#", String(n));
  };

  Search.prototype.render = function (pages, total) {
    var self = this;
    this.meta.textContent = this.count(total);
    this.list.innerHTML = "";
    this.active = -1;
    pages.forEach(function (page) {
      var subs = (page.sub_results || []).filter(function (s) { return s.url !== page.url; });
      subs.sort(function (a, b) { return (b.locations || []).length - (a.locations || []).length; });
      var best = subs.length ? subs[0] : page;
      var item = document.createElement("li");
      item.className = "md-search-result__item";
      var link = document.createElement("a");
      link.className = "md-search-result__link";
      link.href = self.localize(best.url);
      link.setAttribute("data-planlib-result", "");
      var article = document.createElement("article");
      article.className = "md-search-result__article md-typeset";
      var title = document.createElement("h1");
      title.textContent = page.meta.title || page.url;
      article.appendChild(title);
      if (best !== page && best.title) {
        var section = document.createElement("p");
        section.className = "planlib-search__section";
        section.textContent = best.title;
        article.appendChild(section);
      }
      var excerpt = document.createElement("p");
      excerpt.innerHTML = best.excerpt || page.excerpt;  /* Pagefind escapes the text; only <mark> is markup */
      article.appendChild(excerpt);
      link.appendChild(article);
      item.appendChild(link);
      subs.slice(1, MAX_SUB_RESULTS).forEach(function (sub) {
        var more = document.createElement("a");
        more.className = "md-search-result__link planlib-search__more";
        more.href = self.localize(sub.url);
        more.textContent = sub.title;
        item.appendChild(more);
      });
      self.list.appendChild(item);
    });
  };

  Search.prototype.renderChips = function (filters) {
    var self = this;
    this.chips.innerHTML = "";
    this.counts = {};
    Object.keys(this.options.filters || {}).forEach(function (group) {
      var keys = (filters[group] || []).slice();
      if (!keys.length) { return; }
      var row = document.createElement("div");
      row.className = "planlib-search__chips";
      var label = document.createElement("span");
      label.className = "planlib-search__label";
      label.textContent = self.options.filters[group] || group;
      row.appendChild(label);
      keys.forEach(function (entry) {
        /* [value as indexed, label in this language] */
        var value = Array.isArray(entry) ? entry[0] : entry;
        var chip = document.createElement("button");
        chip.type = "button";
        chip.className = "planlib-search__chip";
        chip.setAttribute("data-filter", group);
        chip.setAttribute("data-value", value);
        chip.setAttribute("aria-pressed", "false");
        chip.textContent = Array.isArray(entry) ? entry[1] : entry;
        chip.addEventListener("click", function () {
          self.selected[group] = self.selected[group] || {};
          if (self.selected[group][value]) { delete self.selected[group][value]; } else { self.selected[group][value] = true; }
          self.syncChips();
          self.run();
          self.input.focus();
        });
        row.appendChild(chip);
      });
      self.chips.appendChild(row);
    });
  };

  Search.prototype.syncChips = function () {
    var self = this;
    Array.prototype.forEach.call(this.chips.querySelectorAll("[data-filter]"), function (chip) {
      var on = !!(self.selected[chip.getAttribute("data-filter")] || {})[chip.getAttribute("data-value")];
      chip.setAttribute("aria-pressed", on ? "true" : "false");
    });
  };

  Search.prototype.updateCounts = function (counts) {
    Array.prototype.forEach.call(this.chips.querySelectorAll("[data-filter]"), function (chip) {
      var group = (counts || {})[chip.getAttribute("data-filter")] || {};
      var n = group[chip.getAttribute("data-value")];
      chip.setAttribute("data-count", n === undefined ? "" : String(n));
    });
  };

  Search.prototype.navigate = function (event) {
    var links = this.list.querySelectorAll("[data-planlib-result]");
    if (!links.length) { return; }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      this.active = (this.active + (event.key === "ArrowDown" ? 1 : -1) + links.length) % links.length;
      Array.prototype.forEach.call(links, function (link, i) {
        link.parentNode.classList.toggle("planlib-search__item--active", i === this.active);
      }, this);
      links[this.active].scrollIntoView({ block: "nearest" });
      event.preventDefault();
    } else if (event.key === "Enter") {
      window.location.href = links[Math.max(0, this.active)].href;
      event.preventDefault();
    }
  };

  function start() {
    var root = document.querySelector("[data-planlib-search]");
    var options = window.planlib.settings("search");
    if (root && options && !root.planlibSearch) {
      root.planlibSearch = new Search(root, options);
    }
  }

  window.planlib.onEachPage(start);
})();
