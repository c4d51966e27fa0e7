/** What the server takes (server/media/resize.ts): checked here too, so nobody waits for a refusal. */
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_BYTES = 8 * 1024 * 1024;

/** Why `file` cannot be uploaded as an image, or '' when it can. */
export const imageProblem = (file: File): string =>
  !IMAGE_TYPES.includes(file.type)
    ? `“${file.name}” is not a JPEG, PNG or WebP image.`
    : file.size > MAX_BYTES
      ? `“${file.name}” is larger than 8 MB.`
      : '';
