// A webpack loader for Fluent UI's own modules (production build): every `tokens.<name>` read becomes the
// string it reads — the token's CSS variable, e.g. tokens.spacingHorizontalXXS → "var(--spacingHorizontalXXS)".
//
// Why: after Griffel's styles are extracted at build time, Fluent's style modules keep a few reads of the
// `tokens` object (`const textPadding = tokens.spacingHorizontalXXS;` left unused). A property read may
// have side effects as far as the minifier knows, so the whole table (29 kB) stayed in the pane's start
// bundle as soon as a component using it moved into an on-demand chunk. The values come from the
// installed @fluentui/tokens, so the code means exactly what it meant; a name the table lacks is left as is.

const { tokens } = require("@fluentui/tokens");

/** `source` with each `tokens.<name>` (not a member of something else) replaced by its value. */
function inlineTokens(source) {
  if (!source.includes("tokens.")) return source;
  return source.replace(/(?<![\w$.])tokens\.([A-Za-z0-9_$]+)\b/g, (read, name) =>
    Object.prototype.hasOwnProperty.call(tokens, name) ? JSON.stringify(tokens[name]) : read,
  );
}

module.exports = function fluentTokenLiterals(source, map) {
  this.callback(null, inlineTokens(source), map);
};
module.exports.inlineTokens = inlineTokens;
