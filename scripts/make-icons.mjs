// Renders the app icons (any + maskable) into public/icons from one SVG. Run once when the mark changes.
import sharp from "sharp";

const mark = (padding) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <rect width="512" height="512" fill="#4f46e5"/>
  <g transform="translate(${padding} ${padding}) scale(${(512 - 2 * padding) / 512})">
    <path d="M256 96 L400 416 H336 L306 344 H206 L176 416 H112 Z M226 292 H286 L256 214 Z" fill="#ffffff"/>
  </g>
</svg>`;

for (const size of [192, 512]) {
  await sharp(Buffer.from(mark(40)))
    .resize(size, size)
    .png()
    .toFile(`public/icons/icon-${size}.png`);
}
// Maskable: the mark inside the 80 % safe zone.
await sharp(Buffer.from(mark(110)))
  .resize(512, 512)
  .png()
  .toFile("public/icons/maskable-512.png");
await sharp(Buffer.from(mark(40)))
  .resize(180, 180)
  .png()
  .toFile("public/icons/apple-touch-icon.png");
console.log("icons written to public/icons");
