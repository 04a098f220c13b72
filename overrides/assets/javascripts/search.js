/* 科室工作计划库 · search dialog driven by Pagefind.
 *
 * Material's dialog markup and styles, Pagefind's index: loaded on the first
 * keystroke, one language per <html lang>. Queries in traditional characters
 * are mapped to simplified ones; "quoted phrases" must appear as written;
 * filter chips (the facets planlib.facets marks, in its order) narrow the results; a result opens the
 * section whose text matched, with the query highlighted there (Pagefind's highlight script).
 * The kind-of-part chips (指导思想, 月度安排 …) keep the plans whose query matches lie in a part of
 * that kind, and open that part: a plan page names the kind of each of its parts, in the order of
 * their headings (its `parts` metadata), and Pagefind places every match and heading on the page.
 *
 * Results: Pagefind's candidates are read in batches, best first; a Chinese
 * word of the query must appear in the page as written (so scattered
 * characters are neither listed nor counted). Plans are listed first, those
 * with the query in their title or a heading before the others; guide pages
 * in a group of their own below them. The count is exact once every
 * candidate has been read, else an estimate from those read ("about");
 * "more results" reads the next batch.
 *
 * Chinese words: the index is segmented at build time (jieba), a query in the
 * browser by Intl.Segmenter (ICU); the two disagree on words such as 月度安排
 * (月度/安排 against 月/度/安排). A Chinese query that ICU splits otherwise than
 * into two-character words is therefore run twice, once each way, and the
 * results merged; pages that contain the query as written are listed first.
 */
