// Lints code as if it were the given files, in one eslint process: reads [{file, code}] as JSON on
// stdin, prints the messages of each as JSON. Nothing is written to disk.
import { ESLint } from "eslint";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const { file, code } of JSON.parse(input)) {
  const [result] = await eslint.lintText(code, { filePath: file });
  out.push(result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message })));
}
process.stdout.write(JSON.stringify(out));
