// Package decision loads, validates and analyses the decision tree of a
// runorrest guide: the file content/tree.yaml.
//
// This comment is the specification of that file. Someone who reads only
// `go doc ./decision` can write a tree.
//
// # A first example
//
//	# yaml-language-server: $schema=../decision/tree.schema.json
//	title: Run or rest?
//	start: soreness
//	verdicts:
//	  run:
//	    label: Run easy
//	    tone: go
//	  rest:
//	    label: Rest
//	    tone: stop
//	questions:
//	  soreness:
//	    text: How sore are your legs?
//	    help: Think of *1* as barely there and *10* as the worst you know.
//	    scale:
//	      min: 1
//	      max: 10
//	      low: barely there
//	      high: the worst you can imagine
//	    options:
//	      - label: Mild
//	        values: 1-2
//	        next: easy-run
//	        why: Mild soreness usually eases once you get moving.
//	      - label: Painful
//	        values: 3-10
//	        next: rest-day
//	outcomes:
//	  easy-run:
//	    title: Go for an easy run
//	    verdict: run
//	    page: outcomes/easy-run.md
//	  rest-day:
//	    title: Take a rest day
//	    verdict: rest
//	    page: outcomes/rest-day.md
//	scenarios:
//	  - name: mild soreness
//	    answers:
//	      soreness: 2
//	    expect: easy-run
//
// # The file
//
// The tree is one YAML document (no second document after ---) in UTF-8,
// indented with spaces (never tabs), with no control characters, at most
// [DefaultMaxBytes] long (the caller may set another limit; a larger file is
// refused before it is parsed). Anchors, aliases, tags and merge keys are
// not allowed: write every value out. A key may appear only once in a
// mapping. Text values may use any YAML string style; block scalars
// (`|` and `>`) suit longer Markdown.
//
// The top level holds these keys, all required but shared:
//
//   - title: the guide's title, shown on every page. It needs words: at
//     least one letter or digit (of any script), since it also names the
//     app on a phone's home screen and the guide's offline copy.
//   - start: the id of the first question.
//   - verdicts: a mapping from verdict id to verdict (see Verdicts).
//   - shared (optional): a mapping from id to a question written once and
//     asked by several steps (see Shared questions).
//   - questions: a mapping from question id to question (see Questions): the
//     steps of the walk, each with a page of its own.
//   - outcomes: a mapping from outcome id to outcome (see Outcomes).
//   - scenarios: a list of scenarios (see Scenarios); may be empty ([]).
//   - rules (optional): the guide's promises, proved on every path (see
//     Safety rules).
//
// and these, optional (see Reading level and Reviews):
//
//   - reading-age: the reading target, a whole number from 7 to 21
//     (default 11).
//   - reviewed: the day the questions were last reviewed, YYYY-MM-DD.
//   - reviewer: who reviewed them. reviewed and reviewer go together.
//   - review-interval: the time between two reviews of the tree and of every
//     page, "N months" or "N years", at most 5 years (default 12 months).
//
// and these, optional (see Languages):
//
//   - lang: the language of the tree's words, a lower-case BCP 47 tag
//     (default en).
//   - lang-name: the language's own name, for the language switch (default
//     English for en, else the tag).
//
// # Ids
//
// Verdict, question and outcome ids are slugs: lower-case letters and
// digits in words joined by single hyphens (^[a-z0-9]+(-[a-z0-9]+)*$),
// at most 64 characters. Question and outcome ids share one namespace,
// because each becomes the name of a page (soreness.html): no question may
// have the id of an outcome. The ids of the site's own pages are reserved:
// index (the home page), about (the about page), map (the map of the guide)
// and 404 (the not-found page).
// Shared questions have no page, but scenarios name them like questions, so
// a shared question's id is neither a question's nor an outcome's. An
// option's id is a slug too, unique within its question.
//
// # Verdicts
//
// The small set of answers the guide gives. Each verdict has:
//
//   - label (required): the words shown on an outcome's banner, e.g. "Run easy".
//   - tone (optional): go, careful, caution or stop; sets the banner's
//     colour (the label is always shown too): go for a run, careful for a
//     try that is ready to stop (such as a test run), caution for another
//     way to train, stop for rest. Default: caution.
//
// There must be at least one verdict, and every verdict must be used by at
// least one outcome.
//
// # Questions
//
// A question has:
//
//   - text (required): the question, one short sentence.
//   - help (optional): Markdown shown under the question.
//   - options (required): the answers, a list of at least two and at most
//     [MaxOptions]. Each option has
//     id (optional): the answer's stable id, unique within the question, by
//     which scenarios name it (an option without an id is named by its
//     label); label (required): the answer's words, unique within the
//     question; next (required): the id of the question or outcome it leads
//     to; why (optional): one line saying what this answer means for the
//     advice, shown under "why this advice" on the outcome.
//   - scale (optional): makes the question a numeric scale, answered with a
//     whole number. It has min and max (required whole numbers, min < max, at
//     most 100 values) and low and high (optional words for the two ends).
//     Every option of a scale question has values: a number (3) or a range
//     (4-10, smaller number first) within the scale, and every value of the
//     scale is covered by exactly one option. Options of other questions have
//     no values.
//
// Two options may lead to the same node, and different questions may share a
// subtree: the tree is a directed acyclic graph. Two options of one question
// that lead to the same node are allowed but warned about: that question
// cannot change the outcome from there.
//
// # Shared questions
//
// A question asked on several branches, whose answers lead to different
// places on each, is written once under shared and asked by steps. A
// shared question has text, help, scale and options as a question has,
// but its options have no next, and each has an id (required):
//
//	shared:
//	  where:
//	    text: Where do you feel it?
//	    options:
//	      - id: both-legs
//	        label: All over, on both legs
//	      - id: one-spot
//	        label: In one spot or on one side
//	        why: Soreness in one spot can be an injury starting.
//
// A step is a question under questions that asks a shared question instead
// of having words of its own. It has:
//
//   - ask (required): the id of the shared question.
//   - next (required): a mapping from each answer's id to the id of the
//     question or outcome it leads to, one line for every answer, no more.
//   - why (optional): a mapping from answer id to a why for this step,
//     replacing the shared answer's why here.
//
// For example:
//
//	questions:
//	  where-mild:
//	    ask: where
//	    next:
//	      both-legs: tired-mild
//	      one-spot: rest-day
//	  where-pain:
//	    ask: where
//	    next:
//	      both-legs: pain-rest
//	      one-spot: rest-day
//	    why:
//	      both-legs: The pain is spread over both legs.
//
// A step is a question like any other: it has its own page (where-mild.html)
// and its own place in paths, the graph and the map, and it shows the shared
// question's words. So the walk stays a tree of pages without state, and
// changing the words of a shared question, or an answer's label, is one edit
// that every step follows; routes and scenarios name answers by id and need
// no change. Steps may send several answers the same way (unlike the options
// of one question, that is no warning), but a step that sends every answer
// to the same place is warned about. A shared question that no step asks is
// warned about too. No path may ask a shared question twice: a reader is
// never asked the same thing again, and a scenario or rule that names a
// shared question names the one answer its path gives. A tree has at most
// [MaxShared] shared questions.
//
// # Outcomes
//
// An outcome ends a walk. It has:
//
//   - title (required): the advice in a few words.
//   - verdict (required): the id of one of the verdicts.
//   - page (required): the Markdown file, relative to content/, that holds the
//     guidance (e.g. outcomes/easy-run.md). It must exist, be a file, end in
//     .md and stay inside content/: a clean relative path with / between
//     folders, with no leading /, no . or .. and no backslash.
//
// # Scenarios
//
// Scenarios are regression cases written by editors. Each has:
//
//   - name (required): what the case is about, unique among scenarios.
//   - answers (required): a mapping from question id to the answer: an
//     option's id (its label if it has no id), or for a scale question a
//     whole number on the scale or an option's id (any of its values). The
//     id of a shared question answers every step that asks it; a step's own
//     id answers that step alone, and wins over the shared id.
//   - expect (required): the id of the outcome the answers must lead to.
//
// A scenario is walked from start. It fails when it names an unknown
// question or answer, answers a question that is not on its own path, stops
// at a question it does not answer, or ends at another outcome than expect;
// the message shows the path it took.
//
// # Reading level
//
// Health guidance has to be read by everyone, so check measures the words of
// every page (its title, description and Markdown text) and of every
// question (its text, help, scale words and its options' labels and why
// lines; a shared question once, and a step for its own why lines) with the
// Flesch-Kincaid grade level:
//
//	grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
//
// (Kincaid, Fishburne, Rogers and Chissom, "Derivation of new readability
// formulas ... for Navy enlisted personnel", Research Branch Report 8-75,
// Naval Technical Training Command, 1975). Package readability defines
// words, sentences and the syllable count. The grade reads as a US school
// grade; a reading age is the grade plus 5:
//
//	reading age   7   8   9  10  11  12  13  14  16  18  21
//	grade         2   3   4   5   6   7   8   9  11  13  16
//
// The target is reading-age, 11 by default (grade 6; patient-information
// standards aim at a reading age of 9 to 11). A page or question whose
// grade, rounded to one decimal, is above the target grade gets a warning at
// its hardest sentence: the one whose removal would lower the grade most,
// quoted with its number of words and of long words (three syllables or
// more). A report lists the words per sentence, the share of long words and
// the grade of every page and question.
//
// Each language is measured by a formula made for it
// ([Tree.ReadingFormula], package readability): English by Flesch-Kincaid,
// Spanish by the Fernández Huerta reading ease,
//
//	ease = 206.84 − 60 × (syllables / words) − 1.02 × (words / sentences)
//
// with a Spanish syllable count, read as a grade by Fernández Huerta's own
// scale made continuous, grade = (130 − ease) / 10 (ease 70 is grade 6), so
// that reading-age is the target of every language. A language no formula
// suits is not measured, and a report says so.
//
// # Languages
//
// The tree file holds the guide's structure and its words in one language,
// the original (lang). Each extra language is a folder content/<lang>/ of
// the source folder, named with a lower-case BCP 47 tag (es, pt-br: a
// language of 2 or 3 letters, then up to three subtags of 2 to 8 letters or
// digits), that holds words.yaml ([WordsFile]). It has:
//
//   - words.yaml: only words, keyed by the ids of the tree file (below);
//   - the Markdown pages, at the same paths as the original's: every
//     content/*.md (about.md, recovery.md, ...) and every outcome's page
//     (outcomes/easy-run.md, ...). A page the original does not have is an
//     error, and so is a missing one.
//
// The structure (ids, next, scales' numbers, values, tones, pages,
// scenarios and rules) is written once, in the tree file, and shared by
// every language, so every language gives the same verdict for the same
// answers by construction. A words file reads:
//
//	# The Spanish words of the guide.
//	lang: es                 # the folder's name
//	name: Español            # the language's own name
//	reviewer: Los editores   # optional: who reviewed it (the date is the original's)
//	title: ¿Correr o descansar?
//	verdicts:
//	  run: {label: Corre con calma}
//	shared:                  # the words of the shared questions, by id
//	  where:
//	    text: ¿Dónde lo notas?
//	    help: |
//	      ...
//	    options:             # by option id
//	      both-legs: {label: ..., why: ...}
//	questions:               # the words of the questions, by id
//	  soreness:
//	    text: ...
//	    scale: {low: ..., high: ...}
//	    options:
//	      mild: {label: ..., why: ...}
//	  tired-pain:            # a step: only the why lines it gives its answers
//	    why: {drained: ..., just-legs: ...}
//	outcomes:
//	  easy-run: {title: ...}
//	ui:                      # the site's own strings, by message id
//	  start: Empezar
//
// Every string the original has must have its translation, and nothing
// else may: a question's text and help, a scale's low and high, each
// option's label and why (by the option's id: in a guide with languages
// every option of a question with words of its own has an id), a verdict's
// label, an outcome's title, the title; a step that asks a shared question
// has words only for the why lines of its own. A missing string and words
// for an id (or a field) the original does not have are errors at their
// position in the words file, naming the original's position. lang must be
// the folder's name and not the original's language; name is required. The
// words follow the rules of the tree file's text (# Text, # Limits: the
// words file has the tree file's size limit), and are measured for the
// reading level like the original's. The site checks ui: against its own
// strings ([Options].UI).
//
// A translated string may record the original it was made from: beside
// the words, from: maps each key to [Hash] of the original string, the
// first 8 hex digits of its SHA-256 (a step's from: maps why to such a
// mapping by answer id; ui: holds one from: for its strings):
//
//	soreness:
//	  text: ¿Cuánto te duelen las piernas?
//	  from: {text: 1a2b3c4d}
//	  options:
//	    mild: {label: Leve, from: {label: 9e8f7a6b}}
//
// A translated page records it in its front matter, translated-from: with
// the hash of the original page's whole file. When the original changes,
// check warns at the hash, naming the original's position: "the en help of
// question "soreness" changed since the es was written". A hash that is not
// 8 hex digits, and a from: key beside no words, are errors. runorrest
// translate -stamp LANG writes the current hashes into the words file and
// the pages, so an editor stamps a translation once it is up to date;
// runorrest translate LANG writes the skeleton of a new language's words
// file. At most [MaxLanguages] extra languages.
//
// [LoadTranslations] loads every language, each with [LoadTranslation]: a
// translation is a [Tree] with the original's structure and the
// language's words, so the site renders it with the same code as the
// original.
//
// # Reviews
//
// Each Markdown page records its last review in its front matter, and the
// tree in reviewed and reviewer:
//
//	reviewed: 2026-11-20
//	reviewer: Sam Okafor, physiotherapist
//
// A review is due review-interval after it (12 months by default; a day the
// month lacks, like 31 April, rolls over into the next month). From 30 days
// before the due day check warns; once the due day has passed it reports an
// error. check -as-of DATE checks as of another day than today. Once the
// tree records a review, every page must record one too (a page without is
// warned about); a guide that records none has no review checks. A date
// that is not a real day written YYYY-MM-DD, a reviewer without a date and
// a date without a reviewer are errors.
//
// # Safety rules
//
// Scenarios test a few walks; rules are promises about every walk. The
// optional top-level key rules holds a list of them, and check proves each
// one on every path from start, however many paths there are:
//
//	rules:
//	  # Pain never leads to a run.
//	  - name: pain never runs
//	    when:
//	      - soreness: 4-10
//	    never: [run]
//	  # Soreness in one spot, or a tired body, means rest.
//	  - name: one spot or a tired body rests
//	    when:
//	      - where: In one spot or on one side
//	      - tired: Yes, I feel drained
//	    only: [rest]
//	  # Nobody is sent running before the tiredness question.
//	  - name: every run asks about tiredness first
//	    to: [run]
//	    asks: [tired]
//	    before: [cause]
//
// A rule has:
//
//   - name (required): the promise in a few words, unique among rules; shown
//     when the rule breaks.
//   - when (optional): which paths the rule speaks of. It is a list of
//     conditions, and the rule speaks of the paths that meet any one of them;
//     without when it speaks of every path. A condition maps question ids to
//     answers, one or a list ([A, B]); a path meets it when it answers every
//     question the condition names, each with one of the answers listed. A
//     path that does not ask a question of the condition does not meet it.
//   - exactly one of only, never and asks, each one id or a list of ids:
//     only: verdicts; every path the rule speaks of ends at an outcome whose
//     verdict is one of them. never: verdicts; no path the rule speaks of
//     ends at an outcome whose verdict is one of them. asks: questions;
//     every path the rule speaks of answers at least one of them.
//   - to (optional, with asks): verdicts; the rule then speaks only of the
//     paths, among those when chooses, that end at an outcome of one of them.
//   - before (optional, with asks): questions; a path must answer a question
//     of asks before it reaches any of these. A path that reaches one of
//     them first breaks the rule, even if it answers a question of asks
//     later. No question may be in both lists.
//
// "Every path to verdict X asks question Y first" is written to: [X] with
// asks: [Y]: no path reaches an outcome of verdict X without answering Y on
// the way. Add before: [Z] to say that Y also comes before question Z.
//
// Rules name questions and answers as scenarios do, so that they survive
// changes of wording. A question is named by its id: a step's id names that
// step, and a shared question's id names every step that asks it (no path
// asks a shared question twice, so the answer that counts is clear). An
// answer is named by its option's id, or by its label if it has no id; for
// a scale question also by a number (3) or a range (4-10) on the scale. A
// number or range names every option that shares a value with it, because
// a reader who picks that value takes that option: with options 1-2, 3 and
// 4-10, the answer 3-10 names the options 3 and 4-10, and 2-5 names all
// three. So a rule speaks of every path a reader with such an answer could
// take. A rule that names an unknown question, answer or verdict is an
// error, with a "did you mean" hint.
//
// Check proves every rule without listing paths: dynamic programming over
// the graph in reverse topological order, on pairs of a node and a small
// state (how many of the condition's questions the path has answered as the
// condition says; for an asks rule, whether it has asked yet). That is
// linear in questions, outcomes and options for each condition, as path
// counting is. A rule that does not hold is an error at the rule's line,
// showing the shortest path that breaks it (fewest answers; among those,
// the first in the order paths lists them), written as paths writes it:
//
//	content/tree.yaml:250:5: rule "pain never runs" is broken by soreness=4-10 > where-pain=All over, on both legs > tired-pain=No, it is just my legs => easy-run (run), whose verdict run is in never (run) (lead this path to an outcome the rule allows, or change the rule)
//
// A condition that no path from start meets (with to: that no such path
// ends at a verdict of to) is warned about: the rule proves nothing there,
// which is usually a mistake in the answers it names.
//
// Limits, far above what a guide needs: at most 100 rules, 32 conditions in
// a rule and 16 questions in a condition.
//
// # Validation
//
// Loading and validation report every problem at once, sorted by position
// (problems at one position in the order found), each as
// "content/tree.yaml:LINE:COL: what is wrong (how to fix it)"; a problem with
// the whole file is reported at 1:1. Warnings read
// "content/tree.yaml:LINE:COL: warning: ...". The rules:
//
//   - the YAML is well formed UTF-8, indented with spaces, within the size limit,
//     without anchors, aliases or duplicate keys;
//   - no text holds a control or bidirectional formatting character, and
//     every text and list is within its limit (see Limits);
//   - every key is known (an unknown key gets a "did you mean" hint), every
//     value has the right type, every required key is there, no text is empty;
//   - ids are slugs and unique across questions and outcomes, shared
//     question ids unique across all three, option ids within a question;
//   - start names a question;
//   - every next names a question or an outcome;
//   - every step asks a shared question, and its next routes every answer
//     of that question, each once, by id (a route that misses an answer is
//     reported at the step's next, one that names no answer at its line,
//     with a "did you mean"); a step's why names answers of its question;
//   - every shared question is asked by a step (a warning), and by at most
//     one step on any path;
//   - no walk can loop (the cycle is printed as a -> b -> a);
//   - every question and outcome is reachable from start;
//   - every question and shared question has at least two options, with
//     distinct labels and distinct ids;
//   - scale options cover the scale exactly once, with no gap or overlap
//     and no value outside it;
//   - every outcome names a known verdict and an existing page;
//   - no path is deeper than the maximum depth ([DefaultMaxDepth] questions
//     unless the caller sets another);
//   - every scenario passes, and scenario names are unique;
//   - reading-age, reviewed, reviewer and review-interval are well formed
//     (reading level and review dates themselves give warnings, and an
//     error once a review is overdue, as above);
//   - every rule names known questions, answers and verdicts, has one kind,
//     and holds on every path from start; rule names are unique.
//
// A few checks wait for the problems they depend on, so that one mistake
// gives one message: a file that is not well-formed YAML, or that uses
// anchors or aliases, gets no further checks; reachability is checked
// once every option has a next; scenarios are walked once start names a
// question, and a scenario whose question has a bad scale is not walked; a
// shared question's words are checked once, where they are written, and its
// steps' routes only once its options have an id each; rules are proved
// once the graph is sound (start names a question, every next names a
// node, no cycle), and a rule with a problem of its own is not proved.
//
// Together the rules establish that every walk from start ends at an outcome:
// no next dangles, no walk loops, and a question always offers a way on.
//
// # Text
//
// No text of the tree may hold a control character (C0, DEL or C1; YAML
// escapes such as "\e", "\a" or "\0" make them too) or a bidirectional
// embedding, override or isolate (U+202A-U+202E, U+2066-U+2069), which can
// make text read differently from what it is. help may hold tabs and line
// breaks; every other text is one line. The Markdown pages follow the same
// rule (tab, newline and carriage return allowed) and must be UTF-8. A
// link in Markdown is relative (recovery.md, #cold) or uses one of
// [LinkSchemes]: http, https, mailto or tel; any other scheme (javascript:,
// data:, vbscript:, file:, ...) is refused with the link's position.
//
// # Limits
//
// Every input has a limit that a real guide never meets; past it, the
// input is refused at once with its position, and below it every stage
// takes time linear in the input:
//
//   - the tree file: [DefaultMaxBytes] bytes;
//   - a one-line text (title, a question's text, a label, a why, a scale's
//     low and high, an outcome's title, a scenario's name): [MaxTextBytes]
//     bytes; a help text: [MaxHelpBytes] bytes;
//   - options of one question: [MaxOptions];
//   - a Markdown page: [MaxPageBytes] bytes;
//   - in Markdown (pages and help): lists and quotes nested [MaxNesting]
//     deep (counted on each line as its list and quote markers plus one
//     level per two columns of indentation before the first marker), and
//     [MaxBrackets] link brackets ([) in one block of lines without a blank
//     line; [CheckMarkdown] checks both before the Markdown is parsed. The
//     lines of a fenced code block that starts in the first column are
//     code and are not counted;
//   - the map page draws at most [MaxMapNodes] questions and outcomes and
//     [MaxMapEdges] arrows; a larger tree gets a map page that says so;
//   - the built site: [MaxSiteBytes] bytes in all;
//   - languages: [MaxLanguages] besides the original, each words file
//     with the tree file's size limit;
//   - the files for the host in static/root (CNAME, _headers, ...):
//     [MaxHostFiles] files of at most [MaxHostFileBytes] bytes each.
//
// The files of the source folder are read only if they are regular files
// (or links to one inside the folder): a named pipe, a device or a link
// out of the folder is refused, never waited on.
//
// # Paths
//
// A path is the list of answers from start to an outcome. For a scale
// question a path step is one option, written with its values
// (soreness=1-2, or soreness=3 for a single value); for other questions it is
// written with the option's label (where=All over). A step of a shared
// question is written with the step's id. A whole path reads
//
//	soreness=1-2 > where=All over > tired=No => easy-run (run)
//
// ending with the outcome's id and its verdict. Paths are counted exactly,
// however many there are, by dynamic programming over the graph in
// topological order ([Tree.Stats]); [Tree.Paths] streams them one at a time,
// depth first with options in file order, without building the rest.
//
// Validation and counting are linear in the number of questions, outcomes and
// options, and use no recursion: a chain of a million questions validates.
//
// # Site words
//
// What the site says around the guide's words ("Start the questions",
// "Back", "Question 2 of at most 5") is a catalogue of messages, [UIFile]
// (templates/ui.yaml) in the original language: a mapping of message ids
// (lower-case letters, digits and single dashes) to one-line texts, plain
// text, not Markdown. A {name} of lower-case letters is a placeholder the
// site fills in (At most {n} questions to go); a message holds no other
// brace. [LoadMessages] reads it and refuses, each at its position: an id
// of another form, an id given twice, a value that is not a text, an empty
// text, a text of more than [MaxTextBytes] bytes or with a line break or a
// control character, and a malformed placeholder; the file may have at
// most [MaxUIBytes] bytes. The build also refuses a catalogue that lacks a
// message the templates, the site or the flow script use. A translation
// gives the same ids under ui:, each with the same placeholders as the
// original (# Languages).
package decision