(function () {
  "use strict";

  var PAGE = 10;          /* plans listed at a time */
  var MAX_SUB_RESULTS = 3;
  var BATCH = 12;         /* candidates read at a time */
  var READ_ALL = 30;      /* fewer candidates than this are all read at once: the count is exact */
  var BOUNDARY = /[。！？；：，、]/;  /* a clause ends here: an excerpt may start after it */
  var HIGHLIGHT = "highlight";  /* the URL parameter that carries the query to the page opened */
  var PART_FILTER = "part";  /* the kind-of-part filter: its key in planlib.facets */
  var PLAN_END = "plan-search-terms";  /* the id of what follows a plan's text on its page (plan.html) */
  var CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
  var CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;

  /* Chinese words of a query as Pagefind looks them up: single characters next to each other are read
     as pairs (三|基|三|严 → 三基|三严), and a single character left beside longer words is not looked up
     (以|病人|为|中心 → 病人|中心): Pagefind extends every word to the words it begins, so a lone character
     would fetch the index of every word starting with it and match pages by scattered characters. The
     results are checked for the query as written all the same. */
  function tidy(segments) {
    var out = [];
    var singles = [];
    var flush = function () {
      for (var i = 0; i < singles.length; i += 2) { out.push(singles.slice(i, i + 2).join("")); }
      singles = [];
    };
    segments.forEach(function (segment) {
      if (CJK.test(segment) && segment.length === 1) { singles.push(segment); return; }
      flush();
      out.push(segment);
    });
    flush();
    var longer = out.some(function (segment) { return CJK.test(segment) && segment.length > 1; });
    return longer ? out.filter(function (segment) { return !(CJK.test(segment) && segment.length === 1); }) : out;
  }

  /* Intl.Segmenter as Pagefind calls it while we search: ICU's words, or pairs of characters, tidied */
  var segmentMode = null;
  var OriginalSegmenter = window.Intl && Intl.Segmenter;
  if (OriginalSegmenter) {
    var Shim = function (locale, options) {
      this.inner = new OriginalSegmenter(locale, options);
      this.words = !!(options && options.granularity === "word");
    };
    Shim.prototype.resolvedOptions = function () { return this.inner.resolvedOptions(); };
    Shim.prototype.segment = function (text) {
      if (!this.words || !segmentMode || !CJK.test(text)) { return this.inner.segment(text); }
      var pieces = [];
      var last = 0;
      var inner = this.inner;
      var push = function (part) {
        Array.prototype.forEach.call(Array.from(inner.segment(part)), function (s) { pieces.push(s.segment); });
      };
      text.replace(CJK_RUN, function (run, at) {
        if (at > last) { push(text.slice(last, at)); }
        if (segmentMode === "pairs") {
          for (var i = 0; i < run.length; i += 2) { pieces.push(run.slice(i, i + 2)); }
        } else {
          push(run);
        }
        last = at + run.length;
        return run;
      });
      if (last < text.length) { push(text.slice(last)); }
      return tidy(pieces).map(function (segment) { return { segment: segment }; });
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
    return words(text, "words").join("|") !== words(text, "pairs").join("|");
  }

  /* the index is segmented as Chinese, without English stemming: "teachers" is looked up as "teacher",
     which Pagefind extends to "teachers" as it extends any word to the words it begins */
  function singular(word) {
    return /^[a-z]{3,}[^s]s$/i.test(word) ? word.slice(0, -1) : word;
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
          return pagefind.options({ bundlePath: bundle, excerptLength: 40, noWorker: true,
                                    highlightParam: HIGHLIGHT }).then(function () {
            return pagefind.init();
          }).then(function () { return pagefind; });
        }),
        fetch(bundle + "t2s.json").then(function (r) { return r.ok ? r.json() : {}; }).catch(function () { return {}; })
      ]).then(function (loaded) {
        self.pagefind = loaded[0];
        self.t2s = loaded[1];
        /* the chips: this language's facets (from the page); their counts once the filter data is loaded */
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

  /* one Pagefind search at a time: the way of splitting Chinese (segmentMode) is the page's, so a search
     still running (the chips' counts of the last query) must not see the mode of the next */
  Search.prototype.serial = function (mode, text, filters) {
    var self = this;
    var task = function () {
      segmentMode = mode;
      return self.pagefind.search(text || null, { filters: filters }).then(function (search) {
        segmentMode = null;
        return search;
      }, function (error) { segmentMode = null; throw error; });
    };
    var run = (this.pending || Promise.resolve()).then(task, task);
    this.pending = run.catch(function () { return null; });
    return run;
  };

  /* Pagefind results for a query, both ways of splitting Chinese merged, best first */
  Search.prototype.lookup = function (text, filters) {
    var self = this;
    var modes = text && CJK.test(text) && splitsDiffer(text) ? ["words", "pairs"] : ["words"];
    var merged = {};
    var counts = null;
    return modes.reduce(function (chain, mode) {
      return chain.then(function () {
        return self.serial(mode, text, filters).then(function (search) {
          if (!search) { return; }
          counts = counts || search.filters;
          search.results.forEach(function (result) {
            var known = merged[result.id];
            if (!known || known.score < result.score) { merged[result.id] = result; }
          });
        });
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
      this.state = null;
      this.meta.textContent = this.options.placeholder;
      this.root.setAttribute("data-planlib-done", "");
      return Promise.resolve();
    }
    this.root.removeAttribute("data-planlib-done");
    var parsed = this.parse(query);
    parsed.text = parsed.text.split(" ").map(singular).join(" ");
    /* Chinese words (and quoted phrases) must appear as written; other words as Pagefind matches them */
    var wanted = parsed.text.split(" ").filter(function (w) { return CJK.test(w); }).concat(parsed.phrases);
    return this.load().then(function () {
      return self.lookup(parsed.text, filters);
    }).then(function (search) {
      if (id !== self.runId) { return; }
      var state = { id: id, query: query, candidates: search.results, read: 0, plans: [], guides: [], shown: 0,
                    wanted: wanted, words: parsed.text.replace(/["“”]/g, "").split(" ").filter(Boolean),
                    parts: Object.keys(self.selected[PART_FILTER] || {}) };
      self.state = state;
      self.updateCounts(search.filters, state.words.length > 0);
      var first = state.candidates.length < READ_ALL ? state.candidates.length : BATCH;
      return self.readMore(state, first).then(function () {
        if (id !== self.runId) { return; }
        self.render(state, PAGE);
        self.root.setAttribute("data-planlib-done", self.input.value.trim());
        self.loadCounts(id, parsed.text, filters);
      });
    });
  };

  /* the filter data (which plans have which sector, 科室 …) is only needed for the chips' counts: it is
     loaded once the first results are shown, not before, and the counts of the query then filled in */
  Search.prototype.loadCounts = function (id, text, filters) {
    var self = this;
    if (!this.filtersLoaded) {
      this.filtersLoaded = this.pagefind.filters();
    }
    this.filtersLoaded.then(function () {
      return id === self.runId ? self.serial("words", text, filters) : null;
    }).then(function (search) {
      if (search && id === self.runId) { self.updateCounts(search.filters, !!text); }
    }).catch(function () { /* the chips work without their counts */ });
  };

  /* read the next `count` candidates (at least until one more plan is found or none is left) */
  Search.prototype.readMore = function (state, count) {
    var self = this;
    var batch = state.candidates.slice(state.read, state.read + count);
    state.read += batch.length;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (pages) {
      var found = [];
      pages.forEach(function (page) {
        if (!self.matches(page, state.wanted)) { return; }
        if (state.parts.length && state.words.length && !self.inParts(page, state.parts).length) { return; }
        (self.isPlan(page) ? found : state.guides).push(page);
      });
      /* a title or heading holding the query before body text; otherwise Pagefind's order */
      found.forEach(function (page, i) { page.planlibRank = self.placeRank(page, state.words) * 1000 + i; });
      found.sort(function (a, b) { return a.planlibRank - b.planlibRank; });
      state.plans = state.plans.concat(found);
    });
  };

  Search.prototype.matches = function (page, wanted) {
    if (!wanted.length) { return true; }
    var text = (page.meta.title || "") + (page.content || "");
    text = text.replace(/\s+/g, "");
    return wanted.every(function (word) { return text.indexOf(word.replace(/\s+/g, "")) >= 0; });
  };

  /* the kind of the part a match (a word's place on the page) lies in: the part of the last ## heading
     before it, none once the plan's text has ended (the words it is also found by, related plans) */
  Search.prototype.partAt = function (page, at) {
    var kinds = ((page.meta || {}).parts || "").split(" ");
    var part = -1;
    var kind = "";
    (page.anchors || []).slice().sort(function (a, b) { return a.location - b.location; }).forEach(function (a) {
      if (a.location > at) { return; }
      if (a.element === "h2") { kind = kinds[++part] || ""; }
      if (a.id === PLAN_END) { kind = ""; }
    });
    return kind;
  };

  /* the sub-results of a page with a match in a part of one of `kinds` */
  Search.prototype.inParts = function (page, kinds) {
    var self = this;
    return (page.sub_results || []).filter(function (sub) {
      return (sub.locations || []).some(function (at) { return kinds.indexOf(self.partAt(page, at)) >= 0; });
    });
  };

  Search.prototype.isPlan = function (page) {
    return !!(page.filters && page.filters.section && page.filters.section.length);
  };

  /* 0: the whole query in the title; 1: in a heading; 2: elsewhere */
  Search.prototype.placeRank = function (page, words) {
    var has = function (text) {
      var plain = (text || "").replace(/\s+/g, "").toLowerCase();
      return words.length > 0 && words.every(function (w) { return plain.indexOf(w.toLowerCase()) >= 0; });
    };
    if (has(page.meta.title)) { return 0; }
    var headed = (page.sub_results || []).some(function (sub) { return sub.url !== page.url && has(sub.title); });
    return headed ? 1 : 2;
  };

  /* the count: exact once every candidate is read, else estimated from the share of those read that match */
  Search.prototype.countText = function (state) {
    var words = this.options.words || {};
    var n = state.plans.length;
    var exact = state.read >= state.candidates.length;
    if (!exact && state.read > 0) {
      n = Math.max(n, Math.round(state.candidates.length * (state.plans.length / state.read)));
    }
    var text;
    if (n === 0) { text = words.noPlans || this.options.none; }
    else if (exact && n === 1) { text = words.planFound || this.options.one; }
    else { text = ((exact ? words.plansFound : words.plansAbout) || this.options.other).replace("#", String(n)); }
    if (state.guides.length) { text += " · " + (words.guides || "") + " " + state.guides.length; }
    return text;
  };

  Search.prototype.showMore = function () {
    var self = this;
    var state = this.state;
    if (!state) { return Promise.resolve(); }
    var want = state.shown + PAGE;
    var step = function () {
      if (state !== self.state) { return Promise.resolve(); }
      if (state.plans.length >= want || state.read >= state.candidates.length) {
        self.render(state, want);
        return Promise.resolve();
      }
      return self.readMore(state, BATCH).then(step);
    };
    return step();
  };

  /* plan pages are indexed once, in the default language: send readers of another to their own version */
  /* the page opened highlights the words as the reader typed them, not as Pagefind split them (手卫 生) */
  Search.prototype.highlighted = function (url) {
    var link = new URL(url, window.location.href);
    link.searchParams.delete(HIGHLIGHT);
    ((this.state && this.state.words) || []).forEach(function (word) { link.searchParams.append(HIGHLIGHT, word); });
    return link.pathname + link.search + link.hash;
  };

  Search.prototype.localize = function (url) {
    var prefix = this.options.rebase;
    if (!prefix) { return url; }
    var root = new URL(this.bundle()).pathname.replace(/pagefind\/$/, "");
    if (url.indexOf(root) !== 0 || url.indexOf(root + prefix) === 0) { return url; }
    return root + prefix + url.slice(root.length);
  };

  /* a label of a filter value in this language, as the chips name it */
  Search.prototype.label = function (group, value) {
    var entries = (this.options.values || {})[group] || [];
    for (var i = 0; i < entries.length; i++) {
      if (Array.isArray(entries[i]) && entries[i][0] === value) { return entries[i][1]; }
    }
    return value;
  };

  /* the excerpt from the start of the clause holding the first match (Pagefind cuts at a word count) */
  Search.prototype.excerpt = function (html) {
    var mark = html.indexOf("<mark>");
    if (mark <= 0) { return html; }
    var before = html.slice(0, mark);
    for (var i = before.length - 1; i >= 0; i--) {
      if (BOUNDARY.test(before.charAt(i))) { return html.slice(i + 1).replace(/^\s+/, ""); }
    }
    return html;
  };

  Search.prototype.item = function (page) {
    var self = this;
    var subs = (page.sub_results || []).filter(function (s) { return s.url !== page.url; });
    subs.sort(function (a, b) { return (b.locations || []).length - (a.locations || []).length; });
    var parts = (this.state && this.state.parts) || [];
    if (parts.length) {
      /* only the parts of the kinds the reader chose: the result opens one of them */
      var chosen = this.inParts(page, parts);
      if (chosen.length) { subs = chosen; }
    }
    var best = subs.length ? subs[0] : page;
    var item = document.createElement("li");
    item.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = self.localize(self.highlighted(best.url));
    link.setAttribute("data-planlib-result", "");
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h1");
    title.textContent = page.meta.title || page.url;
    article.appendChild(title);
    if (this.isPlan(page)) {
      /* 单位类型, 科室, year: taxonomy keys in the index, named as the chips name them */
      var facts = ["institution", "section", "year"].map(function (group) {
        var values = (page.filters || {})[group] || [];
        return values.length ? self.label(group, values[0]) : "";
      }).filter(Boolean);
      var line = document.createElement("p");
      line.className = "planlib-search__facts";
      line.setAttribute("data-planlib-facts", "");
      line.textContent = facts.join(" · ");
      article.appendChild(line);
    }
    if (best !== page && best.title) {
      var section = document.createElement("p");
      section.className = "planlib-search__section";
      section.textContent = best.title;
      article.appendChild(section);
    }
    var excerpt = document.createElement("p");
    excerpt.innerHTML = this.excerpt(best.excerpt || page.excerpt);  /* Pagefind escapes the text; only <mark> is markup */
    article.appendChild(excerpt);
    link.appendChild(article);
    item.appendChild(link);
    subs.slice(1, MAX_SUB_RESULTS).forEach(function (sub) {
      var more = document.createElement("a");
      more.className = "md-search-result__link planlib-search__more";
      more.href = self.localize(self.highlighted(sub.url));
      more.textContent = sub.title;
      item.appendChild(more);
    });
    return item;
  };

  /* the first `upTo` plans, a "more results" button while more may exist, then the guides' group */
  Search.prototype.render = function (state, upTo) {
    var self = this;
    var words = this.options.words || {};
    state.shown = Math.min(upTo, state.plans.length);
    this.meta.textContent = this.countText(state);
    this.list.innerHTML = "";
    this.active = -1;
    state.plans.slice(0, state.shown).forEach(function (page) { self.list.appendChild(self.item(page)); });
    if (state.plans.length > state.shown || state.read < state.candidates.length) {
      var more = document.createElement("li");
      more.className = "md-search-result__item planlib-search__paging";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button planlib-search__more-button";
      button.setAttribute("data-planlib-more", "");
      button.textContent = words.more || "…";
      button.addEventListener("click", function () { self.showMore().then(function () { self.input.focus(); }); });
      more.appendChild(button);
      this.list.appendChild(more);
    }
    if (state.guides.length) {
      var heading = document.createElement("li");
      heading.className = "md-search-result__meta planlib-search__group";
      heading.setAttribute("data-planlib-guides", "");
      heading.textContent = words.guides || "";
      this.list.appendChild(heading);
      state.guides.forEach(function (page) { self.list.appendChild(self.item(page)); });
    }
  };

  Search.prototype.renderChips = function (filters) {
    var self = this;
    this.chips.innerHTML = "";
    this.counts = {};
    /* in the facet table's order (the settings' JSON sorts the keys of its objects) */
    (this.options.order || Object.keys(this.options.filters || {})).forEach(function (group) {
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

  /* Pagefind counts plans per filter value, a page at a time: with a query, a kind of part counts the
     plans that have such a part and the query anywhere, not those with the query in such a part; and once
     a kind of part is chosen, no count is that of the plans listed. No count then rather than a wrong one */
  Search.prototype.updateCounts = function (counts, query) {
    var partChosen = Object.keys(this.selected[PART_FILTER] || {}).length > 0;
    Array.prototype.forEach.call(this.chips.querySelectorAll("[data-filter]"), function (chip) {
      var group = (counts || {})[chip.getAttribute("data-filter")] || {};
      var unsure = query && (partChosen || chip.getAttribute("data-filter") === PART_FILTER);
      var n = unsure ? undefined : group[chip.getAttribute("data-value")];
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

  /* a page opened from a result: mark the query's words in its text with Pagefind's highlight script */
  function highlight(search) {
    var params = new URLSearchParams(window.location.search);
    if (!params.has(HIGHLIGHT) || search.marked) { return; }
    search.marked = true;
    import(search.bundle() + "pagefind-highlight.js").then(function () {
      if (window.PagefindHighlight) { new window.PagefindHighlight({ highlightParam: HIGHLIGHT }); }
    }).catch(function () { /* the page reads as well without marks */ });
  }

  function start() {
    var root = document.querySelector("[data-planlib-search]");
    var options = window.planlib.settings("search");
    if (root && options && !root.planlibSearch) {
      root.planlibSearch = new Search(root, options);
    }
    if (root && root.planlibSearch) { highlight(root.planlibSearch); }
  }

  window.planlib.onEachPage(start);
})();
