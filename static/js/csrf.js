// Forms on pages kept in the page cache carry an empty CSRF field ({% csrf_field %}): the page is
// the same for every visitor. When such a form is sent, the visitor's own token is fetched from
// the uncached URL in data-csrf (which also sets the CSRF cookie), put in, and the form goes.
document.addEventListener("submit", (event) => {
  const form = event.target;
  const field = form.querySelector("input[data-csrf]");
  if (!field || field.value) return;
  event.preventDefault();
  const submitter = event.submitter;
  fetch(field.dataset.csrf, { credentials: "same-origin", cache: "no-store" })
    .then((response) => response.json())
    .then((data) => {
      field.value = data.token;
      if (form.requestSubmit) form.requestSubmit(submitter && form.contains(submitter) ? submitter : undefined);
      else form.submit();
    });
});
