// Progressive enhancement only: every page reads and searches without JavaScript.
document.documentElement.classList.add("js");
