// Progressive enhancement only: every page reads and searches without JavaScript.
document.documentElement.classList.add("js");

// Narrow screens: the menu folds behind "Menu et recherche", the listing filters behind their
// "Filtrer (n)" summary, so the content starts on the first screen.
if (window.matchMedia("(max-width: 40rem)").matches) {
  for (const fold of document.querySelectorAll("details.site-menu, details[data-fold-narrow]")) {
    fold.open = false;
  }
}
if (window.matchMedia("(max-width: 52rem)").matches) {
  for (const fold of document.querySelectorAll("details.facets-fold")) {
    fold.open = false;
  }
}

// A form sent back with errors: the focus goes to the summary listing them (GOV.UK pattern).
const errorSummary = document.querySelector("[data-error-summary]");
if (errorSummary) {
  errorSummary.focus();
  // The form's action ends with its section's #anchor: once the page has loaded, the browser's
  // move to that anchor may take the focus back; give it to the summary again.
  window.addEventListener("load", () => errorSummary.focus({ preventScroll: true }));
}

// After filtering or paging a listing, the focus goes to its result count, not the page's top.
const resultsLink = document.querySelector("[data-results-link]");
const results = resultsLink && document.querySelector(resultsLink.getAttribute("href"));
if (results && !errorSummary && new URLSearchParams(location.search).size > 0) {
  results.setAttribute("tabindex", "-1");
  results.focus();
}
