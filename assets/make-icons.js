// Draws the add-in's icons (a podium with the winner's block in gold on the provincial blue, and
// "12328" on the larger sizes) and writes them as PNG files next to this script.
// Run: node assets/make-icons.js   (no dependencies: a minimal PNG encoder over zlib)

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const BLUE = [0x1b, 0x5f, 0xaa];
const WHITE = [0xff, 0xff, 0xff];
const GOLD = [0xf2, 0xb7, 0x05];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// Shapes are tests on a point (x, y) in pixel units; each pixel averages 8 × 8 samples.
const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

const DIGITS = {
  1: [".#.", "##.", ".#.", ".#.", "###"],
  2: ["###", "..#", "###", "#..", "###"],
  3: ["###", "..#", ".##", "..#", "###"],
  8: ["###", "#.#", "###", "#.#", "###"],
};
function textShape(text, left, top, scale) {
  const cells = [];
  [...text].forEach((ch, i) => {
    DIGITS[ch].forEach((row, ry) =>
      [...row].forEach((c, rx) => {
        if (c === "#") cells.push([left + (i * 4 + rx) * scale, top + ry * scale]);
      }),
    );
  });
  return (x, y) => cells.some(([cx, cy]) => x >= cx && x < cx + scale && y >= cy && y < cy + scale);
}

/** Layers painted in order: [shape, rgb]. */
function render(size, layers) {
  const out = Buffer.alloc(size * size * 4);
  const N = 8;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < N; sy++) {
        for (let sx = 0; sx < N; sx++) {
          const x = px + (sx + 0.5) / N;
          const y = py + (sy + 0.5) / N;
          let colour = null;
          for (const [shape, rgb] of layers) if (shape(x, y)) colour = rgb;
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (a) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
      }
      out[i + 3] = Math.round((255 * a) / (N * N));
    }
  }
  return out;
}

/** The podium: 2nd place left, 1st (gold) centre, 3rd right, standing on a baseline at `base`. */
function podium(s, left, width, base, heights, colours) {
  const gap = Math.max(1, width * 0.03);
  const w = (width - 2 * gap) / 3;
  return [0, 1, 2].map((i) => {
    const x0 = left + i * (w + gap);
    return [roundedRect(x0, base - heights[i], x0 + w, base, Math.min(w, s) * 0.08), colours[i]];
  });
}

function appIcon(s) {
  const layers = [[roundedRect(0, 0, s, s, s * 0.18), BLUE]];
  const withText = s >= 64;
  const base = s * (withText ? 0.86 : 0.82);
  const heights = withText ? [s * 0.24, s * 0.34, s * 0.16] : [s * 0.36, s * 0.52, s * 0.24];
  layers.push(...podium(s, s * 0.16, s * 0.68, base, heights, [WHITE, GOLD, WHITE]));
  if (withText) {
    const scale = s >= 80 ? 3 : 2;
    const width = (5 * 4 - 1) * scale;
    layers.push([textShape("12328", Math.round((s - width) / 2), Math.round(s * 0.14), scale), WHITE]);
  }
  return render(s, layers);
}

function buttonIcon(s) {
  // Ribbon buttons sit on the ribbon's own background: no tile, the podium alone.
  const base = s * 0.9;
  const heights = [s * 0.5, s * 0.78, s * 0.34];
  return render(s, podium(s, s * 0.06, s * 0.88, base, heights, [BLUE, GOLD, BLUE]));
}

const dir = __dirname;
for (const s of [16, 32, 64, 80]) fs.writeFileSync(path.join(dir, `icon-${s}.png`), encodePng(s, appIcon(s)));
for (const s of [16, 32, 80]) fs.writeFileSync(path.join(dir, `button-${s}.png`), encodePng(s, buttonIcon(s)));
console.log("icons written to", dir);
