#!/usr/bin/env node
// Renders public/icon.svg into the PNG and ICO files browsers ask for; run after changing the SVG.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const publicDir = path.resolve(import.meta.dirname, "..", "public");
const svg = readFileSync(path.join(publicDir, "icon.svg"), "utf8");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});

async function png(size) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}</style><img src="data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}" width="${size}" height="${size}">`,
  );
  const image = await page.screenshot({ omitBackground: true });
  await page.close();
  return image;
}

// An ICO whose entries are PNGs (every current browser reads them): a 6-byte header, a 16-byte entry per image, then the images.
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size % 256, entry);
    header.writeUInt8(size % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.data)]);
}

const sizes = [16, 32, 48];
writeFileSync(
  path.join(publicDir, "favicon.ico"),
  ico(await Promise.all(sizes.map(async (size) => ({ size, data: await png(size) })))),
);
writeFileSync(path.join(publicDir, "apple-touch-icon.png"), await png(180));
writeFileSync(path.join(publicDir, "icon-512.png"), await png(512));
await browser.close();
console.log("public/favicon.ico, apple-touch-icon.png and icon-512.png rendered from public/icon.svg");
