/** What an email says, as data; `renderEmail` turns it into the HTML and text parts. */
export interface EmailContent {
  subject: string;
  heading: string;
  paragraphs: string[];
  details: [label: string, value: string][];
  actions: { label: string; url: string }[];
  footer: string;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);

/** Subjects are one line whatever a provider typed into their name. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Typed text can never pose as the link-token placeholder (`{{manage_token}}`), which only links carry. */
const inert = (text: string) => text.replaceAll('{{', '{\u200B{');

const paragraph = (text: string) => `<p style="margin:0 0 16px">${escapeHtml(text).replace(/\n/g, '<br>')}</p>`;

/**
 * Every string is escaped here, once: templates hand over plain text, including the names,
 * addresses and notes people typed. Inline styles, since mail clients drop `<style>`.
 */
export function renderEmail(input: EmailContent): { subject: string; html: string; text: string } {
  const content: EmailContent = {
    subject: inert(input.subject),
    heading: inert(input.heading),
    paragraphs: input.paragraphs.map(inert),
    details: input.details.map(([label, value]) => [inert(label), inert(value)]),
    actions: input.actions.map((a) => ({ label: inert(a.label), url: a.url })),
    footer: inert(input.footer),
  };
  const rows = content.details
    .map(
      ([label, value]) =>
        `<tr><th align="left" valign="top" style="padding:4px 16px 4px 0;color:#555;font-weight:600">${escapeHtml(label)}</th>` +
        `<td style="padding:4px 0">${escapeHtml(value).replace(/\n/g, '<br>')}</td></tr>`,
    )
    .join('');
  const buttons = content.actions
    .map(
      (a) =>
        `<p style="margin:0 0 12px"><a href="${escapeHtml(a.url)}" style="display:inline-block;padding:10px 18px;` +
        `background:#1f4fd1;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(a.label)}</a></p>`,
    )
    .join('');
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(oneLine(content.subject))}</title></head>` +
    `<body style="margin:0;padding:24px;background:#f4f5f7;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1b1b1f">` +
    `<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:24px">` +
    `<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(content.heading)}</h1>` +
    content.paragraphs.map(paragraph).join('') +
    (rows && `<table role="presentation" style="border-collapse:collapse;margin:0 0 20px">${rows}</table>`) +
    buttons +
    `<p style="margin:24px 0 0;color:#777;font-size:12px">${escapeHtml(content.footer)}</p>` +
    `</div></body></html>`;

  const text = [
    content.heading,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...content.details.map(([label, value]) => `${label}: ${value.replace(/\n/g, '\n  ')}`),
    ...(content.details.length ? [''] : []),
    ...content.actions.flatMap((a) => [`${a.label}: ${a.url}`, '']),
    '-- ',
    content.footer,
  ].join('\n');

  return { subject: oneLine(content.subject), html, text };
}
