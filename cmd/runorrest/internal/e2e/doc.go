// Package e2e holds the browser tests of the built default guide with
// JavaScript on: the guide flow (static/flow.ts) in headless Chromium,
// emulating a phone (390x844, touch).
//
// One Chromium serves the whole package; each test opens its own tabs.
// Without Chromium the tests skip, except under CI=true, where they fail.
// The accessibility checks inject axe-core from RUNORREST_AXE (the path of
// axe.min.js) or $HOME/.cache/runorrest-axe/node_modules/axe-core/axe.min.js,
// where .ci/run installs it. Without it TestPagesAxe skips and the other
// tests log that they did not check, except under CI, where all fail.
//
// With RUNORREST_SCREENSHOTS=1, TestFlowScreenshots writes
// static/screenshots/home.png, question.png, outcome.png, map.png and
// print.png, which the README shows.
package e2e
