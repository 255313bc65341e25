/*
 * quizgen quiz player: the <quiz-player> custom element.
 *
 * Plays a quizgen JSON quiz (schema 1.0) one question at a time: type an
 * answer (short answer), pick a choice (multiple choice) or fill in / reveal
 * a blank (cloze). After each answer it says right or wrong in words, shows
 * the evidence sentence from the source with the answer marked, and the
 * source title; a running score and "Question n of N" stay on top.
 *
 * Data comes from either
 *   <quiz-player src="quiz.json"></quiz-player>                  (fetched)
 *   <quiz-player> with a child script element of type "application/json"
 * or from JavaScript: element.quiz = quizObject.
 *
 * Safety: every piece of quiz text is inserted as a DOM text node
 * (textContent / createTextNode); no HTML string is ever parsed, so a source
 * that contains markup shows that markup literally and runs nothing. The
 * standalone page built by `quizgen html` adds a strict Content-Security-Policy
 * with Trusted Types on top.
 *
 * Offsets in the quiz are Unicode code points (Python string indices), so
 * source texts are sliced as arrays of code points, never UTF-16 units.
 */
(function () {
  "use strict";

  if (typeof window === "undefined" || !window.customElements || window.customElements.get("quiz-player")) {
    return;
  }

  var BLANK = /_{3,}/;
  var ARTICLE = /^(?:the|a|an)\s+/;
  var EDGE_PUNCT = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
  var NON_ALNUM = /[^\p{L}\p{N}]+/gu;
  var NUMBER = /^[-\u2212]?(?:\d{1,3}(?:[,\u00a0\u202f ]\d{3})+|\d+)(?:\.\d+)?$/;
  var NUMBER_IN_TEXT = /[-\u2212]?\d[\d,\u00a0\u202f]*(?:\.\d+)?/g;
  var SCALE = /\s+(thousand|million|billion|trillion)$/;
  var SCALES = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
  var instances = 0;

  // ---------------------------------------------------------------- answers

  /** Case-, space- and edge-punctuation-insensitive form without a leading article. */
  function fold(s) {
    var t = String(s).normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
    t = t.replace(EDGE_PUNCT, "");
    return t.replace(ARTICLE, "").trim();
  }

  /** fold() with all punctuation and spaces removed: "U.S." = "US", "Diaz-Canel" = "Diaz Canel". */
  function squash(s) {
    return fold(s).replace(NON_ALNUM, "");
  }

  /** The number a typed answer denotes ("3500", "3,500", "3 500", "650 million"), or null. */
  function typedNumber(s) {
    var t = String(s).normalize("NFKC").toLowerCase().trim().replace(EDGE_PUNCT, function (m) {
      return m.charAt(0) === "-" || m.charAt(0) === "\u2212" ? m : "";
    });
    var scale = 1;
    var m = SCALE.exec(t);
    if (m) {
      scale = SCALES[m[1]];
      t = t.slice(0, m.index);
    }
    if (!NUMBER.test(t)) return null;
    var n = Number(t.replace(/[,\u00a0\u202f ]/g, "").replace("\u2212", "-")) * scale;
    return isFinite(n) ? n : null;
  }

  /** The numeric value of an answer: answer.value, or the only number in a how-many answer. */
  function answerNumber(q) {
    var v = q.answer.value;
    if (typeof v === "number" && isFinite(v)) return v;
    if (q.kind !== "how_many") return null;
    var found = String(q.answer.text).match(NUMBER_IN_TEXT);
    if (!found || found.length !== 1) return null;
    var n = Number(found[0].replace(/[,\u00a0\u202f]/g, "").replace("\u2212", "-"));
    return isFinite(n) ? n : null;
  }

  /** true / false for a typed answer; null when nothing was typed. */
  function checkTyped(q, typed) {
    if (!fold(typed) && typedNumber(typed) === null) return null;
    var forms = [q.answer.text].concat(Array.isArray(q.answer.accepted) ? q.answer.accepted : []);
    var f = fold(typed);
    var s = squash(typed);
    for (var i = 0; i < forms.length; i++) {
      if (f && f === fold(forms[i])) return true;
      if (s && s === squash(forms[i])) return true;
    }
    var want = answerNumber(q);
    var got = typedNumber(typed);
    return want !== null && got !== null && Math.abs(want - got) <= 1e-9 * Math.max(1, Math.abs(want));
  }

  // -------------------------------------------------------------------- DOM

  /** Make an element; `text` becomes a text node, never markup. */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === "text") node.textContent = String(v);
        else if (k === "className") node.className = v;
        else node.setAttribute(k, v === true ? "" : String(v));
      });
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  /** Code-point aware slicing of a source text. */
  function codePoints(text) {
    return Array.from(String(text));
  }

  // ----------------------------------------------------------------- player

  class QuizPlayer extends HTMLElement {
    constructor() {
      super();
      this._quiz = null;
      this._uid = "qp" + ++instances;
      this._started = false;
      this._sources = {};
    }

    connectedCallback() {
      if (this._started) return;
      this._started = true;
      var self = this;
      if (document.readyState === "loading" && !this.getAttribute("src")) {
        // The inline data child may not be parsed yet.
        document.addEventListener("DOMContentLoaded", function () { self._load(); }, { once: true });
      } else {
        this._load();
      }
    }

    /** The quiz object being played. Setting it (re)starts the player. */
    get quiz() {
      return this._quiz;
    }

    set quiz(value) {
      this._started = true;
      this._begin(value);
    }

    _load() {
      var self = this;
      if (this._quiz) return;
      var src = this.getAttribute("src");
      if (src) {
        this._status("Loading the quiz\u2026");
        fetch(new URL(src, document.baseURI).href, { credentials: "same-origin" })
          .then(function (r) {
            if (!r.ok) throw new Error("HTTP " + r.status + " for " + src);
            return r.json();
          })
          .then(function (data) { self._begin(data); })
          .catch(function (e) { self._fail(e); });
        return;
      }
      var script = this.querySelector('script[type="application/json"]');
      if (!script) {
        this._fail(new Error('give a src="quiz.json" attribute or a child script element of type "application/json"'));
        return;
      }
      try {
        this._begin(JSON.parse(script.textContent));
      } catch (e) {
        this._fail(e);
      }
    }

    _root() {
      if (!this._ui || this._ui.parentNode !== this) {
        this._ui = el("div", { className: "qp", lang: this.getAttribute("lang") || null });
        this.appendChild(this._ui);
      }
      return this._ui;
    }

    _status(message) {
      this._root().replaceChildren(el("p", { className: "qp-loading", text: message }));
    }

    _fail(error) {
      this._root().replaceChildren(
        el("p", { className: "qp-error", role: "alert", text: "Could not load the quiz: " + (error && error.message ? error.message : error) })
      );
    }

    _begin(data) {
      if (!data || typeof data !== "object" || !Array.isArray(data.questions)) {
        this._fail(new Error("this is not a quizgen quiz (no questions list)"));
        return;
      }
      this._quiz = data;
      this._sources = {};
      var self = this;
      (Array.isArray(data.sources) ? data.sources : []).forEach(function (s) {
        if (s && typeof s.id === "string") self._sources[s.id] = s;
      });
      this._index = 0;
      this._correct = 0;
      this._answered = 0;
      this._build();
      this._show(false);
    }

    _build() {
      var level = Math.min(6, Math.max(1, parseInt(this.getAttribute("heading-level") || "2", 10) || 2));
      var root = this._root();
      this._title = el("h" + level, { className: "qp-title", text: this._quiz.title || "Quiz" });
      this._counter = el("span", { className: "qp-counter" });
      this._score = el("span", { className: "qp-score" });
      this._stage = el("div", { className: "qp-stage" });
      this._live = el("div", { className: "qp-feedback", role: "status", "aria-live": "polite", "aria-atomic": "false" });
      this._nav = el("div", { className: "qp-nav" });
      root.replaceChildren(
        el("header", { className: "qp-head" }, [this._title, el("p", { className: "qp-progress" }, [this._counter, this._score])]),
        this._stage,
        this._live,
        this._nav
      );
    }

    _updateProgress() {
      var n = this._quiz.questions.length;
      this._counter.textContent = n ? "Question " + Math.min(this._index + 1, n) + " of " + n : "No questions";
      this._score.textContent = "Score: " + this._correct + " of " + this._answered + " correct";
    }

    /** Render the current question; `focus` moves keyboard focus into it. */
    _show(focus) {
      var questions = this._quiz.questions;
      this._live.replaceChildren();
      this._nav.replaceChildren();
      this._updateProgress();
      if (!questions.length) {
        this._stage.replaceChildren(el("p", { className: "qp-empty", text: "This quiz has no questions." }));
        return;
      }
      if (this._index >= questions.length) {
        this._results();
        return;
      }
      var q = questions[this._index];
      var id = this._uid + "-q" + this._index;
      var form = el("form", { className: "qp-card qp-" + q.format, novalidate: true, "data-format": q.format });
      var fieldset = el("fieldset");
      var legend = el("legend", { className: "qp-prompt", id: id + "-prompt" });
      var blank = null;
      if (q.format === "cloze" && BLANK.test(q.prompt)) {
        var m = BLANK.exec(q.prompt);
        blank = el("span", { className: "qp-blank" }, [
          el("span", { "aria-hidden": "true", text: m[0] }),
          el("span", { className: "qp-sr", text: "(blank)" })
        ]);
        legend.append(q.prompt.slice(0, m.index), blank, q.prompt.slice(m.index + m[0].length));
      } else {
        legend.textContent = q.prompt;
      }
      fieldset.appendChild(legend);

      var controls = {};
      if (q.format === "multiple_choice" && Array.isArray(q.choices)) {
        var list = el("div", { className: "qp-choices" });
        q.choices.forEach(function (c, i) {
          var cid = id + "-c" + i;
          var input = el("input", { type: "radio", name: id, id: cid, value: String(i), className: "qp-radio" });
          var mark = el("span", { className: "qp-choice-note" });
          list.appendChild(el("label", { className: "qp-choice", for: cid }, [input, el("span", { className: "qp-choice-text", text: c.text }), mark]));
        });
        fieldset.appendChild(list);
        controls.radios = Array.prototype.slice.call(list.querySelectorAll("input"));
      } else {
        var inputId = id + "-answer";
        var input = el("input", {
          type: "text", id: inputId, className: "qp-input", autocomplete: "off", autocapitalize: "off",
          spellcheck: "false", enterkeyhint: "done"
        });
        var labelText = q.format === "cloze" ? "The missing words" : "Your answer";
        fieldset.appendChild(el("div", { className: "qp-field" }, [el("label", { for: inputId, className: "qp-label", text: labelText }), input]));
        controls.input = input;
      }

      var check = el("button", { type: "submit", className: "qp-button qp-primary", text: "Check answer" });
      var actions = el("div", { className: "qp-actions" }, [check]);
      var reveal = null;
      if (q.format === "cloze") {
        reveal = el("button", { type: "button", className: "qp-button qp-secondary", text: "Reveal answer" });
        actions.appendChild(reveal);
      }
      var hint = el("p", { className: "qp-hint", id: id + "-hint" });
      form.append(fieldset, actions, hint);

      var self = this;
      form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        self._answer(q, controls, { form: form, blank: blank, check: check, reveal: reveal, hint: hint }, false);
      });
      if (reveal) {
        reveal.addEventListener("click", function () {
          self._answer(q, controls, { form: form, blank: blank, check: check, reveal: reveal, hint: hint }, true);
        });
      }
      if (controls.radios) {
        // Enter on a choice checks the answer, as in a text field.
        controls.radios.forEach(function (r) {
          r.addEventListener("keydown", function (ev) {
            if (ev.key === "Enter") {
              ev.preventDefault();
              form.requestSubmit ? form.requestSubmit(check) : check.click();
            }
          });
        });
      }
      this._stage.replaceChildren(form);
      if (focus) {
        (controls.input || controls.radios[0]).focus();
      }
    }

    _answer(q, controls, ui, revealed) {
      if (ui.form.getAttribute("data-done")) return;
      var verdict;
      var given = null;
      if (revealed) {
        verdict = false;
      } else if (controls.radios) {
        var picked = controls.radios.filter(function (r) { return r.checked; })[0];
        if (!picked) {
          ui.hint.textContent = "Choose one of the answers first.";
          controls.radios[0].focus();
          return;
        }
        var choice = q.choices[Number(picked.value)];
        given = choice.text;
        verdict = !!choice.correct;
      } else {
        given = controls.input.value;
        verdict = checkTyped(q, given);
        if (verdict === null) {
          ui.hint.textContent = q.format === "cloze" ? "Type the missing words, or choose Reveal answer." : "Type an answer first.";
          controls.input.focus();
          return;
        }
      }
      ui.hint.textContent = "";
      ui.form.setAttribute("data-done", "true");
      ui.form.classList.add(verdict ? "qp-is-right" : "qp-is-wrong");
      this._answered += 1;
      if (verdict) this._correct += 1;

      // Lock the question and mark the choices in words, not colour alone.
      ui.check.disabled = true;
      if (ui.reveal) ui.reveal.disabled = true;
      ui.check.parentNode.hidden = true;
      if (controls.input) controls.input.readOnly = true;
      if (controls.radios) {
        controls.radios.forEach(function (r) {
          var c = q.choices[Number(r.value)];
          var label = r.parentNode;
          var note = label.querySelector(".qp-choice-note");
          if (c.correct) {
            label.classList.add("qp-choice-right");
            note.textContent = r.checked ? "Your answer: correct" : "Correct answer";
          } else if (r.checked) {
            label.classList.add("qp-choice-wrong");
            note.textContent = "Your answer: wrong";
          }
          r.disabled = true;
        });
      }
      if (ui.blank) {
        ui.blank.replaceChildren(el("mark", { className: "qp-filled", text: q.answer.text }));
      }

      this._updateProgress();
      this._feedback(q, verdict, revealed, given);

      var last = this._index + 1 >= this._quiz.questions.length;
      var next = el("button", { type: "button", className: "qp-button qp-primary qp-next", text: last ? "See your score" : "Next question" });
      var self = this;
      next.addEventListener("click", function () {
        self._index += 1;
        self._show(true);
      });
      this._nav.replaceChildren(next);
      next.focus();
    }

    _feedback(q, verdict, revealed, given) {
      var verdictText;
      if (revealed) {
        verdictText = "Revealed. The answer is \u201c" + q.answer.text + "\u201d. This one does not count as correct.";
      } else if (verdict) {
        verdictText = "Correct! The answer is \u201c" + q.answer.text + "\u201d.";
      } else {
        verdictText = "Not quite. You answered \u201c" + given + "\u201d; the answer is \u201c" + q.answer.text + "\u201d.";
      }
      var icon = el("span", { className: "qp-icon", "aria-hidden": "true", text: verdict ? "\u2713" : "\u2717" });
      var parts = [el("p", { className: "qp-verdict " + (verdict ? "qp-right" : "qp-wrong") }, [icon, el("span", { className: "qp-verdict-text", text: verdictText })])];
      var evidence = this._evidence(q);
      if (evidence) parts.push(evidence);
      this._live.replaceChildren.apply(this._live, parts);
    }

    /** The evidence sentence with the answer in <mark>, and the source title (with the page or heading). */
    _evidence(q) {
      var src = this._sources[q.answer.source_id];
      if (!src || typeof src.text !== "string") return null;
      if (!src._cp) {
        Object.defineProperty(src, "_cp", { value: codePoints(src.text), enumerable: false });
      }
      var cp = src._cp;
      var a = q.answer;
      var ev = q.evidence || { start: a.start, end: a.end };
      var where = this._where(src, a.start);
      var quote = el("blockquote", { className: "qp-evidence-text" });
      var ok = 0 <= ev.start && ev.start <= a.start && a.start < a.end && a.end <= ev.end && ev.end <= cp.length;
      if (ok) {
        quote.append(
          cp.slice(ev.start, a.start).join(""),
          el("mark", { text: cp.slice(a.start, a.end).join("") }),
          cp.slice(a.end, ev.end).join("")
        );
      } else {
        quote.textContent = a.text;
      }
      return el("figure", { className: "qp-evidence" }, [
        el("figcaption", { className: "qp-evidence-label", text: "From the source:" }),
        quote,
        el("p", { className: "qp-source" }, [el("span", { className: "qp-source-label", text: "Source: " }), el("cite", { text: src.title || src.id })]
          .concat(where ? [el("span", { className: "qp-where", text: ", " + where })] : []))
      ]);
    }

    /** The label of the section holding offset `at` (e.g. "p. 12"), or "": sections are sorted, do not overlap. */
    _where(src, at) {
      var sections = Array.isArray(src.sections) ? src.sections : [];
      var lo = 0, hi = sections.length - 1;
      while (lo <= hi) {
        var mid = (lo + hi) >> 1, s = sections[mid];
        if (!s || typeof s.start !== "number" || typeof s.end !== "number") return "";
        if (at < s.start) hi = mid - 1;
        else if (at >= s.end) lo = mid + 1;
        else return typeof s.label === "string" ? s.label : "";
      }
      return "";
    }

    _results() {
      var n = this._quiz.questions.length;
      var heading = el("p", { className: "qp-result-title", tabindex: "-1", text: "Finished!" });
      var summary = el("p", { className: "qp-result", text: "You got " + this._correct + " of " + n + " questions right." });
      var again = el("button", { type: "button", className: "qp-button qp-primary", text: "Try again" });
      var self = this;
      again.addEventListener("click", function () {
        self._index = 0;
        self._correct = 0;
        self._answered = 0;
        self._show(true);
      });
      this._counter.textContent = "Quiz complete";
      this._stage.replaceChildren(el("section", { className: "qp-card qp-results" }, [heading, summary]));
      this._live.replaceChildren(el("p", { className: "qp-sr", text: "Finished. You got " + this._correct + " of " + n + " questions right." }));
      this._nav.replaceChildren(again);
      heading.focus();
    }
  }

  QuizPlayer.checkTyped = checkTyped;
  QuizPlayer.fold = fold;
  window.customElements.define("quiz-player", QuizPlayer);
})();
