// The directory is a plain GET form rendered on the server; choosing a filter runs the search at once.
const form = document.querySelector<HTMLFormElement>('form.search');
form?.addEventListener('change', (event) => {
  if (event.target instanceof HTMLSelectElement) form.requestSubmit();
});
