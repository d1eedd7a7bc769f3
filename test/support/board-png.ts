import sharp from 'sharp';

/** Decodes a board PNG into `#rrggbb` per pixel, to compare colours with the palette. */
export async function decodeBoardPng(
  png: Buffer,
): Promise<{ width: number; colorAt(x: number, y: number): string }> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    colorAt: (x, y) => {
      const offset = (y * info.width + x) * 3;
      return (
        '#' +
        [...data.subarray(offset, offset + 3)].map((v) => v.toString(16).padStart(2, '0')).join('')
      );
    },
  };
}

export async function fetchBoard(baseUrl: string, query = '') {
  const response = await fetch(`${baseUrl}/api/canvas.png${query}`);
  return decodeBoardPng(Buffer.from(await response.arrayBuffer()));
}
