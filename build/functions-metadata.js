// The custom functions' metadata (functions.json) is generated from the JSDoc of src/functions/functions.ts
// by custom-functions-metadata-plugin; this step sets the two top-level switches the generator cannot.
//
// - allowErrorForDataTypeAny: true. Without it Excel does not evaluate a custom function whose `any`
//   argument holds an error (Microsoft, "Handle and return errors from your custom function", section
//   "Errors as custom function inputs", learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors):
//   one #DIV/0! from KP.RATE in KP.RANK's tie-break range would stop the ranking of the whole column.
//   "Manually create JSON metadata for custom functions" (…/excel/custom-functions-json#allowerrorfordatatypeany):
//   a top-level Boolean, default false, for every `any` / `any[][]` parameter; it "can only be used with
//   manually created JSON metadata" because the generator never writes it — so it is written here, into
//   the generated file, and test/functions-metadata.test.ts checks the result still matches the JSDoc.
//   Our functions take errors as arguments and pass them on (src/functions/declared.ts), in any shape they may
//   arrive in (Microsoft does not document it). Nothing depends on the switch, though: KAOPING.RANK takes
//   its tie-break as the counts 人工接听量, 人工排队量, where no error can occur (docs/functions.md).
// - allowCustomDataForDataTypeAny: removed. The generator always sets it (custom-functions-metadata 2.x);
//   it makes Excel pass data types (entities, formatted numbers) to `any` parameters as objects
//   (…/excel/custom-functions-data-types-concepts) and belongs to CustomFunctionsRuntime 1.4
//   (…/javascript/api/requirement-sets/excel/custom-functions-requirement-sets). The functions read
//   plain cell values, and the manifest declares CustomFunctionsRuntime 1.3.

const { Compilation, WebpackError, sources } = require("webpack");

/** The metadata asset the plugin writes (webpack.config.js's `output` option of CustomFunctionsMetadataPlugin). */
const METADATA_FILE = "functions.json";

/** The generated metadata with the top-level switches set as above; the functions themselves are untouched. */
function finishFunctionsMetadata(json) {
  const generated = JSON.parse(json);
  const { allowCustomDataForDataTypeAny: _dropped, ...rest } = generated;
  return JSON.stringify({ allowErrorForDataTypeAny: true, ...rest }, null, 4);
}

/** Rewrites functions.json after custom-functions-metadata-plugin has emitted it. */
class FinishFunctionsMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FinishFunctionsMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FinishFunctionsMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset(METADATA_FILE);
          if (!asset) {
            compilation.errors.push(new WebpackError(`${METADATA_FILE} was not generated (custom-functions-metadata-plugin)`));
            return;
          }
          compilation.updateAsset(METADATA_FILE, new sources.RawSource(finishFunctionsMetadata(asset.source.source().toString())));
        },
      );
    });
  }
}

module.exports = { FinishFunctionsMetadataPlugin, METADATA_FILE, finishFunctionsMetadata };
