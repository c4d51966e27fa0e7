/** The data the server rendered into `<script type="application/json" id="page-data">`, if any. */
export function pageData<T>(): T | undefined {
  const text = document.getElementById('page-data')?.textContent;
  return text ? (JSON.parse(text) as T) : undefined;
}
