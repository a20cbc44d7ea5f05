// Layer toggles on the article page. Reading works without this script.
document.addEventListener("DOMContentLoaded", function () {
  var body = document.querySelector(".body");
  if (!body) return;
  document.querySelectorAll("#layers input[data-layer]").forEach(function (box) {
    box.addEventListener("change", function () {
      body.classList.toggle("hide-" + box.dataset.layer, !box.checked);
    });
  });
});
