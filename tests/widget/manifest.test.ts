import type { CustomElement, Package } from 'custom-elements-manifest/schema.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { widgetManifest } from '../../widget/manifest.mjs';

/** The custom element declarations of a manifest, by tag name. */
function elements(manifest: Package): Map<string, CustomElement> {
  const found = new Map<string, CustomElement>();
  for (const mod of manifest.modules) {
    for (const declaration of mod.declarations ?? []) {
      // A custom element is a class declaration flagged with `customElement` and the element's fields.
      const element = declaration as Partial<CustomElement>;
      if (element.customElement && element.tagName) found.set(element.tagName, element as CustomElement);
    }
  }
  return found;
}

describe('custom-elements.json of the widget', () => {
  let manifest: Package;
  let element: CustomElement | undefined;

  beforeAll(async () => {
    manifest = await widgetManifest({ write: false });
    element = elements(manifest).get('book-services');
  }, 60_000);

  it('describes <book-services>, and only it, with a definition export', () => {
    expect([...elements(manifest).keys()]).toEqual(['book-services']);
    expect(element?.summary).toBeTruthy();
    const definitions = manifest.modules
      .flatMap((m) => m.exports ?? [])
      .filter((e) => e.kind === 'custom-element-definition');
    expect(definitions.map((d) => d.name)).toEqual(['book-services']);
  });

  it('lists the attributes with their property, type and default', () => {
    const attributes = new Map((element?.attributes ?? []).map((a) => [a.name, a]));
    expect([...attributes.keys()]).toEqual(
      expect.arrayContaining(['provider', 'service', 'staff', 'locale', 'time-zone', 'theme', 'api']),
    );
    expect(attributes.get('time-zone')?.fieldName).toBe('timeZone');
    expect(attributes.get('theme')?.type?.text).toBe("'light' | 'dark' | 'auto'");
    expect(attributes.get('theme')?.default).toBe("'light'");
    for (const attribute of attributes.values()) expect(attribute.description, attribute.name).toBeTruthy();
  });

  it('lists the public events with their detail types, and no private member', () => {
    expect((element?.events ?? []).map((e) => [e.name, e.type?.text])).toEqual([
      ['book-ready', 'CustomEvent<BookReadyDetail>'],
      ['book-staff-selected', 'CustomEvent<BookStaffSelectedDetail>'],
      ['book-slot-selected', 'CustomEvent<BookSlotSelectedDetail>'],
      ['book-booked', 'CustomEvent<BookBookedDetail>'],
      ['book-error', 'CustomEvent<BookErrorDetail>'],
    ]);
    expect((element?.members ?? []).filter((m) => m.privacy === 'private')).toEqual([]);
  });

  it('lists every CSS part the widget renders and its custom properties', () => {
    expect((element?.cssParts ?? []).map((p) => p.name).sort()).toEqual([
      'avatar',
      'back',
      'base',
      'calendar-link',
      'confirm',
      'day',
      'empty',
      'form',
      'header',
      'heading',
      'loading',
      'manage-link',
      'notice',
      'policy',
      'repeat',
      'service',
      'staff',
      'time',
      'waitlist',
      'zone',
    ]);
    const properties = (element?.cssProperties ?? []).map((p) => p.name);
    expect(properties).toEqual(
      expect.arrayContaining(['--book-accent', '--book-bg', '--book-fg', '--book-radius', '--book-font']),
    );
  });
});
