// Suggestions under the header search box (ARIA combobox with a listbox popup).
// Progressive enhancement: without JavaScript the form simply submits to the search page.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autocomplete-url]");
  if (!form || !window.fetch) return;
  var input = form.querySelector("input[name=q]");
  var url = form.getAttribute("data-autocomplete-url");
  var stylesheet = form.getAttribute("data-autocomplete-css");
  if (stylesheet) {
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = stylesheet;
    document.head.appendChild(link);
  }
  var listbox = document.createElement("ul");
  listbox.id = input.id + "-suggestions";
  listbox.className = "autocomplete";
  listbox.setAttribute("role", "listbox");
  listbox.setAttribute("aria-label", form.getAttribute("data-autocomplete-label") || "Suggestions");
  listbox.hidden = true;
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  form.classList.add("search-box--autocomplete");
  form.appendChild(listbox);
  form.appendChild(status);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listbox.id);

  var items = [];
  var active = -1;
  var timer = null;
  var lastQuery = "";
  var controller = null;

  function close() {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function setActive(index) {
    var options = listbox.querySelectorAll("[role=option]");
    if (!options.length) return;
    active = (index + options.length) % options.length;
    options.forEach(function (option, i) {
      option.setAttribute("aria-selected", i === active ? "true" : "false");
    });
    input.setAttribute("aria-activedescendant", options[active].id);
    options[active].scrollIntoView({ block: "nearest" });
  }

  function render(suggestions) {
    items = suggestions;
    listbox.textContent = "";
    suggestions.forEach(function (suggestion, i) {
      var option = document.createElement("li");
      option.id = listbox.id + "-" + i;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      var title = document.createElement("span");
      title.className = "autocomplete__title";
      title.textContent = suggestion.title;
      var kind = document.createElement("span");
      kind.className = "autocomplete__type";
      kind.textContent = suggestion.type;
      option.appendChild(title);
      option.appendChild(kind);
      option.addEventListener("mousedown", function (event) {
        event.preventDefault();
        window.location.assign(suggestion.url);
      });
      listbox.appendChild(option);
    });
    active = -1;
    input.removeAttribute("aria-activedescendant");
    if (suggestions.length) {
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
    } else {
      close();
    }
    var countText = form.getAttribute("data-autocomplete-count") || "suggestion(s)";
    status.textContent = suggestions.length ? suggestions.length + " " + countText : "";
  }

  function fetchSuggestions() {
    var query = input.value.trim();
    if (query === lastQuery) return;
    lastQuery = query;
    if (query.length < 2) {
      render([]);
      return;
    }
    if (controller) controller.abort();
    controller = new AbortController();
    fetch(url + "?q=" + encodeURIComponent(query), { signal: controller.signal, headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
      .then(function (data) { if (input.value.trim() === query) render(data.suggestions || []); })
      .catch(function () { /* network hiccup or aborted: the form still works */ });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 150);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (listbox.hidden) return;
      event.preventDefault();
      setActive(active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter" && !listbox.hidden && active >= 0) {
      event.preventDefault();
      window.location.assign(items[active].url);
    } else if (event.key === "Escape" && !listbox.hidden) {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", function () { setTimeout(close, 100); });
})();
