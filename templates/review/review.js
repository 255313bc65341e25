/*
 * quizgen teacher review page (built by `quizgen review QUIZ.json -o review.html`).
 *
 * Shows every source text with each quizzed answer span highlighted and linked
 * to its questions (and back), and every question as a student sees it. The
 * teacher keeps or rejects questions, edits prompts, replaces distractors and
 * writes notes; "Save decisions" downloads decisions.json (schema 1.0).
 *
 * Safety: every piece of quiz text is inserted as a DOM text node or a form
 * control's value; no HTML string is ever parsed. The page has a strict
 * Content-Security-Policy with Trusted Types on top.
 *
 * Offsets in the quiz are Unicode code points, so source texts are sliced as
 * arrays of code points, never UTF-16 units.
 */
(function () {
  "use strict";

  var BLANK = "_____";
  var REASONS = [
    ["wrong", "Wrong"],
    ["unclear", "Unclear"],
    ["trivial", "Trivial"],
    ["more_than_one_answer", "More than one answer"],
    ["other", "Other"]
  ];
  var FORMATS = { short_answer: "short answer", multiple_choice: "multiple choice", cloze: "cloze" };
  var BANDS = [
    ["low", "low (below 0.4)", 0, 0.4],
    ["medium", "medium (0.4 to 0.7)", 0.4, 0.7],
    ["high", "high (0.7 and above)", 0.7, 1.0001]
  ];
  var EDGE_PUNCT = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

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
        else if (k === "value") node.value = String(v);
        else node.setAttribute(k, v === true ? "" : String(v));
      });
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function fold(s) {
    return String(s).normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim().replace(EDGE_PUNCT, "");
  }

  function countBlanks(s) {
    return String(s).split(BLANK).length - 1;
  }

  function fmtScore(x) {
    return typeof x === "number" ? x.toFixed(2) : "?";
  }

  // ------------------------------------------------------------------ state

  var quiz = JSON.parse(document.getElementById("rv-data").textContent);
  var questions = Array.isArray(quiz.questions) ? quiz.questions : [];
  var sources = {};
  (Array.isArray(quiz.sources) ? quiz.sources : []).forEach(function (s) {
    if (s && typeof s.id === "string") {
      sources[s.id] = s;
      Object.defineProperty(s, "_cp", { value: Array.from(String(s.text || "")), enumerable: false });
    }
  });
  /** Per question (same order): decision, prompt edit, distractor edits, reason, note. */
  var state = questions.map(function () {
    return { decision: null, prompt: null, choices: null, reason: null, note: null };
  });
  var cards = [];
  var current = -1;

  function distractors(q) {
    return Array.isArray(q.choices) ? q.choices.filter(function (c) { return !c.correct; }).map(function (c) { return c.text; }) : [];
  }

  function sectionLabel(src, at) {
    var sections = Array.isArray(src.sections) ? src.sections : [];
    for (var i = 0; i < sections.length; i++) {
      var s = sections[i];
      if (s && at >= s.start && at < s.end) return typeof s.label === "string" ? s.label : "";
    }
    return "";
  }

  function place(q) {
    var src = sources[q.answer.source_id];
    if (!src) return q.answer.source_id;
    var label = sectionLabel(src, q.answer.start);
    return (src.title || src.id) + (label ? ", " + label : "");
  }

  /** Problems with an edit, in words: the page warns, it does not block. */
  function warnings(q, st) {
    var out = [];
    var answer = fold(q.answer.text);
    if (st.prompt !== null) {
      if (!st.prompt.trim()) out.push("The edited prompt is empty.");
      else if (answer && fold(st.prompt).indexOf(answer) !== -1) out.push("The edited prompt contains the answer \u201c" + q.answer.text + "\u201d.");
      if (q.format === "cloze" && countBlanks(st.prompt) !== 1) out.push("A cloze prompt must keep exactly one blank " + BLANK + " (it has " + countBlanks(st.prompt) + ").");
    }
    if (st.choices !== null) {
      var seen = {};
      st.choices.forEach(function (c, i) {
        var f = fold(c);
        if (!f) out.push("Distractor " + (i + 1) + " is empty.");
        else if (answer && (f === answer || f.indexOf(answer) !== -1)) out.push("Distractor " + (i + 1) + " \u201c" + c + "\u201d is or contains the answer.");
        else if (seen[f]) out.push("Distractor " + (i + 1) + " \u201c" + c + "\u201d is given twice.");
        seen[f] = true;
      });
    }
    return out;
  }

  // ----------------------------------------------------------------- sources

  /** The source text cut at every answer, evidence and section boundary; answers become links to their questions. */
  function renderSource(src, si) {
    var cp = src._cp;
    var n = cp.length;
    var answers = [];
    var evidence = [];
    questions.forEach(function (q, i) {
      if (q.answer.source_id !== src.id) return;
      var a = q.answer;
      if (0 <= a.start && a.start < a.end && a.end <= n) answers.push({ start: a.start, end: a.end, q: i });
      var ev = q.evidence;
      if (ev && 0 <= ev.start && ev.start < ev.end && ev.end <= n) evidence.push({ start: ev.start, end: ev.end });
    });
    var sections = (Array.isArray(src.sections) ? src.sections : []).filter(function (s) {
      return s && 0 <= s.start && s.start <= n && typeof s.label === "string" && s.label;
    });
    var cuts = { 0: true };
    cuts[n] = true;
    answers.concat(evidence, sections).forEach(function (r) { cuts[r.start] = true; cuts[Math.min(r.end, n)] = true; });
    var points = Object.keys(cuts).map(Number).sort(function (x, y) { return x - y; });
    var body = el("div", { className: "rv-text", id: "rv-src-" + si });
    var sectionAt = {};
    sections.forEach(function (s) { if (!(s.start in sectionAt)) sectionAt[s.start] = s.label; });
    for (var p = 0; p + 1 < points.length; p++) {
      var start = points[p], end = points[p + 1];
      if (start in sectionAt) body.appendChild(el("span", { className: "rv-section-label", text: sectionAt[start] }));
      var chunk = cp.slice(start, end).join("");
      var here = answers.filter(function (r) { return r.start <= start && end <= r.end; }).map(function (r) { return r.q; });
      var quizzed = evidence.some(function (r) { return r.start <= start && end <= r.end; });
      if (here.length) {
        here.sort(function (x, y) { return x - y; });
        var label = "Answer of question" + (here.length > 1 ? "s " : " ") + here.map(function (i) { return i + 1; }).join(", ");
        var link = el("a", { className: "rv-answer", href: "#rv-q-" + here[0], "data-questions": here.join(" "), title: label },
          [el("span", { className: "rv-sr", text: "[" }), chunk, el("span", { className: "rv-sr", text: "] (" + label + ")" })]);
        link.addEventListener("click", onAnswerClick);
        here.forEach(function (i) {
          if (!cards[i].spans) cards[i].spans = [];
          cards[i].spans.push(link);
        });
        body.appendChild(link);
      } else {
        body.appendChild(el("span", { className: quizzed ? "rv-quizzed" : "rv-plain", text: chunk }));
      }
    }
    var node = el("section", { className: "rv-source", "aria-labelledby": "rv-src-title-" + si, "data-source": src.id }, [
      el("h3", { className: "rv-source-title", id: "rv-src-title-" + si, text: src.title || src.id }),
      el("p", { className: "rv-source-meta", text: "id " + src.id + " \u00b7 " + answers.length + " answer spans" }),
      body
    ]);
    sourceNodes.push(node);
    return node;
  }

  function onAnswerClick(ev) {
    ev.preventDefault();
    var ids = this.getAttribute("data-questions").split(" ").map(Number);
    // Several questions on one span: each click goes to the next one.
    var next = ids[0];
    var at = ids.indexOf(current);
    if (at !== -1) next = ids[(at + 1) % ids.length];
    if (cards[next].root.hidden) resetFilters();
    select(next, true);
  }

  // --------------------------------------------------------------- questions

  function promptNode(q, text) {
    var node = el("p", { className: "rv-prompt" });
    var at = q.format === "cloze" ? text.indexOf(BLANK) : -1;
    if (at !== -1) {
      node.append(text.slice(0, at), el("span", { className: "rv-blank" }, [
        el("span", { "aria-hidden": "true", text: BLANK }), el("span", { className: "rv-sr", text: "(blank)" })
      ]), text.slice(at + BLANK.length));
    } else {
      node.textContent = text;
    }
    return node;
  }

  /** The choices in their order, with edited distractors (`edited`, or null) in place of the originals. */
  function renderChoices(card, edited) {
    var k = 0;
    card.choiceList.replaceChildren.apply(card.choiceList, card.q.choices.map(function (c) {
      var text = c.correct ? c.text : edited ? edited[k++] : c.text;
      return el("li", { className: c.correct ? "rv-choice rv-correct" : "rv-choice" }, [
        el("span", { text: text }), c.correct ? el("span", { className: "rv-choice-note", text: " (correct)" }) : null
      ]);
    }));
  }

  function renderQuestion(q, i) {
    var st = state[i];
    var id = "rv-q-" + i;
    var card = { index: i, q: q };
    var root = el("article", { className: "rv-card", id: id, tabindex: "-1", "aria-labelledby": id + "-h", "data-id": q.id });
    card.root = root;
    var status = el("span", { className: "rv-status", text: "undecided" });
    card.status = status;
    var h = el("h3", { className: "rv-card-title", id: id + "-h" }, [
      "Question " + (i + 1) + " ", status
    ]);
    var meta = el("p", { className: "rv-meta" }, [
      el("span", { className: "rv-tag", text: q.kind }),
      el("span", { className: "rv-tag", text: FORMATS[q.format] || q.format }),
      el("span", { className: "rv-tag", text: "score " + fmtScore(q.score) }),
      el("span", { className: "rv-where", text: place(q) }),
      el("span", { className: "rv-qid", text: "id " + q.id })
    ]);
    card.prompt = el("div", { className: "rv-prompt-box" }, [promptNode(q, q.prompt)]);
    var answerLink = el("a", { className: "rv-goto", href: "#", text: "show in source" });
    answerLink.addEventListener("click", function (ev) { ev.preventDefault(); showInSource(i); });
    var answer = el("p", { className: "rv-answer-line" }, [el("strong", { text: "Answer: " }), el("span", { className: "rv-answer-text", text: q.answer.text }), " (", answerLink, ")"]);
    var parts = [h, meta, card.prompt, answer];

    if (Array.isArray(q.choices) && q.choices.length) {
      card.choiceList = el("ul", { className: "rv-choices", "aria-label": "Choices as the student sees them" });
      renderChoices(card, null);
      parts.push(card.choiceList);
    }

    // Decision buttons.
    var keep = el("button", { type: "button", className: "rv-btn rv-keep", "aria-pressed": "false", text: "Keep" });
    var reject = el("button", { type: "button", className: "rv-btn rv-reject", "aria-pressed": "false", text: "Reject" });
    var undo = el("button", { type: "button", className: "rv-btn rv-undo", text: "Undecide" });
    keep.addEventListener("click", function () { decide(i, st.decision === "keep" ? null : "keep"); });
    reject.addEventListener("click", function () { decide(i, st.decision === "reject" ? null : "reject"); });
    undo.addEventListener("click", function () { decide(i, null); });
    card.keep = keep;
    card.reject = reject;
    var reasonId = id + "-reason";
    var reason = el("select", { id: reasonId, className: "rv-reason" }, [el("option", { value: "", text: "(no reason)" })].concat(
      REASONS.map(function (r) { return el("option", { value: r[0], text: r[1] }); })));
    reason.addEventListener("change", function () {
      st.reason = reason.value || null;
      if (st.reason && st.decision !== "reject") decide(i, "reject");
      touched(i);
    });
    card.reason = reason;
    parts.push(el("div", { className: "rv-decide", role: "group", "aria-label": "Decision for question " + (i + 1) }, [
      keep, reject, undo,
      el("span", { className: "rv-reason-box" }, [el("label", { for: reasonId, className: "rv-label", text: "Reason" }), reason])
    ]));

    // Edits.
    var editId = id + "-prompt";
    var edit = el("textarea", { id: editId, className: "rv-edit", rows: String(Math.max(2, Math.min(6, Math.ceil(q.prompt.length / 60)))), value: q.prompt, spellcheck: "true" });
    edit.addEventListener("input", function () {
      st.prompt = edit.value === q.prompt ? null : edit.value;
      if (st.prompt !== null && !st.decision) decide(i, "keep");
      card.prompt.replaceChildren(promptNode(q, edit.value));
      touched(i);
    });
    card.edit = edit;
    var editBox = el("div", { className: "rv-field" }, [el("label", { for: editId, className: "rv-label", text: "Prompt" }), edit]);
    var editor = el("details", { className: "rv-editor" });
    card.editor = editor;

    var ds = distractors(q);
    var distractorBox = null;
    if (ds.length) {
      var dl = "rv-dl-" + q.kind.replace(/[^a-z_]/g, "");
      var inputs = ds.map(function (d, k) {
        var did = id + "-d" + k;
        var input = el("input", { type: "text", id: did, className: "rv-distractor", list: dl, value: d, autocomplete: "off", "data-original": d });
        input.addEventListener("input", function () {
          var now = inputs.map(function (x) { return x.value; });
          var same = now.every(function (v, j) { return v === ds[j]; });
          st.choices = same ? null : now;
          renderChoices(card, st.choices);
          if (st.choices !== null && !st.decision) decide(i, "keep");
          touched(i);
        });
        return input;
      });
      card.distractors = inputs;
      distractorBox = el("fieldset", { className: "rv-distractors" }, [el("legend", { text: "Replace a distractor (type it, or pick another " + q.kind + " answer from the text)" })].concat(
        inputs.map(function (input, k) {
          return el("div", { className: "rv-distractor-row" }, [
            el("label", { for: input.id, className: "rv-label", text: "Distractor " + (k + 1) }), input
          ]);
        })));
    }
    editor.append(el("summary", { text: ds.length ? "Edit the prompt or a distractor" : "Edit the prompt" }), editBox);
    if (distractorBox) editor.append(distractorBox);
    var noteId = id + "-note";
    var note = el("textarea", { id: noteId, className: "rv-note", rows: "1" });
    note.addEventListener("input", function () { st.note = note.value.trim() ? note.value : null; touched(i); });
    card.note = note;
    card.warn = el("div", { className: "rv-warn", role: "status", "aria-live": "polite" });
    parts.push(el("div", { className: "rv-edits" }, [
      editor, el("div", { className: "rv-field" }, [el("label", { for: noteId, className: "rv-label", text: "Note" }), note]), card.warn
    ]));

    root.append.apply(root, parts);
    root.addEventListener("focusin", function () { setCurrent(i); });
    root.addEventListener("click", function () { setCurrent(i); });
    return card;
  }

  /** One datalist per kind: the other answers of that kind in the quiz (spans of the text). */
  function datalists() {
    var byKind = {};
    questions.forEach(function (q) {
      var k = q.kind.replace(/[^a-z_]/g, "");
      (byKind[k] = byKind[k] || {})[q.answer.text] = true;
    });
    return Object.keys(byKind).sort().map(function (k) {
      return el("datalist", { id: "rv-dl-" + k }, Object.keys(byKind[k]).sort().map(function (t) { return el("option", { value: t }); }));
    });
  }

  // ----------------------------------------------------------------- actions

  function decide(i, decision) {
    state[i].decision = decision;
    touched(i);
  }

  function touched(i) {
    var st = state[i], card = cards[i];
    card.keep.setAttribute("aria-pressed", st.decision === "keep" ? "true" : "false");
    card.reject.setAttribute("aria-pressed", st.decision === "reject" ? "true" : "false");
    card.status.textContent = (st.decision === "keep" ? "kept" : st.decision === "reject" ? "rejected" : "undecided") +
      (st.prompt !== null || st.choices !== null ? ", edited" : "");
    card.root.setAttribute("data-decision", st.decision || "none");
    if (st.decision !== "reject" && card.reason.value) {
      card.reason.value = "";
      st.reason = null;
    }
    var w = warnings(card.q, st);
    card.warn.replaceChildren.apply(card.warn, w.map(function (t) { return el("p", { text: "Warning: " + t }); }));
    (card.spans || []).forEach(function (s) { updateSpan(s); });
    updateCounts();
  }

  function updateSpan(span) {
    var ids = span.getAttribute("data-questions").split(" ").map(Number);
    var ds = ids.map(function (i) { return state[i].decision; });
    span.setAttribute("data-decision", ds.every(function (d) { return d === "reject"; }) ? "reject"
      : ds.some(function (d) { return d === "keep"; }) ? "keep" : "none");
  }

  function setCurrent(i) {
    if (current === i) return;
    if (current >= 0) {
      cards[current].root.classList.remove("rv-current");
      (cards[current].spans || []).forEach(function (s) { s.classList.remove("rv-current-span"); });
    }
    current = i;
    cards[i].root.classList.add("rv-current");
    (cards[i].spans || []).forEach(function (s) { s.classList.add("rv-current-span"); });
  }

  function select(i, focus) {
    setCurrent(i);
    if (focus) {
      cards[i].root.focus({ preventScroll: true });
      cards[i].root.scrollIntoView({ block: "nearest" });
    }
    var span = (cards[i].spans || [])[0];
    if (span) revealInPanel(span);
  }

  /** Scroll the sources column (when it scrolls on its own, beside the questions) so that `node` is in view. */
  function revealInPanel(node, at) {
    if (!srcPanel || srcPanel.scrollHeight <= srcPanel.clientHeight + 1 || getComputedStyle(srcPanel).overflowY !== "auto") return;
    var box = srcPanel.getBoundingClientRect(), r = node.getBoundingClientRect();
    if (at !== undefined || r.top < box.top + 8 || r.bottom > box.bottom - 8) {
      srcPanel.scrollTop += r.top - box.top - box.height * (at === undefined ? 1 / 3 : at);
    }
  }

  function showInSource(i) {
    setCurrent(i);
    var span = (cards[i].spans || [])[0];
    if (span) {
      span.scrollIntoView({ block: "center" });
      span.focus();
    }
  }

  function visible() {
    return cards.filter(function (c) { return !c.root.hidden; }).map(function (c) { return c.index; });
  }

  function move(step) {
    var vis = visible();
    if (!vis.length) return;
    var at = vis.indexOf(current);
    var next = at === -1 ? (step > 0 ? vis[0] : vis[vis.length - 1]) : vis[Math.max(0, Math.min(vis.length - 1, at + step))];
    select(next, true);
  }

  // ----------------------------------------------------------------- filters

  var filters = {};

  function band(score) {
    for (var b = 0; b < BANDS.length; b++) if (score >= BANDS[b][2] && score < BANDS[b][3]) return BANDS[b][0];
    return "";
  }

  function applyFilters() {
    var f = {
      source: filters.source.value, kind: filters.kind.value, format: filters.format.value, band: filters.band.value, decided: filters.decided.value
    };
    cards.forEach(function (c) {
      var q = c.q, d = state[c.index].decision;
      var show = (!f.source || q.answer.source_id === f.source) && (!f.kind || q.kind === f.kind) && (!f.format || q.format === f.format) && (!f.band || band(q.score) === f.band) &&
        (!f.decided || (f.decided === "undecided" ? !d : f.decided === "decided" ? !!d : d === f.decided));
      c.root.hidden = !show;
    });
    sourceNodes.forEach(function (node) {
      node.hidden = !!f.source && node.getAttribute("data-source") !== f.source;
    });
    updateCounts();
  }

  function showSource(id) {
    var at = (Array.isArray(quiz.sources) ? quiz.sources : []).map(function (s) { return s.id; }).indexOf(id);
    var node = at === -1 ? null : document.getElementById("rv-src-title-" + at);
    if (node) revealInPanel(node, 0);
  }

  function resetFilters() {
    Object.keys(filters).forEach(function (k) { filters[k].value = ""; });
    applyFilters();
  }

  function filterSelect(name, label, options) {
    var sel = el("select", { id: "rv-filter-" + name, className: "rv-filter" }, [el("option", { value: "", text: "all" })].concat(
      options.map(function (o) { return el("option", { value: o[0], text: o[1] }); })));
    sel.addEventListener("change", function () {
      applyFilters();
      if (name === "source" && sel.value) showSource(sel.value);
    });
    filters[name] = sel;
    return el("div", { className: "rv-filter-box" }, [el("label", { for: sel.id, text: label }), sel]);
  }

  var countsNode;
  var srcPanel = null;
  var sourceNodes = [];

  function updateCounts() {
    var kept = 0, rejected = 0;
    state.forEach(function (s) { if (s.decision === "keep") kept++; else if (s.decision === "reject") rejected++; });
    var shown = visible().length;
    countsNode.textContent = "Showing " + shown + " of " + questions.length + " questions \u00b7 " + kept + " kept \u00b7 " +
      rejected + " rejected \u00b7 " + (questions.length - kept - rejected) + " undecided";
  }

  // -------------------------------------------------------------------- save

  function decisions() {
    var out = [];
    questions.forEach(function (q, i) {
      var st = state[i];
      if (!st.decision) return;
      var src = sources[q.answer.source_id];
      out.push({
        id: q.id,
        decision: st.decision,
        prompt: st.decision === "keep" ? st.prompt : null,
        choices: st.decision === "keep" && st.choices ? st.choices.slice() : null,
        reason: st.decision === "reject" ? st.reason : null,
        note: st.note,
        source_id: q.answer.source_id || null,
        source_sha256: src && typeof src.sha256 === "string" ? src.sha256 : null
      });
    });
    return { schema_version: "1.0", quiz_title: String(quiz.title || ""), decisions: out };
  }

  var saveStatus;

  function save() {
    var data = decisions();
    var blob = new Blob([JSON.stringify(data, null, 2) + "\n"], { type: "application/json" });
    var url = URL.createObjectURL(blob);
    var a = el("a", { href: url, download: "decisions.json", hidden: true });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    var undecided = questions.length - data.decisions.length;
    var warned = state.filter(function (s, i) { return s.decision && warnings(questions[i], s).length; }).length;
    var lostNotes = state.filter(function (s) { return !s.decision && s.note; }).length;
    saveStatus.textContent = "Saved decisions.json: " + data.decisions.length + " decisions" +
      (undecided ? ", " + undecided + " questions undecided (not saved)" : "") +
      (warned ? ", " + warned + " with warnings" : "") +
      (lostNotes ? "; " + lostNotes + (lostNotes > 1 ? " notes on undecided questions were" : " note on an undecided question was") + " not saved" : "") + ".";
  }

  // ---------------------------------------------------------------- keyboard

  var SHORTCUTS = [
    ["j", "next question"], ["k", "previous question"], ["a", "keep"], ["r", "reject"], ["u", "undecide"],
    ["e", "edit the prompt"], ["d", "edit the first distractor"], ["n", "write a note"], ["g", "show the answer in the source"],
    ["s", "save decisions"], ["Esc", "leave a field (back to the question)"]
  ];

  function onKey(ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var t = ev.target;
    var typing = t && (t.tagName === "TEXTAREA" || t.tagName === "SELECT" || (t.tagName === "INPUT"));
    if (typing) {
      if (ev.key === "Escape" && current >= 0) {
        ev.preventDefault();
        cards[current].root.focus();
      }
      return;
    }
    var k = ev.key;
    if (k === "j") move(1);
    else if (k === "k") move(-1);
    else if (k === "s") save();
    else if ("aruendg".indexOf(k) !== -1 && k.length === 1) {
      if (current < 0 || cards[current].root.hidden) move(1);
      if (current < 0) return;
      var c = cards[current];
      if (k === "a") decide(current, "keep");
      else if (k === "r") decide(current, "reject");
      else if (k === "u") decide(current, null);
      else if (k === "e") { c.editor.open = true; c.edit.focus(); }
      else if (k === "n") c.note.focus();
      else if (k === "d") { if (!c.distractors) return; c.editor.open = true; c.distractors[0].focus(); }
      else if (k === "g") showInSource(current);
    } else return;
    ev.preventDefault();
  }

  // ------------------------------------------------------------------- build

  function build() {
    var app = document.getElementById("rv-app");
    var kinds = {}, formats = {};
    questions.forEach(function (q) { kinds[q.kind] = true; formats[q.format] = true; });
    countsNode = el("p", { className: "rv-counts", role: "status", "aria-live": "polite" });
    saveStatus = el("p", { className: "rv-save-status", role: "status", "aria-live": "polite" });
    var saveBtn = el("button", { type: "button", className: "rv-btn rv-save", text: "Save decisions" });
    saveBtn.addEventListener("click", save);
    var help = el("details", { className: "rv-help" }, [
      el("summary", { text: "Keyboard shortcuts" }),
      el("dl", { className: "rv-keys" }, SHORTCUTS.reduce(function (acc, s) {
        return acc.concat([el("dt", {}, [el("kbd", { text: s[0] })]), el("dd", { text: s[1] })]);
      }, []))
    ]);
    var header = el("header", { className: "rv-head" }, [
      el("h1", { className: "rv-title", text: "Review: " + (quiz.title || "Quiz") }),
      el("p", { className: "rv-intro", text: "Keep or reject each question, fix prompts and distractors, then save your decisions and regenerate with quizgen generate \u2026 --decisions decisions.json." }),
      el("div", { className: "rv-toolbar" }, [
        filterSelect("source", "Source", (Array.isArray(quiz.sources) ? quiz.sources : []).map(function (src) { return [src.id, src.title || src.id]; })),
        filterSelect("kind", "Kind", Object.keys(kinds).sort().map(function (k) { return [k, k]; })),
        filterSelect("format", "Format", Object.keys(formats).sort().map(function (f) { return [f, FORMATS[f] || f]; })),
        filterSelect("band", "Score", BANDS.map(function (b) { return [b[0], b[1]]; })),
        filterSelect("decided", "Decision", [["undecided", "undecided"], ["decided", "decided"], ["keep", "kept"], ["reject", "rejected"]]),
        saveBtn
      ]),
      countsNode, saveStatus, help
    ]);
    var qList = el("section", { className: "rv-questions", "aria-labelledby": "rv-questions-h" }, [el("h2", { id: "rv-questions-h", text: "Questions" })]);
    questions.forEach(function (q, i) {
      var card = renderQuestion(q, i);
      cards.push(card);
    });
    var srcList = srcPanel = el("section", { className: "rv-sources", "aria-labelledby": "rv-sources-h" }, [
      el("h2", { id: "rv-sources-h", text: "Sources" }),
      el("p", { className: "rv-legend" }, [
        el("a", { className: "rv-answer rv-legend-sample", href: "#rv-sources-h", tabindex: "-1", "aria-hidden": "true", text: "answer" }),
        " a quizzed answer (select it to go to its question); ",
        el("span", { className: "rv-quizzed", text: "underlined" }), " a sentence with a question; plain text has no question."
      ])
    ]);
    (Array.isArray(quiz.sources) ? quiz.sources : []).forEach(function (s, si) { srcList.appendChild(renderSource(s, si)); });
    cards.forEach(function (c) { qList.appendChild(c.root); });
    if (!questions.length) qList.appendChild(el("p", { text: "This quiz has no questions." }));
    app.replaceChildren(header, el("main", { className: "rv-main" }, [qList, srcList]), el("div", {}, datalists()));
    cards.forEach(function (c) { c.root.setAttribute("data-decision", "none"); (c.spans || []).forEach(updateSpan); });
    updateCounts();
    document.addEventListener("keydown", onKey);
  }

  build();
  window.quizgenReview = { decisions: decisions, save: save };
})();
