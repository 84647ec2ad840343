// The text of a .docx's document.xml as tests read it: paragraphs, and the cells of its tables' rows.
// The docx package writes plain WordprocessingML, so the w:t runs joined within each w:p are its text.

/** The text of every paragraph outside tables, in order. */
export function docxParagraphs(xml: string): string[] {
  const withoutTables = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, "");
  return [...withoutTables.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => runText(m[0])).filter(Boolean);
}

/** Each table row's cells as text. */
export function docxTableRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
    [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => runText(c[0])),
  );
}

function runText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1])
    .join("")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}
