// The award page's "select all" box: ticks or unticks every eligible person at once (without
// JavaScript the "Select all" link reloads the page with everyone ticked).
document.addEventListener("DOMContentLoaded", () => {
  const all = document.getElementById("award-select-all");
  if (!all) return;
  const boxes = () => Array.from(document.querySelectorAll("input.award-choice"));
  const sync = () => {
    const ticked = boxes().filter((box) => box.checked).length;
    all.checked = ticked > 0 && ticked === boxes().length;
    all.indeterminate = ticked > 0 && ticked < boxes().length;
  };
  all.hidden = false;
  all.addEventListener("change", () => {
    boxes().forEach((box) => { box.checked = all.checked; });
    sync();
  });
  boxes().forEach((box) => box.addEventListener("change", sync));
  sync();
});
