// Small progressive enhancements; every page works without them.
document.addEventListener("DOMContentLoaded", () => {
  for (const area of document.querySelectorAll("textarea[data-counter]")) {
    const counter = document.getElementById(area.dataset.counter);
    const update = () => {
      const words = area.value.trim().split(/\s+/).filter(Boolean).length;
      counter.textContent = words === 1 ? "1 word" : `${words} words`;
    };
    area.addEventListener("input", update);
    update();
  }
  for (const form of document.querySelectorAll("form[data-confirm]")) {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  }
  document.documentElement.dataset.enhanced = "true";
});
