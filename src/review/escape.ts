/**
 * HTML escaping for everything that comes from a document. One function serves text and
 * attribute values (always double-quoted): `&`, `<`, `>`, `"` and `'` become references, so a
 * document's `<script>` or `" onerror=` stays text wherever it lands. U+0000 becomes U+FFFD, as the
 * HTML parser would otherwise drop it silently and shift what the reader sees.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 is matched on purpose, to replace it.
const unsafeRe = /[&<>"'\u0000]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the same characters, to test for any.
const anyUnsafeRe = /[&<>"'\u0000]/;

const references: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\u0000': '\uFFFD' };

export function escapeHtml(text: string): string {
  // Most names and runs of text need nothing: skip the replacement's allocations for them.
  if (!anyUnsafeRe.test(text)) return text;
  return text.replace(unsafeRe, (char) => references[char] as string);
}
