import sharp, { type Color } from 'sharp';

/** A real photo-like JPEG: a camera's orientation flag (turned on its side) and an Artist field to strip. */
export const cameraJpeg = () =>
  sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#c05030' } })
    .jpeg()
    .withExif({ IFD0: { Artist: 'Secret Camera Owner' } })
    .withMetadata({ orientation: 6 })
    .toBuffer();

/** A PNG of one colour (half transparent blue unless told): two of other colours have other hashes. */
export const png = (width: number, height: number, background: Color = { r: 20, g: 90, b: 160, alpha: 0.5 }) =>
  sharp({ create: { width, height, channels: 4, background } })
    .png()
    .toBuffer();
