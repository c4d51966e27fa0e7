import { createHash } from 'node:crypto';
import sharp, { type ResizeOptions } from 'sharp';
import { AppError } from '../errors.js';
import type { ImageKind } from './media.table.js';

/** What an upload may be: the formats every phone and camera writes, checked from the bytes, not the name. */
export const ACCEPTED_FORMATS = ['jpeg', 'png', 'webp'] as const;
/** Larger files are refused (413) before they are read in full. */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
/** Decoded size limit, so a small file cannot unpack into gigabytes (a "decompression bomb"). */
const MAX_INPUT_PIXELS = 40_000_000;

/** Each kind's two sizes: the full one fits inside its box; a photo's thumbnail fills a card's 16:10. */
const SIZES: Record<ImageKind, { full: ResizeOptions; thumb: ResizeOptions }> = {
  logo: {
    full: { width: 512, height: 512, fit: 'inside', withoutEnlargement: true },
    thumb: { width: 160, height: 160, fit: 'inside', withoutEnlargement: true },
  },
  photo: {
    full: { width: 1600, height: 1200, fit: 'inside', withoutEnlargement: true },
    thumb: { width: 640, height: 400, fit: 'cover' },
  },
};

export interface ResizedImage {
  width: number;
  height: number;
  full: { hash: string; bytes: Buffer };
  thumb: { hash: string; bytes: Buffer };
}

const hashOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex').slice(0, 32);

/**
 * Reads an upload and gives a way to write it in any size as WebP. Turned upright by its EXIF orientation first;
 * sharp writes no metadata unless asked, so camera details and GPS positions stay behind. Throws 415 for anything
 * but a JPEG, PNG or WebP image, 422 for one too large to decode.
 */
async function openUpload(input: Buffer) {
  const source = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
  const meta = await source.metadata().catch(() => undefined);
  if (!meta?.format || !(ACCEPTED_FORMATS as readonly string[]).includes(meta.format))
    throw new AppError('unsupported_media_type', 'Upload a JPEG, PNG or WebP image');
  if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_INPUT_PIXELS)
    throw new AppError('unprocessable', 'The image has too many pixels: at most 40 megapixels');
  return async function render(size: ResizeOptions) {
    const { data, info } = await source
      .clone()
      .rotate()
      .resize(size)
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true })
      .catch(() => {
        throw new AppError('unprocessable', 'The image could not be read');
      });
    return { bytes: data, hash: hashOf(data), width: info.width, height: info.height };
  };
}

/** A logo or photo in its two sizes (see `openUpload` for what is checked and stripped). */
export async function resizeUpload(input: Buffer, kind: ImageKind): Promise<ResizedImage> {
  const render = await openUpload(input);
  const [full, thumb] = await Promise.all([render(SIZES[kind].full), render(SIZES[kind].thumb)]);
  return {
    width: full.width,
    height: full.height,
    full: { hash: full.hash, bytes: full.bytes },
    thumb: { hash: thumb.hash, bytes: thumb.bytes },
  };
}

/**
 * A team member's photo: one square, cropped to the middle, as every place shows it small and round (the widget's
 * 44 px, the profile's 64 px): 256 px stays sharp on any screen.
 */
export async function resizePortrait(input: Buffer): Promise<{ hash: string; bytes: Buffer }> {
  const { hash, bytes } = await (await openUpload(input))({ width: 256, height: 256, fit: 'cover' });
  return { hash, bytes };
}
