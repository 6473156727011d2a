// Where text is drawn in the workbench, for scenarios that point at it as a person does.

/**
 * Screen box of `text` inside the rendered lines matched by `lines` (a DOM Range over the glyphs),
 * or null when no line shows it. Waits for a line holding the text first.
 */
export async function glyphBox(page, text, lines = '.monaco-editor .view-line') {
  await page.locator(lines, { hasText: text }).first().waitFor();
  return page.evaluate(
    ({ needle, selector }) => {
      for (const line of document.querySelectorAll(selector)) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent.indexOf(needle);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + needle.length);
          const r = range.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        }
      }
      return null;
    },
    { needle: text, selector: lines },
  );
}

/**
 * Puts the cursor in `text` with a click on its second character, as a person does (Go to Line's
 * line:column input left the cursor elsewhere in VS Code 1.116), then moves the mouse away.
 */
export async function clickInto(page, text, lines = '.monaco-editor .view-line') {
  const box = await glyphBox(page, text, lines);
  if (!box) throw new Error(`"${text}" is not rendered in the editor`);
  await page.mouse.click(box.x + (box.width / [...text].length) * 1.5, box.y + box.height / 2);
  await page.mouse.move(5, 400);
}
