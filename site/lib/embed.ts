/** The two lines a provider pastes into their website. */
export function embedSnippet(options: {
  origin: string;
  provider: string;
  service?: string;
  theme?: string;
  locale?: string;
  style?: string;
}): string {
  const attrs = [
    `provider="${options.provider}"`,
    options.service && `service="${options.service}"`,
    options.theme && options.theme !== 'light' && `theme="${options.theme}"`,
    options.locale && `locale="${options.locale}"`,
    options.style && `style="${options.style}"`,
  ].filter(Boolean);
  return `<script type="module" src="${options.origin}/widget.js"></script>\n<book-services ${attrs.join(' ')}></book-services>`;
}
