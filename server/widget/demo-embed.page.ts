import { html } from 'hono/html';

/**
 * `/demo/embed`: a mock hair-studio website with the widget pasted in exactly as a provider would, plus a
 * second, themed widget in German to show that several can share a page.
 */
export const demoEmbedPage = ({ provider, origin }: { provider: string; origin: string }) => html`<!doctype html>
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>Studio Anna — Hair &amp; Colour in Berlin (widget demo)</title>
      <style>
        body {
          margin: 0;
          font: 17px/1.6 Georgia, 'Times New Roman', serif;
          color: #2b2420;
          background: #faf6f1;
        }
        header {
          padding: 3rem 1.5rem 2rem;
          text-align: center;
          background: #3b2f2a;
          color: #fdf8f3;
        }
        header h1 {
          margin: 0;
          font-size: 2.4rem;
          letter-spacing: 0.04em;
        }
        main {
          max-width: 62rem;
          margin: 0 auto;
          padding: 2rem 1.5rem 4rem;
          display: grid;
          gap: 2.5rem;
          grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr));
        }
        /* Host-page rules like these must not leak into the widget's Shadow DOM. */
        button {
          text-transform: uppercase;
          font-family: 'Comic Sans MS', cursive;
        }
        p {
          color: #6b4a3a;
        }
        .theme-brand {
          --book-accent: #8a3b12;
          --book-radius: 2px;
          --book-font: Georgia, serif;
        }
        book-services::part(heading) {
          letter-spacing: 0.02em;
        }
        #events {
          overflow-wrap: anywhere;
          font-size: 0.85rem;
        }
        pre {
          background: #fff;
          border: 1px solid #d8cbbd;
          padding: 1rem;
          overflow: auto;
          font-size: 0.85rem;
        }
      </style>
      <script type="module" src="/widget.js"></script>
    </head>
    <body>
      <header>
        <h1>Studio Anna</h1>
        <p style="color: #f1e4d6">Cuts, colour and styling near Kollwitzplatz, Berlin</p>
      </header>
      <main>
        <section>
          <h2>Book online</h2>
          <p>Pick a service and a time that suits you; you will get a confirmation by email.</p>
          <book-services provider="${provider}" class="theme-brand"></book-services>
        </section>
        <section>
          <h2>Auf Deutsch, dunkel</h2>
          <p>The same widget a second time on the page, with <code>locale="de"</code> and <code>theme="dark"</code>.</p>
          <book-services provider="${provider}" locale="de" theme="dark"></book-services>
          <h2>How this page embeds it</h2>
          <pre><code>&lt;script type="module" src="${origin}/widget.js"&gt;&lt;/script&gt;
&lt;book-services provider="${provider}"&gt;&lt;/book-services&gt;</code></pre>
          <h2>Events on this page</h2>
          <ol id="events" aria-live="polite"></ol>
        </section>
      </main>
      <script>
        for (const type of ['book-ready', 'book-slot-selected', 'book-booked', 'book-error']) {
          document.addEventListener(type, (event) => {
            const item = document.createElement('li');
            item.textContent = type + ' ' + JSON.stringify(event.detail);
            document.getElementById('events').append(item);
          });
        }
      </script>
    </body>
  </html>`;
